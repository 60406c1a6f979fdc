package fr.tissu.api.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import fr.tissu.vocabulary.Tissu;
import fr.tissu.vocabulary.Vocab;
import fr.tissu.vocabulary.Vocabulary;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** The theme scheme as codes: a theme and every theme below it. */
public final class Themes {
    private static final Map<String, Set<String>> DESCENDANTS = new HashMap<>();

    static {
        String prefix = Tissu.BASE + "theme/";
        Vocabulary.get().schemes().find(Node.ANY, Vocab.Skos.broader, Node.ANY).forEach(t -> {
            if (t.getSubject().getURI().startsWith(prefix)) {
                String child = t.getSubject().getURI().substring(prefix.length());
                String parent = t.getObject().getURI().substring(prefix.length());
                DESCENDANTS.computeIfAbsent(parent, k -> new HashSet<>()).add(child);
            }
        });
    }

    private static final Map<String, List<String>> TREE = readTree();
    private static final Map<String, String> TOP_OF = new HashMap<>();

    static {
        TREE.forEach((top, children) -> {
            TOP_OF.put(top, top);
            children.forEach(c -> TOP_OF.put(c, top));
        });
    }

    private Themes() {
    }

    /** The code of {@code theme} (a code or label) and of all its sub-themes; empty when unknown. */
    public static Optional<Set<String>> withDescendants(String theme) {
        return Vocabulary.get().theme(theme).map(node -> {
            String code = node.getURI().substring((Tissu.BASE + "theme/").length());
            Set<String> all = new HashSet<>();
            collect(code, all);
            return all;
        });
    }

    private static void collect(String code, Set<String> into) {
        if (into.add(code)) {
            DESCENDANTS.getOrDefault(code, Set.of()).forEach(child -> collect(child, into));
        }
    }

    /** The code of a theme URI. */
    public static String code(Object themeUri) {
        String uri = themeUri.toString();
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    private static String themeUri(Object codeOrUri) {
        String s = codeOrUri.toString();
        return s.contains("/") ? s : Tissu.BASE + "theme/" + s;
    }

    /** The label of a theme (URI or code) in {@code lang}, or its code. */
    public static String label(Object theme, String lang) {
        Node node = NodeFactory.createURI(themeUri(theme));
        return Vocabulary.get().schemes().find(node, Vocab.Skos.prefLabel, Node.ANY)
                .filterKeep(t -> t.getObject().getLiteralLanguage().equals(lang))
                .mapWith(t -> t.getObject().getLiteralLexicalForm()).nextOptional().orElse(code(theme));
    }

    /** The top themes' codes, each with its sub-themes' codes, in code order. */
    public static Map<String, List<String>> tree() {
        return TREE;
    }

    /** The top themes of {@code themes} (codes): each top theme itself or the one above a sub-theme. */
    public static Set<String> topsOf(Collection<String> themes) {
        Set<String> tops = new HashSet<>();
        for (String theme : themes) {
            String top = TOP_OF.get(theme);
            if (top != null) {
                tops.add(top);
            }
        }
        return tops;
    }

    private static Map<String, List<String>> readTree() {
        String prefix = Tissu.BASE + "theme/";
        Map<String, List<String>> tree = new TreeMap<>();
        var schemes = Vocabulary.get().schemes();
        schemes.find(Node.ANY, Vocab.Skos.inScheme, NodeFactory.createURI(Tissu.BASE + "theme")).forEach(t -> {
            Node theme = t.getSubject();
            if (!schemes.contains(theme, Vocab.Skos.broader, Node.ANY)) {
                String code = theme.getURI().substring(prefix.length());
                tree.put(code, DESCENDANTS.getOrDefault(code, Set.of()).stream().sorted().toList());
            }
        });
        return Collections.unmodifiableMap(tree);
    }

    /** The themes {@code property} links from {@code theme} (or to it, {@code inverse}), as URIs in order. */
    public static List<String> related(Object theme, Node property, boolean inverse) {
        Node node = NodeFactory.createURI(themeUri(theme));
        var g = Vocabulary.get().schemes();
        return (inverse ? g.find(Node.ANY, property, node).mapWith(t -> t.getSubject().getURI())
                : g.find(node, property, Node.ANY).mapWith(t -> t.getObject().getURI())).toList().stream().sorted()
                .toList();
    }
}
