package fr.tissu.vocabulary;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The terms Tissu mints in its own namespace, one constant per class and property of {@code ontology.ttl}.
 * {@code TissuTest} checks that constants and ontology agree both ways.
 */
public final class Tissu {
    /** The namespace of Tissu's own terms. */
    public static final String NS = "https://w3id.org/tissu/ns#";
    /** Root of the shared, instance-independent concept schemes (charter, themes, audiences...). */
    public static final String BASE = "https://w3id.org/tissu/";

    /** A recurring activity an association offers residents. */
    public static final Node Activity = term("Activity");
    /** A place where residents get help with everyday digital tasks. */
    public static final Node SupportPoint = term("SupportPoint");
    /** An intercommunal cooperation body. */
    public static final Node Epci = term("Epci");
    /** The named graph produced by loading one source file. */
    public static final Node SourceGraph = term("SourceGraph");

    /** The commune where a thing is located. */
    public static final Node commune = term("commune");
    /** Municipal population of a territory. */
    public static final Node population = term("population");
    /** Six-digit code of the RNA social-object nomenclature. */
    public static final Node socialObjectCode = term("socialObjectCode");
    /** Whether an activity or place welcomes people with disabilities. */
    public static final Node accessible = term("accessible");
    /** A digital-support service a support point offers. */
    public static final Node service = term("service");
    /** The unit of a charter indicator. */
    public static final Node unit = term("unit");
    /** Data Cube dimension: the charter indicator measured. */
    public static final Node indicator = term("indicator");
    /** Data Cube measure: the indicator's value. */
    public static final Node value = term("value");
    /** Data Cube attribute: declared or computed. */
    public static final Node origin = term("origin");
    /** Rows of a source file loaded into its graph. */
    public static final Node rowsAccepted = term("rowsAccepted");
    /** Rows of a source file rejected by validation. */
    public static final Node rowsRejected = term("rowsRejected");
    /** Detected format of a source file. */
    public static final Node sourceFormat = term("sourceFormat");

    private Tissu() {
    }

    private static Node term(String local) {
        return NodeFactory.createURI(NS + local);
    }

    /** The IRI of a concept of one of Tissu's shared schemes, e.g. {@code concept("theme", "judo")}. */
    public static Node concept(String scheme, String key) {
        return NodeFactory.createURI(BASE + scheme + "/" + key);
    }

    /** The Data Cube structure every data set of indicator values uses (declared in {@code ontology.ttl}). */
    public static Node indicatorStructure() {
        return NodeFactory.createURI(NS + "indicatorStructure");
    }

    /** The IRI of a charter indicator from its code, e.g. {@code 1.1}. */
    public static Node indicatorConcept(String code) {
        return NodeFactory.createURI(BASE + "charter/indicator/" + code);
    }
}
