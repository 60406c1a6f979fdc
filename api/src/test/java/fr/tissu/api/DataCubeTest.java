package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import fr.tissu.api.core.Instance;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The indicator values (declared and computed, on the bundled sample) satisfy the well-formedness constraints IC-1 to
 * IC-21 of the W3C RDF Data Cube recommendation (section 11.1), run as ASK queries over the store's union graph. Each
 * constraint is also run on a copy of part of the cube with a defect added, and must find it there: a constraint that
 * cannot fail proves nothing. The queries are written here after the recommendation's; our data is written in its
 * normalized form (component specifications carry {@code qb:componentProperty}), so no normalization step is needed.
 */
@Tag(SharedSample.TAG)
class DataCubeTest {
    private static final String PREFIXES = """
            PREFIX qb: <http://purl.org/linked-data/cube#>
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX owl: <http://www.w3.org/2002/07/owl#>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            PREFIX tissu: <https://w3id.org/tissu/ns#>
            PREFIX sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#>
            PREFIX sdmx-attribute: <http://purl.org/linked-data/sdmx/2009/attribute#>
            PREFIX ex: <http://example.org/broken/>
            """;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /** IC id, the ASK query finding a violation, and Turtle that adds one to a well-formed cube. */
    static Stream<Arguments> constraints() {
        return Stream.of(
                Arguments.of("IC-1 unique data set", """
                        ASK { { ?obs a qb:Observation FILTER NOT EXISTS { ?obs qb:dataSet ?ds } }
                          UNION { ?obs a qb:Observation ; qb:dataSet ?ds1 , ?ds2 FILTER(?ds1 != ?ds2) } }""",
                        "ex:o a qb:Observation ."),
                Arguments.of("IC-2 unique DSD", """
                        ASK { { ?ds a qb:DataSet FILTER NOT EXISTS { ?ds qb:structure ?dsd } }
                          UNION { ?ds a qb:DataSet ; qb:structure ?dsd1 , ?dsd2 FILTER(?dsd1 != ?dsd2) } }""",
                        "ex:ds a qb:DataSet ; qb:structure tissu:indicatorStructure , ex:other ."),
                Arguments.of("IC-3 DSD includes measure", """
                        ASK { ?dsd a qb:DataStructureDefinition
                          FILTER NOT EXISTS { ?dsd qb:component [ qb:componentProperty [ a qb:MeasureProperty ] ] }
                        }""",
                        "ex:dsd a qb:DataStructureDefinition ; qb:component [ qb:componentProperty tissu:indicator ] "
                        + "."),
                Arguments.of("IC-4 dimensions have range", """
                        ASK { ?dim a qb:DimensionProperty FILTER NOT EXISTS { ?dim rdfs:range [] } }""",
                        "ex:dim a qb:DimensionProperty ."),
                Arguments.of("IC-5 concept dimensions have code lists", """
                        ASK { ?dim a qb:DimensionProperty ; rdfs:range skos:Concept
                          FILTER NOT EXISTS { ?dim qb:codeList [] } }""",
                        "ex:dim a qb:DimensionProperty ; rdfs:range skos:Concept ."),
                Arguments.of("IC-6 only attributes may be optional", """
                        ASK { ?dsd qb:component ?cs . ?cs qb:componentRequired "false"^^xsd:boolean ;
                          qb:componentProperty ?c FILTER NOT EXISTS { ?c a qb:AttributeProperty } }""",
                        "ex:dsd qb:component [ qb:componentProperty tissu:indicator ; qb:componentRequired false ] ."),
                Arguments.of("IC-7 slice keys must be declared", """
                        ASK { ?key a qb:SliceKey
                          FILTER NOT EXISTS { [ a qb:DataStructureDefinition ] qb:sliceKey ?key } }""",
                        "ex:key a qb:SliceKey ."),
                Arguments.of("IC-8 slice keys consistent with DSD", """
                        ASK { ?key a qb:SliceKey ; qb:componentProperty ?prop . ?dsd qb:sliceKey ?key
                          FILTER NOT EXISTS { ?dsd qb:component [ qb:componentProperty ?prop ] } }""",
                        "tissu:indicatorStructure qb:sliceKey ex:key . ex:key a qb:SliceKey ; qb:componentProperty "
                        + "ex:nope ."),
                Arguments.of("IC-9 unique slice structure", """
                        ASK { { ?slice a qb:Slice FILTER NOT EXISTS { ?slice qb:sliceStructure ?key } }
                          UNION { ?slice a qb:Slice ; qb:sliceStructure ?k1 , ?k2 FILTER(?k1 != ?k2) } }""",
                        "ex:slice a qb:Slice ."),
                Arguments.of("IC-10 slice dimensions complete", """
                        ASK { ?slice qb:sliceStructure [ qb:componentProperty ?dim ]
                          FILTER NOT EXISTS { ?slice ?dim [] } }""",
                        "ex:slice a qb:Slice ; qb:sliceStructure [ qb:componentProperty tissu:indicator ] ."),
                Arguments.of("IC-11 all dimensions required", """
                        ASK { ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
                          ?dim a qb:DimensionProperty FILTER NOT EXISTS { ?obs ?dim [] } }""",
                        "ex:o a qb:Observation ; qb:dataSet ex:ds ; tissu:indicator <https://w3id.org/tissu/charter/indicator/1.1> ; "
                                + "tissu:value 1 ; tissu:origin <https://w3id.org/tissu/origin/declared> ; "
                                + "sdmx-attribute:unitMeasure <https://w3id.org/tissu/unit/count> ; "
                                + "sdmx-dimension:refArea ex:area . ex:ds a qb:DataSet ; qb:structure "
                                + "tissu:indicatorStructure ."),
                // IC-12 as the recommendation writes it (quadratic: run on the small copy only) and grouped (below)
                Arguments.of("IC-12 no duplicate observations", """
                        ASK { FILTER(?allEqual) { SELECT (MIN(?equal) AS ?allEqual) WHERE {
                          ?o1 qb:dataSet ?ds . ?o2 qb:dataSet ?ds FILTER(?o1 != ?o2)
                          ?ds qb:structure/qb:component/qb:componentProperty ?dim . ?dim a qb:DimensionProperty .
                          ?o1 ?dim ?v1 . ?o2 ?dim ?v2 BIND(?v1 = ?v2 AS ?equal) } GROUP BY ?o1 ?o2 } }""",
                        "COPY"),
                Arguments.of("IC-13 required attributes", """
                        ASK { ?obs qb:dataSet/qb:structure/qb:component ?cs . ?cs qb:componentRequired\s\
                        "true"^^xsd:boolean ;
                          qb:componentProperty ?attr FILTER NOT EXISTS { ?obs ?attr [] } }""",
                        "ex:o a qb:Observation ; qb:dataSet ex:ds . ex:ds a qb:DataSet ; qb:structure "
                        + "tissu:indicatorStructure ."),
                Arguments.of("IC-14 all measures present", """
                        ASK { ?obs qb:dataSet/qb:structure ?dsd
                          FILTER NOT EXISTS { ?dsd qb:component/qb:componentProperty qb:measureType }
                          ?dsd qb:component/qb:componentProperty ?m . ?m a qb:MeasureProperty
                          FILTER NOT EXISTS { ?obs ?m [] } }""",
                        "ex:o a qb:Observation ; qb:dataSet ex:ds . ex:ds a qb:DataSet ; qb:structure "
                        + "tissu:indicatorStructure ."),
                Arguments.of("IC-15 measure dimension consistent", """
                        ASK { ?obs qb:dataSet/qb:structure ?dsd ; qb:measureType ?m .
                          ?dsd qb:component/qb:componentProperty qb:measureType FILTER NOT EXISTS { ?obs ?m [] } }""",
                        MEASURE_TYPE_CUBE + "ex:o qb:measureType ex:m2 ."),
                Arguments.of("IC-16 single measure on measure dimension observation", """
                        ASK { ?dsd qb:component/qb:componentProperty qb:measureType ;
                               qb:component/qb:componentProperty ?om . ?om a qb:MeasureProperty .
                          ?obs qb:dataSet/qb:structure ?dsd ; qb:measureType ?m ; ?om [] FILTER(?om != ?m) }""",
                        MEASURE_TYPE_CUBE + "ex:o qb:measureType ex:m1 ; ex:m1 1 ; ex:m2 2 ."),
                Arguments.of("IC-17 all measures present in measures dimension cube", """
                        ASK { { SELECT ?numMeasures (COUNT(?o2) AS ?count) WHERE {
                            { SELECT ?dsd (COUNT(?m) AS ?numMeasures) WHERE {
                                ?dsd qb:component/qb:componentProperty ?m . ?m a qb:MeasureProperty } GROUP BY ?dsd }
                            ?o1 qb:dataSet/qb:structure ?dsd ; qb:dataSet ?ds ; qb:measureType ?m1 .
                            ?o2 qb:dataSet ?ds ; qb:measureType ?m2 .
                            FILTER NOT EXISTS { ?dsd qb:component/qb:componentProperty ?dim FILTER(?dim !=\s\
                        qb:measureType)
                              ?dim a qb:DimensionProperty . ?o1 ?dim ?v1 . ?o2 ?dim ?v2 FILTER(?v1 != ?v2) }
                          } GROUP BY ?o1 ?numMeasures HAVING (?count != ?numMeasures) } }""",
                        MEASURE_TYPE_CUBE + "ex:o qb:measureType ex:m1 ; ex:m1 1 ."),
                Arguments.of("IC-18 consistent data set links", """
                        ASK { ?ds qb:slice ?slice . ?slice qb:observation ?obs
                          FILTER NOT EXISTS { ?obs qb:dataSet ?ds } }""",
                        "ex:ds qb:slice ex:slice . ex:slice qb:observation ex:o ."),
                Arguments.of("IC-19 codes from code list", """
                        ASK { { ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
                            ?dim a qb:DimensionProperty ; qb:codeList ?list . ?list a skos:ConceptScheme .
                            ?obs ?dim ?v FILTER NOT EXISTS { ?v a skos:Concept ; skos:inScheme ?list } }
                          UNION { ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
                            ?dim a qb:DimensionProperty ; qb:codeList ?list . ?list a skos:Collection .
                            ?obs ?dim ?v FILTER NOT EXISTS { ?v a skos:Concept . ?list skos:member+ ?v } } }""",
                        "ex:o a qb:Observation ; qb:dataSet ex:ds ; tissu:indicator ex:notACharterIndicator . "
                                + "ex:ds a qb:DataSet ; qb:structure tissu:indicatorStructure ."),
                Arguments.of("IC-20 codes from hierarchy", "HIERARCHY qb:hierarchyRoot/<$p>*", HIERARCHY),
                Arguments.of("IC-21 codes from hierarchy (inverse)", "HIERARCHY-INVERSE qb:hierarchyRoot/(^<$p>)*",
                        HIERARCHY));
    }

    /** A cube whose structure uses a measure dimension, for IC-15 to IC-17. */
    private static final String MEASURE_TYPE_CUBE = """
            ex:dsd a qb:DataStructureDefinition ; qb:component [ qb:componentProperty qb:measureType ] ,
              [ qb:componentProperty ex:m1 ] , [ qb:componentProperty ex:m2 ] .
            qb:measureType a qb:DimensionProperty . ex:m1 a qb:MeasureProperty . ex:m2 a qb:MeasureProperty .
            ex:ds a qb:DataSet ; qb:structure ex:dsd . ex:o a qb:Observation ; qb:dataSet ex:ds .
            """;
    /** A hierarchical code list on a dimension, and an observation whose code is outside it (IC-20, IC-21). */
    private static final String HIERARCHY = """
            ex:dsd a qb:DataStructureDefinition ; qb:component [ qb:componentProperty ex:dim ] .
            ex:dim a qb:DimensionProperty ; rdfs:range skos:Concept ; qb:codeList ex:list .
            ex:list a qb:HierarchicalCodeList ; qb:hierarchyRoot ex:root ; qb:parentChildProperty skos:narrower .
            ex:root skos:narrower ex:child . ex:ds a qb:DataSet ; qb:structure ex:dsd .
            ex:o a qb:Observation ; qb:dataSet ex:ds ; ex:dim ex:elsewhere .
            ex:dsd2 a qb:DataStructureDefinition ; qb:component [ qb:componentProperty ex:dim2 ] .
            ex:dim2 a qb:DimensionProperty ; rdfs:range skos:Concept ; qb:codeList ex:list2 .
            ex:list2 a qb:HierarchicalCodeList ; qb:hierarchyRoot ex:root ; qb:parentChildProperty [ owl:inverseOf\s\
            skos:broader ] .
            ex:child skos:broader ex:root . ex:ds2 a qb:DataSet ; qb:structure ex:dsd2 .
            ex:o2 a qb:Observation ; qb:dataSet ex:ds2 ; ex:dim2 ex:elsewhere .
            """;

    @ParameterizedTest(name = "{0}")
    @MethodSource("constraints")
    void sampleCubeIsWellFormedAndTheConstraintFindsADefect(String name, String query, String defect) {
        Instance tissu = TestData.shared();
        if (!name.startsWith("IC-12")) { // IC-12 is quadratic; the grouped form below runs on the whole store
            assertFalse(violated(query, q -> tissu.store().ask(PREFIXES + q, TIMEOUT),
                    q -> selectPaths(tissu.store().construct(PREFIXES + "CONSTRUCT { ?h qb:parentChildProperty ?p } "
                            + "WHERE { " + q + " }", TIMEOUT))), name + " is violated by the sample data");
        }
        Model broken = ModelFactory.createDefaultModel();
        broken.add(ModelFactory.createModelForGraph(tissu.store().construct(PREFIXES
                + "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <" + tissu.ids().graph("vocabulary").getURI()
                + "> { ?s ?p ?o } }",
                TIMEOUT)));
        Graph some = tissu.store().construct(PREFIXES + """
                CONSTRUCT { ?obs ?p ?o . ?ds qb:structure ?dsd } WHERE {
                  { SELECT ?obs WHERE { ?obs a qb:Observation } LIMIT 40 } ?obs ?p ?o ; qb:dataSet ?ds .
                  ?ds qb:structure ?dsd }""", TIMEOUT);
        broken.add(ModelFactory.createModelForGraph(some));
        assertFalse(violated(query, q -> ask(broken, q), q -> selectPaths(broken.getGraph(), q)),
                name + " fails on the well-formed copy");
        if (defect.equals("COPY")) {
            // the same commune, year and indicator again, in the same data set, under another URI
            broken.read(new StringReader(PREFIXES.replaceAll("PREFIX (\\S+) (\\S+)", "@prefix $1 $2 .")
                    + "ex:copy a qb:Observation ."), null, "TTL");
            var first = broken.listSubjectsWithProperty(broken.createProperty("http://purl.org/linked-data/cube#dataSet"))
                    .next();
            first.listProperties().toList().forEach(st -> broken.add(broken.createResource("http://example.org/broken/copy"),
                    st.getPredicate(), st.getObject()));
        } else {
            broken.read(new StringReader(PREFIXES.replaceAll("PREFIX (\\S+) (\\S+)", "@prefix $1 $2 .") + defect), null,
                    "TTL");
        }
        assertTrue(violated(query, q -> ask(broken, q), q -> selectPaths(broken.getGraph(), q)),
                name + " does not find the defect it is about");
    }

    @Test
    void noTwoObservationsOfOneDataSetShareTheirDimensions() {
        // IC-12 grouped by the structure's three dimensions: linear where the recommendation's query is quadratic
        String grouped = PREFIXES + """
                ASK { { SELECT ?ds ?area ?year ?indicator (COUNT(DISTINCT ?obs) AS ?n) WHERE {
                    ?obs qb:dataSet ?ds ; sdmx-dimension:refArea ?area ; sdmx-dimension:refPeriod ?year ;
                         tissu:indicator ?indicator } GROUP BY ?ds ?area ?year ?indicator HAVING (?n > 1) } }""";
        Instance tissu = TestData.shared();
        assertFalse(tissu.store().ask(grouped, TIMEOUT));
        // both origins are there and never share a data set, so a declared and a computed value of the same
        // commune, year and indicator cannot collide
        for (String origin : List.of("declared", "computed")) {
            assertTrue(tissu.store().ask(PREFIXES + "ASK { ?o tissu:origin <https://w3id.org/tissu/origin/" + origin
                    + "> }", TIMEOUT), origin);
        }
        assertFalse(tissu.store().ask(PREFIXES + """
                ASK { ?d tissu:origin <https://w3id.org/tissu/origin/declared> ; qb:dataSet ?ds .
                      ?c qb:dataSet ?ds ; tissu:origin <https://w3id.org/tissu/origin/computed> }""", TIMEOUT));
        // the grouped form finds what the recommendation's finds
        Model m = ModelFactory.createDefaultModel();
        m.read(new StringReader(PREFIXES.replaceAll("PREFIX (\\S+) (\\S+)", "@prefix $1 $2 .") + """
                ex:a qb:dataSet ex:ds ; sdmx-dimension:refArea ex:x ; sdmx-dimension:refPeriod "2025"^^xsd:gYear ;
                  tissu:indicator ex:i .
                ex:b qb:dataSet ex:ds ; sdmx-dimension:refArea ex:x ; sdmx-dimension:refPeriod "2025"^^xsd:gYear ;
                  tissu:indicator ex:i ."""), null, "TTL");
        assertTrue(ask(m, grouped.substring(PREFIXES.length())));
    }

    @Test
    void everyDataSetNamesItsPublisherAndTheStructure() {
        Instance tissu = TestData.shared();
        List<String> missing = new ArrayList<>();
        tissu.store().select(PREFIXES + """
                SELECT ?ds WHERE { ?ds a qb:DataSet FILTER NOT EXISTS { ?ds qb:structure tissu:indicatorStructure ;
                  <http://purl.org/dc/terms/publisher> ?who } }""", TIMEOUT, r -> missing.add(r.getResource("ds").getURI()));
        assertEquals(List.of(), missing);
        long[] n = {0};
        tissu.store().select(PREFIXES + "SELECT (COUNT(DISTINCT ?ds) AS ?n) WHERE { ?ds a qb:DataSet }", TIMEOUT,
                r -> n[0] = r.getLiteral("n").getLong());
        assertTrue(n[0] > 1, "one data set per publisher, and one for computed values: " + n[0]);
    }

    private interface Ask {
        boolean ask(String query);
    }

    private interface Paths {
        List<String> paths(String where);
    }

    /** Runs one constraint; IC-20 and IC-21 first find their parent-child properties, as the recommendation does. */
    private static boolean violated(String query, Ask ask, Paths paths) {
        if (!query.startsWith("HIERARCHY")) {
            return ask.ask(query);
        }
        boolean inverse = query.startsWith("HIERARCHY-INVERSE");
        String path = query.substring(query.indexOf(' ') + 1);
        String where = inverse
                ? "?h a qb:HierarchicalCodeList ; qb:parentChildProperty ?pcp FILTER(isBlank(?pcp)) ?pcp "
                + "owl:inverseOf ?p FILTER(isIRI(?p))"
                : "?h a qb:HierarchicalCodeList ; qb:parentChildProperty ?p FILTER(isIRI(?p))";
        for (String p : paths.paths(where)) {
            if (ask.ask("""
                    ASK { ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
                      ?dim a qb:DimensionProperty ; qb:codeList ?list . ?list a qb:HierarchicalCodeList .
                      ?obs ?dim ?v FILTER NOT EXISTS { ?list PATH ?v } }""".replace("PATH", path.replace("$p", p)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean ask(Model m, String query) {
        try (var qe = QueryExecutionFactory.create(QueryFactory.create(PREFIXES + query), m)) {
            return qe.execAsk();
        }
    }

    private static List<String> selectPaths(Graph g, String where) {
        List<String> out = new ArrayList<>();
        Model m = ModelFactory.createModelForGraph(g);
        try (var qe = QueryExecutionFactory.create(QueryFactory.create(PREFIXES + "SELECT DISTINCT ?p WHERE { " + where
                + " }"), m)) {
            qe.execSelect().forEachRemaining(r -> out.add(r.getResource("p").getURI()));
        }
        return out;
    }

    private static List<String> selectPaths(Graph constructed) {
        List<String> out = new ArrayList<>();
        constructed.find().forEachRemaining(t -> out.add(t.getObject().getURI()));
        return out;
    }
}
