package fr.tissu.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;

/** Terms written into queries hold exactly what they were given, whatever it holds. */
class SparqlTest {
    @Test
    void irisAreWrittenAsTheyAreAndAnythingThatCouldEndOneIsRefused() {
        assertEquals("<https://w3id.org/tissu/ns#Activity>", Sparql.iri("https://w3id.org/tissu/ns#Activity"));
        assertEquals("<http://data.example.org/id/commune/35238>", Sparql.iri("http://data.example.org/id/commune/35238"));
        for (String hostile : List.of("http://x.org/a> } UNION { ?s ?p ?o } #", "http://x.org/a b", "http://x.org/{a}",
                "http://x.org/a\"", "http://x.org/a\\u003e", "relative/path", "", "http://x.org/a\n")) {
            assertThrows(IllegalArgumentException.class, () -> Sparql.iri(hostile), hostile);
        }
    }

    @Test
    void literalsCannotEscapeTheirQuotes() {
        for (String text : List.of("plain", "with \"quotes\" and \\ backslash", "line\nbreak\r", "'; DROP ALL ; '",
                "\" } UNION { ?s ?p ?o } #", "été ✓")) {
            String query = "SELECT ?x WHERE { BIND(" + Sparql.literal(text) + " AS ?x) }";
            var parsed = QueryFactory.create(query);
            assertEquals(1, parsed.getProjectVars().size(), query);
            var result = QueryExecution.create(parsed,
                    DatasetFactory.create()).execSelect().next().getLiteral("x").getString();
            assertEquals(text, result);
        }
        assertEquals("\"2025\"^^<http://www.w3.org/2001/XMLSchema#gYear>", Sparql.literal("2025", XSDDatatype.XSDgYear));
    }
}
