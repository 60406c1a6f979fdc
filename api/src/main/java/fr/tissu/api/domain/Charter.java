package fr.tissu.api.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnore;
import fr.tissu.vocabulary.Tissu;
import fr.tissu.vocabulary.Vocab;
import fr.tissu.vocabulary.Vocabulary;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/**
 * The commune charter's 21 indicators, read once from the vocabulary (it does not change while the service runs),
 * in code order: what REST, GraphQL, the comparison and the pages say about an indicator.
 */
public final class Charter {
    private static final List<Indicator> INDICATORS = read();

    private Charter() {
    }

    /**
     * A charter indicator (its JSON representation has these members, in this order).
     *
     * @param id          its URI
     * @param url         its REST URL
     * @param code        its code, {@code 1.1} … {@code 7.3}
     * @param label       its name by language
     * @param definition  its definition by language
     * @param unit        {@code count}, {@code boolean} or {@code percent}
     * @param axis        the charter axis it belongs to
     * @param commitments the commitments of its axis it follows
     */
    public record Indicator(String id, String url, String code, Map<String, String> label,
                            Map<String, String> definition, String unit, Axis axis, List<Commitment> commitments) {
        /** Whether its values are counts (compared per 1,000 inhabitants). */
        @JsonIgnore
        public boolean isCount() {
            return "count".equals(unit);
        }
    }

    /**
     * A charter axis.
     *
     * @param code  its number
     * @param id    its URI
     * @param label its name by language
     */
    public record Axis(String code, String id, Map<String, String> label) {
        /** Its number, 1 to 7. */
        public int number() {
            return Integer.parseInt(code.replaceAll("\\D", ""));
        }

        /** Its indicators, in code order. */
        @JsonIgnore
        public List<Indicator> indicators() {
            return INDICATORS.stream().filter(i -> i.axis().equals(this)).toList();
        }
    }

    /**
     * A charter commitment.
     *
     * @param code       its code
     * @param id         its URI
     * @param definition its text by language
     */
    public record Commitment(String code, String id, Map<String, String> definition) {
    }

    /** Every indicator, in code order. */
    public static List<Indicator> indicators() {
        return INDICATORS;
    }

    /** The seven axes, in order. */
    public static List<Axis> axes() {
        return INDICATORS.stream().map(Indicator::axis).distinct().toList();
    }

    /** The indicator {@code code}, if the charter has it. */
    public static Optional<Indicator> indicator(String code) {
        return INDICATORS.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    private static List<Indicator> read() {
        Graph g = Vocabulary.get().schemes();
        Node definition = NodeFactory.createURI(Vocab.Skos.NS + "definition");
        Node related = NodeFactory.createURI(Vocab.Skos.NS + "related");
        List<Indicator> all = new ArrayList<>();
        Vocabulary.get().indicators().forEach((code, node) -> {
            Node unit = g.find(node, Tissu.unit, Node.ANY).mapWith(Triple::getObject).next();
            Node axis = g.find(node, Vocab.Skos.broader, Node.ANY).mapWith(Triple::getObject).next();
            List<Commitment> commitments = g.find(node, related, Node.ANY).mapWith(Triple::getObject).toList().stream()
                    .sorted(Comparator.comparing(Node::getURI))
                    .map(c -> new Commitment(notation(g, c), c.getURI(), texts(g, c, definition))).toList();
            all.add(new Indicator(node.getURI(), "/api/v1/indicators/" + code, code,
                    texts(g, node, Vocab.Skos.prefLabel), texts(g, node, definition),
                    unit.getURI().substring(unit.getURI().lastIndexOf('/') + 1),
                    new Axis(notation(g, axis), axis.getURI(), texts(g, axis, Vocab.Skos.prefLabel)), commitments));
        });
        all.sort(Comparator.comparing((Indicator i) -> Integer.parseInt(i.code().split("\\.")[0]))
                .thenComparing(i -> Integer.parseInt(i.code().split("\\.")[1])));
        return List.copyOf(all);
    }

    private static String notation(Graph g, Node concept) {
        return g.find(concept, Vocab.Skos.notation, Node.ANY).next().getObject().getLiteralLexicalForm();
    }

    private static Map<String, String> texts(Graph g, Node s, Node p) {
        Map<String, String> byLang = new TreeMap<>();
        g.find(s, p, Node.ANY).forEach(t -> byLang.put(t.getObject().getLiteralLanguage(),
                t.getObject().getLiteralLexicalForm()));
        return Collections.unmodifiableMap(byLang);
    }
}
