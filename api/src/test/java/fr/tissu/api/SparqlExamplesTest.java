package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import fr.tissu.api.core.Instance;
import fr.tissu.api.sparql.Examples;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.eclipse.rdf4j.query.parser.sparql.SPARQLParser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every example of sparql-examples/ parses with Jena and RDF4J and answers on the sample data. */
@Tag(SharedSample.TAG)
class SparqlExamplesTest {

    @Test
    void thereAreAtLeast25ExamplesWithBilingualMetadata() {
        List<Examples.Example> all = Examples.all();
        assertTrue(all.size() >= 25, "only " + all.size() + " examples");
        for (Examples.Example e : all) {
            assertEquals(List.of("en", "fr"), List.copyOf(e.title().keySet()), e.id() + " title");
            assertEquals(List.of("en", "fr"), List.copyOf(e.description().keySet()), e.id() + " description");
            assertFalse(e.keywords().isEmpty(), e.id() + " keywords");
        }
    }

    @Test
    void examplesAreLoadedIntoTheirOwnGraph() {
        Instance tissu = TestData.shared();
        long[] n = {0};
        tissu.store().select("SELECT (COUNT(?e) AS ?n) { GRAPH <" + tissu.ids().graph("sparql-examples").getURI()
                + "> { ?e a <http://www.w3.org/ns/shacl#SPARQLExecutable> } }", Duration.ofSeconds(10),
                r -> n[0] = r.getLiteral("n").getLong());
        assertEquals(Examples.all().size(), n[0]);
    }

    @TestFactory
    Stream<DynamicTest> eachExampleParsesAndAnswers() {
        Instance tissu = TestData.shared();
        return Examples.all().stream().map(e -> DynamicTest.dynamicTest(e.id(), () -> {
            assertDoesNotThrow(() -> new SPARQLParser().parseQuery(e.query(), null), "RDF4J's parser");
            Query query = QueryFactory.create(e.query());
            long answers = tissu.store().execute(query, Duration.ofSeconds(60), qe -> {
                if (query.isSelectType()) {
                    long rows = 0;
                    for (var rs = qe.execSelect(); rs.hasNext(); rs.next()) {
                        rows++;
                    }
                    return rows;
                }
                if (query.isAskType()) {
                    return qe.execAsk() ? 1L : 0L;
                }
                var triples = query.isConstructType() ? qe.execConstructTriples() : qe.execDescribeTriples();
                long count = 0;
                for (; triples.hasNext(); triples.next()) {
                    count++;
                }
                return count;
            });
            assertTrue(answers > 0, e.id() + " gave no answer on the sample data");
        }));
    }
}
