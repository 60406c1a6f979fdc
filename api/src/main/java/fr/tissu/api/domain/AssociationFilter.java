package fr.tissu.api.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import fr.tissu.api.core.BadParameterException;
import fr.tissu.vocabulary.Sparql;
import fr.tissu.vocabulary.Tissu;
import fr.tissu.vocabulary.Vocabulary;
import org.apache.jena.datatypes.xsd.XSDDatatype;

/**
 * The association filters of the REST list (and, later, of search and GraphQL). Associations are many (two
 * million for France), so this filter compiles to a SPARQL graph pattern, written from the most selective
 * condition to the broadest.
 *
 * @param communes      INSEE codes (any of)
 * @param themes        theme codes, each with its sub-themes (any of)
 * @param status        {@code active} or {@code dissolved}, or {@code null}
 * @param createdAfter  founded on or after this day
 * @param createdBefore founded on or before this day
 * @param words         folded words that must all appear in the name
 */
public record AssociationFilter(Set<String> communes, Set<String> themes, String status, LocalDate createdAfter,
                                LocalDate createdBefore, List<String> words) {

    /** The name in lower case without French accents, as {@link Vocabulary#fold} writes words. */
    private static final String FOLDED_NAME =
            "REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LCASE(STR(?name)),"
            + " \"[àâä]\", \"a\"), \"[éèêë]\", \"e\"), \"[îï]\", \"i\"), \"[ôö]\", \"o\"), \"[ùûü]\", \"u\"),"
            + " \"ç\", \"c\"), \"[œ]\", \"oe\")";

    /** The parameters that are filters. */
    public static final Set<String> PARAMETERS = Set.of("commune", "epci", "theme", "status", "created-after",
            "created-before", "q");

    /** Reads and checks the filter parameters. */
    public static AssociationFilter parse(Params p) {
        Set<String> communes = p.communes();
        Set<String> themes = new TreeSet<>();
        for (String theme : p.all("theme")) {
            themes.addAll(Themes.withDescendants(theme)
                    .orElseThrow(() -> new BadParameterException("theme", "unknown theme '" + theme + "'")));
        }
        String status = p.one("status");
        if (status != null && !status.equals("active") && !status.equals("dissolved")) {
            throw new BadParameterException("status", "expected active or dissolved");
        }
        LocalDate after = p.date("created-after");
        LocalDate before = p.date("created-before");
        if (after != null && before != null && after.isAfter(before)) {
            throw new BadParameterException("created-before", "comes before created-after");
        }
        List<String> words = p.words("q");
        return new AssociationFilter(communes, themes, status, after, before, words);
    }

    /**
     * The graph pattern selecting {@code ?a} (with {@code ?id}, {@code ?name}), for a store whose commune URIs
     * are {@code communeIri(code)}. Every value is written by {@link Sparql}: no user text is pasted.
     */
    public String pattern(Function<String, String> communeIri) {
        StringBuilder q = new StringBuilder();
        if (!communes.isEmpty()) {
            q.append("  VALUES ?c {");
            communes.forEach(c -> q.append(' ').append(Sparql.iri(communeIri.apply(c))));
            q.append(" }\n  ?a <https://w3id.org/tissu/ns#commune> ?c .\n");
        }
        if (!themes.isEmpty()) {
            q.append("  VALUES ?theme {");
            themes.forEach(t -> q.append(' ').append(Sparql.iri(Tissu.BASE + "theme/" + t)));
            q.append(" }\n  ?a <http://purl.org/dc/terms/subject> ?theme .\n");
        }
        if (status != null) {
            q.append("  ?a <http://www.w3.org/ns/regorg#orgStatus> ").append(Sparql.iri(Tissu.BASE + "status/" + status))
                    .append(" .\n");
        }
        q.append("  ?a a <https://schema.org/NGO> ; <http://purl.org/dc/terms/identifier> ?id ;"
                + " <https://schema.org/name> ?name .\n");
        if (createdAfter != null || createdBefore != null) {
            q.append("  ?a <https://schema.org/foundingDate> ?founded .\n");
            if (createdAfter != null) {
                q.append("  FILTER(?founded >= ").append(Sparql.literal(createdAfter.toString(), XSDDatatype.XSDdate))
                        .append(")\n");
            }
            if (createdBefore != null) {
                q.append("  FILTER(?founded <= ").append(Sparql.literal(createdBefore.toString(), XSDDatatype.XSDdate))
                        .append(")\n");
            }
        }
        if (!words.isEmpty()) {
            q.append("  BIND(").append(FOLDED_NAME).append(" AS ?folded)\n");
        }
        for (String word : words) {
            // the folded name holds only [a-z0-9.]
            q.append("  FILTER(CONTAINS(?folded, ").append(Sparql.literal(word.replaceAll("[^a-z0-9.]", "")))
                    .append("))\n");
        }
        return q.toString();
    }
}
