package fr.tissu.loader;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import fr.tissu.store.read.ReferenceData;

/**
 * The communes an instance publishes for ({@code tissu.territory}): loads keep the rows about them and count the
 * others as outside the territory, not as errors. National files (the whole RNA, every digital-support point) can
 * then be loaded as they are published.
 */
public final class Territory {
    /** No territory configured: every row is kept. */
    public static final Territory EVERYWHERE = new Territory(null, List.of());

    private final Set<String> communes;
    private final List<String> codes;

    private Territory(Set<String> communes, List<String> codes) {
        this.communes = communes;
        this.codes = List.copyOf(codes);
    }

    /**
     * The territory made of {@code codes}, each an EPCI's SIREN (9 digits), a département's code ({@code 35},
     * {@code 2A}, {@code 971}) or a commune's INSEE code (5 characters); empty: everywhere.
     *
     * @throws IllegalArgumentException for a code the reference data does not know
     */
    public static Territory of(List<String> codes, ReferenceData reference) {
        if (codes.isEmpty()) {
            return EVERYWHERE;
        }
        Set<String> communes = new HashSet<>();
        List<String> known = new ArrayList<>();
        for (String raw : codes) {
            String code = raw.strip().toUpperCase(java.util.Locale.ROOT);
            if (code.matches("\\d{9}")) {
                communes.addAll(reference.epci(code).orElseThrow(() -> unknown(raw, "EPCI SIREN")).members());
            } else if (code.matches("\\d{2}|2[AB]|97\\d")) {
                int before = communes.size();
                reference.communeCodes().stream().filter(c -> reference.commune(c).orElseThrow().departement()
                        .equals(code)).forEach(communes::add);
                if (communes.size() == before) {
                    throw unknown(raw, "département code");
                }
            } else if (code.matches("[0-9][0-9AB]\\d{3}")) {
                communes.add(reference.commune(code).orElseThrow(() -> unknown(raw, "INSEE commune code")).code());
            } else {
                throw new IllegalArgumentException("tissu.territory: '" + raw + "' is neither an EPCI SIREN (9 digits),"
                        + " a département code (35, 2A, 971) nor an INSEE commune code (35238)");
            }
            known.add(code);
        }
        return new Territory(Set.copyOf(communes), known);
    }

    private static IllegalArgumentException unknown(String code, String what) {
        return new IllegalArgumentException("tissu.territory: unknown " + what + " '" + code + "'");
    }

    /**
     * Whether a row about the commune {@code insee} is to be left out: true only for a commune the reference
     * data knows, outside the territory (an unknown code is an error that the row's checks report). A delegated or
     * associated commune, or a municipal district, belongs where its current commune does.
     */
    boolean excludes(String insee, ReferenceData reference) {
        if (communes == null || insee == null) {
            return false;
        }
        return reference.commune(insee.strip()).map(c -> !communes.contains(c.code())
                && (c.parent() == null || !communes.contains(c.parent()))).orElse(false);
    }

    /** The codes it was made of (empty: everywhere). */
    public List<String> codes() {
        return codes;
    }

    /** Number of current communes in it, or -1 for everywhere. */
    public int size() {
        return communes == null ? -1 : communes.size();
    }
}
