package fr.tissu.loader;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The kinds of source file the loader reads. */
public enum SourceFormat {
    /** The national register of associations, {@code rna_waldec} layout. */
    RNA("rna", Set.of("id", "titre", "adrs_codeinsee", "position")),
    /** Tissu's activities template. */
    ACTIVITIES("activities", Set.of("association", "titre", "jours", "heure_debut")),
    /** Charter indicator values: commune, indicator, year, value. */
    INDICATORS("indicators", Set.of("commune", "indicator", "year", "value")),
    /** The national digital-inclusion places standard (lieux de médiation numérique) v1.0.2. */
    SUPPORT_POINTS("support-points", Set.of("pivot", "nom", "code_postal", "date_maj")),
    /** RDF in any syntax Jena reads. */
    RDF("rdf", Set.of());

    private final String key;
    private final Set<String> signature;

    SourceFormat(String key, Set<String> signature) {
        this.key = key;
        this.signature = signature;
    }

    /** The format's name on the command line and in reports. */
    public String key() {
        return key;
    }

    /** The CSV format whose signature columns all appear in {@code header}. */
    static Optional<SourceFormat> fromHeader(Set<String> header) {
        for (SourceFormat format : values()) {
            if (!format.signature.isEmpty() && header.containsAll(format.signature)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** A format from its name ({@code rna}, {@code support-points}...). */
    public static SourceFormat fromKey(String key) {
        for (SourceFormat format : values()) {
            if (format.key.equals(key.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + key + "'");
    }
}
