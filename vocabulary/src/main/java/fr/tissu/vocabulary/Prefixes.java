package fr.tissu.vocabulary;

import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.shared.PrefixMapping;

/**
 * The one prefix table: the prefixes of Turtle and JSON-LD representations, and the {@code PREFIX} declarations of
 * the queries Tissu writes.
 */
public final class Prefixes {
    /** The shared, read-only prefix mapping. */
    public static final PrefixMapping MAP = PrefixMapping.Factory.create()
            .setNsPrefix("tissu", Tissu.NS)
            .setNsPrefix("schema", "https://schema.org/")
            .setNsPrefix("dct", "http://purl.org/dc/terms/")
            .setNsPrefix("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#")
            .setNsPrefix("rdfs", "http://www.w3.org/2000/01/rdf-schema#")
            .setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#")
            .setNsPrefix("skos", "http://www.w3.org/2004/02/skos/core#")
            .setNsPrefix("rov", "http://www.w3.org/ns/regorg#")
            .setNsPrefix("org", "http://www.w3.org/ns/org#")
            .setNsPrefix("locn", "http://www.w3.org/ns/locn#")
            .setNsPrefix("adms", "http://www.w3.org/ns/adms#")
            .setNsPrefix("foaf", "http://xmlns.com/foaf/0.1/")
            .setNsPrefix("geo", "http://www.w3.org/2003/01/geo/wgs84_pos#")
            .setNsPrefix("gsp", "http://www.opengis.net/ont/geosparql#")
            .setNsPrefix("igeo", "http://rdf.insee.fr/def/geo#")
            .setNsPrefix("qb", "http://purl.org/linked-data/cube#")
            .setNsPrefix("sdmxd", "http://purl.org/linked-data/sdmx/2009/dimension#")
            .setNsPrefix("sdmxa", "http://purl.org/linked-data/sdmx/2009/attribute#")
            .setNsPrefix("prov", "http://www.w3.org/ns/prov#")
            .setNsPrefix("spdx", "http://spdx.org/rdf/terms#")
            .setNsPrefix("owl", "http://www.w3.org/2002/07/owl#")
            .setNsPrefix("theme", Tissu.BASE + "theme/")
            .setNsPrefix("audience", Tissu.BASE + "audience/")
            .setNsPrefix("charter", Tissu.BASE + "charter/")
            .lock();

    /** The same prefixes as SPARQL {@code PREFIX} declarations, one per line. */
    public static final String SPARQL = sparql();

    private Prefixes() {
    }

    private static String sparql() {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(MAP.getNsPrefixMap()).entrySet()) {
            s.append("PREFIX ").append(e.getKey()).append(": <").append(e.getValue()).append(">\n");
        }
        return s.toString();
    }
}
