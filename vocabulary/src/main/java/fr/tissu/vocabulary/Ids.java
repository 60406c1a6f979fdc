package fr.tissu.vocabulary;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The URIs an instance mints: {@code {base}/id/{type}/{key}} for things, {@code {base}/graph/{name}} for source
 * graphs. Parts of things (an address, a schedule) are hash URIs of their thing, so every node has a name and
 * a thing's description is its URI and its hash URIs.
 *
 * @param base the instance's base URI, without a trailing slash, e.g. {@code https://data.rennes.fr}
 */
public record Ids(String base) {
    /** The types of things that have URIs, as they appear in {@code /id/{type}/...}. */
    public static final List<String> TYPES = List.of("association", "activity", "place", "support-point", "commune",
            "epci", "departement", "region", "observation", "dataset");

    /** Normalises the base (no trailing slash). */
    public Ids {
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** A thing's URI; {@code key} may hold slashes (observations) but each segment is percent-encoded. */
    public Node thing(String type, String key) {
        StringBuilder iri = new StringBuilder(base).append("/id/").append(type);
        for (String segment : key.split("/", -1)) {
            iri.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return NodeFactory.createURI(iri.toString());
    }

    /** An association from its RNA number. */
    public Node association(String rna) {
        return thing("association", rna);
    }

    /** A commune from its INSEE code. */
    public Node commune(String code) {
        return thing("commune", code);
    }

    /** A named graph. */
    public Node graph(String name) {
        return NodeFactory.createURI(base + "/graph/" + URLEncoder.encode(name, StandardCharsets.UTF_8));
    }

    /**
     * The base the things of a store are named under, read from its graph names: the vocabulary graph's
     * ({@code {base}/graph/vocabulary}, which every served store holds), else the base most graph names share (a store
     * filled by {@code tissu load} alone before it recorded its base); empty for a new store.
     */
    public static Optional<String> baseOf(Collection<Node> graphs) {
        String suffix = "/graph/vocabulary";
        Optional<String> recorded = graphs.stream().filter(Node::isURI).map(Node::getURI)
                .filter(g -> g.endsWith(suffix)).map(g -> g.substring(0, g.length() - suffix.length())).sorted()
                .findFirst();
        if (recorded.isPresent()) {
            return recorded;
        }
        Map<String, Long> bases = graphs.stream().filter(Node::isURI).map(Node::getURI)
                .filter(g -> g.contains("/graph/")).map(g -> g.substring(0, g.lastIndexOf("/graph/")))
                .collect(Collectors.groupingBy(b -> b, TreeMap::new, Collectors.counting()));
        return bases.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    /** A part of a thing: {@code thing#fragment}. */
    public static Node part(Node thing, String fragment) {
        return NodeFactory.createURI(thing.getURI() + "#" + fragment);
    }

    /** The thing a part belongs to (the URI without its fragment). */
    public static Node whole(Node node) {
        if (!node.isURI()) {
            return node;
        }
        int hash = node.getURI().indexOf('#');
        return hash < 0 ? node : NodeFactory.createURI(node.getURI().substring(0, hash));
    }
}
