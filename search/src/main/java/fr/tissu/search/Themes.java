package fr.tissu.search;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import fr.tissu.vocabulary.Tissu;
import fr.tissu.vocabulary.Vocab;
import fr.tissu.vocabulary.Vocabulary;
import org.apache.jena.graph.Node;

/**
 * The theme and audience schemes as the index needs them: a theme's code with its broader themes, and the labels of
 * themes and audiences (French and English).
 */
final class Themes {
    private static final String PREFIX = Tissu.BASE + "theme/";
    private static final String AUDIENCES = Tissu.BASE + "audience/";
    private static final Map<String, String> BROADER = new HashMap<>();
    private static final Map<String, String> LABELS = new HashMap<>();
    private static final Map<String, String> AUDIENCE_LABELS = new HashMap<>();

    static {
        var schemes = Vocabulary.get().schemes();
        schemes.find(Node.ANY, Vocab.Skos.broader, Node.ANY).forEach(t -> {
            if (t.getSubject().getURI().startsWith(PREFIX)) {
                BROADER.put(code(t.getSubject().getURI()), code(t.getObject().getURI()));
            }
        });
        schemes.find(Node.ANY, Vocab.Skos.prefLabel, Node.ANY).forEach(t -> {
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(PREFIX)) {
                LABELS.merge(code(t.getSubject().getURI()), t.getObject().getLiteralLexicalForm(), (a, b) -> a + " "
                        + b);
            } else if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(AUDIENCES)) {
                AUDIENCE_LABELS.merge(code(t.getSubject().getURI()), t.getObject().getLiteralLexicalForm(),
                        (a, b) -> a + " " + b);
            }
        });
    }

    private Themes() {
    }

    /** The code of a theme URI. */
    static String code(String uri) {
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    /** The code of {@code theme} and of every broader theme. */
    static Set<String> withBroader(String theme) {
        Set<String> codes = new LinkedHashSet<>();
        for (String c = theme; c != null && codes.add(c); c = BROADER.get(c)) {
            // climb
        }
        return codes;
    }

    /** French and English labels of {@code theme} (its code when it has none). */
    static String labels(String theme) {
        return LABELS.getOrDefault(theme, theme.replace('-', ' '));
    }

    /** French and English labels of the audience {@code code} (its code when it has none). */
    static String audienceLabels(String code) {
        return AUDIENCE_LABELS.getOrDefault(code, code.replace('-', ' '));
    }
}
