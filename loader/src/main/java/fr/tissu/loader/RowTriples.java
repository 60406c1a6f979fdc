package fr.tissu.loader;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import fr.tissu.vocabulary.Ids;
import fr.tissu.vocabulary.Vocab;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/** The triples one row maps to, and the subjects it describes (to trace validation results back to it). */
final class RowTriples {
    final List<Triple> triples = new ArrayList<>();
    final Set<Node> subjects = new LinkedHashSet<>();

    void add(Node s, Node p, Node o) {
        if (o != null) {
            triples.add(Triple.create(s, p, o));
            subjects.add(s);
        }
    }

    void text(Node s, Node p, String value) {
        if (value != null) {
            add(s, p, NodeFactory.createLiteralString(value));
        }
    }

    void date(Node s, Node p, LocalDate value) {
        if (value != null) {
            add(s, p, NodeFactory.createLiteralDT(value.toString(), XSDDatatype.XSDdate));
        }
    }

    void time(Node s, Node p, LocalTime value) {
        if (value != null) {
            add(s, p, NodeFactory.createLiteralDT(value.withNano(0).toString().length() == 5
                    ? value + ":00" : value.withNano(0).toString(), XSDDatatype.XSDtime));
        }
    }

    void decimal(Node s, Node p, BigDecimal value) {
        if (value != null) {
            add(s, p, NodeFactory.createLiteralDT(value.toPlainString(), XSDDatatype.XSDdecimal));
        }
    }

    void integer(Node s, Node p, Number value) {
        if (value != null) {
            add(s, p, NodeFactory.createLiteralDT(value.toString(), XSDDatatype.XSDinteger));
        }
    }

    void bool(Node s, Node p, Boolean value) {
        if (value != null) {
            add(s, p, NodeFactory.createLiteralDT(value.toString(), XSDDatatype.XSDboolean));
        }
    }

    /** The LOCN address of {@code thing}, as its part {@code thing#address}; nothing when every field is empty. */
    void address(Node thing, String full, String street, String postCode, String town) {
        if (isBlank(full) && isBlank(street) && isBlank(postCode) && isBlank(town)) {
            return;
        }
        Node address = Ids.part(thing, "address");
        add(thing, Vocab.Org.address, address);
        add(address, Vocab.Core.type, Vocab.Org.Address);
        text(address, Vocab.Org.fullAddress, isBlank(full) ? null : full);
        text(address, Vocab.Org.thoroughfare, isBlank(street) ? null : street);
        text(address, Vocab.Org.postCode, postCode);
        text(address, Vocab.Org.postName, town);
    }

    /** The non-blank parts, stripped and joined with {@code separator}. */
    static String join(String separator, String... parts) {
        StringBuilder s = new StringBuilder();
        for (String part : parts) {
            if (!isBlank(part)) {
                if (!s.isEmpty()) {
                    s.append(separator);
                }
                s.append(part.strip());
            }
        }
        return s.toString();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** An IRI object, if {@code iri} is an absolute http(s) IRI; returns whether it was. */
    boolean link(Node s, Node p, String iri) {
        if (iri == null) {
            return true;
        }
        String candidate = iri.startsWith("www.") ? "https://" + iri : iri;
        if (!candidate.matches("(?i)https?://[^\\s<>\"{}|\\\\^`]+\\.[^\\s<>\"{}|\\\\^`]+")) {
            return false;
        }
        add(s, p, NodeFactory.createURI(candidate));
        return true;
    }
}
