package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import fr.tissu.api.core.Instance;
import fr.tissu.api.domain.IndicatorComparison;
import fr.tissu.store.read.ReferenceData;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Computed indicators and the comparison with neighbours, over the bundled sample: each figure is checked against an
 * independent count in the store or the reference data, not against the code that produced it.
 */
@ServerTest
@Tag(SharedSample.TAG)
class IndicatorComparisonTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    static Instance tissu;
    private final RestClient rest;

    IndicatorComparisonTest(Http1Client client) {
        this.rest = new RestClient(client);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        tissu = TestData.shared();
        Main.server(server, tissu);
    }

    private long count(String where) {
        long[] n = {0};
        tissu.store().select("PREFIX tissu: <https://w3id.org/tissu/ns#> PREFIX schema: <https://schema.org/> "
                + "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { " + where + " }", TIMEOUT,
                r -> n[0] = r.getLiteral("n").getLong());
        return n[0];
    }

    private static long population(String code) {
        return Long.parseLong(ReferenceData.get().commune(code).orElseThrow().population());
    }

    @Test
    void computedIndicatorsCountWhatTheStoreHolds() {
        String rennes = "<" + tissu.ids().commune("35238").getURI() + ">";
        // 1.3: associations of Rennes dissolved in 2025
        long dissolved = count("?x schema:dissolutionDate ?d ; tissu:commune " + rennes
                + " FILTER(?d >= \"2025-01-01\"^^<http://www.w3.org/2001/XMLSchema#date> "
                + "&& ?d <= \"2025-12-31\"^^<http://www.w3.org/2001/XMLSchema#date>)");
        assertTrue(dissolved > 0, "the sample has dissolutions in 2025");
        JsonNode v = rest.ok("/api/v1/observations/35238/1.3/2025?origin=computed");
        assertEquals(dissolved, v.path("value").asLong());
        assertEquals("computed", v.path("origin").asText());
        assertTrue(v.path("note").asText().contains("dissolution"), v.toString());
        // 3.1: distinct associations (RNA numbers) among Rennes' support points
        int year = Year.now().getValue();
        long points = count("?p a tissu:SupportPoint ; tissu:commune " + rennes
                + " ; <http://www.w3.org/ns/adms#identifier>/<http://www.w3.org/2004/02/skos/core#notation> ?x "
                + "FILTER(STRSTARTS(?x, \"W\"))");
        assertEquals(points, rest.ok("/api/v1/observations/35238/3.1/" + year + "?origin=computed").path("value")
                .asLong());
        // 1.2: activities of the 2026 season whose association had one with the same title in 2025
        long renewed = count("?x a tissu:Activity ; schema:organizer ?o ; schema:name ?t ; tissu:commune " + rennes
                + " ; schema:eventSchedule/schema:startDate \"2026-09-01\"^^<http://www.w3.org/2001/XMLSchema#date> . "
                + "?y a tissu:Activity ; schema:organizer ?o ; schema:name ?t2 ; "
                + "schema:eventSchedule/schema:startDate \"2025-09-01\"^^<http://www.w3.org/2001/XMLSchema#date> "
                + "FILTER(LCASE(?t) = LCASE(?t2))");
        assertTrue(renewed > 0);
        assertEquals(renewed, rest.ok("/api/v1/observations/35238/1.2/2026?origin=computed").path("value").asLong());
        // 2.1: every commune served this year, none outside the territory
        assertEquals(1, rest.ok("/api/v1/observations/35047/2.1/" + year + "?origin=computed").path("value").asInt());
        assertEquals(404, rest.get("/api/v1/observations/35288/2.1/" + year + "?origin=computed").status(),
                "Saint-Malo is not in the demonstration territory");
        // 3.2: weekly slots × 52 from the opening hours of Rennes' points
        long[] slots = {0};
        tissu.store().select("SELECT ?h WHERE { ?p a <https://w3id.org/tissu/ns#SupportPoint> ; "
                + "<https://w3id.org/tissu/ns#commune> " + rennes + " ; <https://schema.org/openingHours> ?h }",
                TIMEOUT, r -> slots[0] += switch (r.getLiteral("h").getLexicalForm()) {
                    case "Mo-Fr 09:00-12:00" -> 5;
                    case "Tu,Th 14:00-17:00; Sa 10:00-12:00" -> 3;
                    default -> throw new AssertionError("hours the test does not know: " + r.getLiteral("h"));
                });
        assertEquals(slots[0] * 52, rest.ok("/api/v1/observations/35238/3.2/" + year + "?origin=computed")
                .path("value").asLong());
    }

    @Test
    void comparisonWithinTheEpciRanksPerThousandInhabitants() {
        JsonNode c = rest.ok("/api/v1/indicators/3.3/compare?commune=35238&group=epci&year=2025");
        assertEquals("epci", c.path("group").path("kind").asText());
        assertEquals("243500139", c.path("group").path("code").asText());
        assertEquals(43, c.path("group").path("communes").asInt());
        assertEquals("per1000", c.path("rankedBy").asText());
        JsonNode items = c.path("items");
        assertEquals(43, items.size(), "every commune of Rennes Métropole declared 3.3 for 2025");
        List<BigDecimal> per1000 = new ArrayList<>();
        BigDecimal previous = null;
        for (JsonNode i : items) {
            // the value is the declared one in the store; per 1,000 from the reference population
            JsonNode declared = rest.ok("/api/v1/observations/" + i.path("code").asText() + "/3.3/2025");
            assertEquals(0, declared.path("value").decimalValue().compareTo(i.path("value").decimalValue()));
            BigDecimal expected = i.path("value").decimalValue().multiply(BigDecimal.valueOf(1000))
                    .divide(BigDecimal.valueOf(population(i.path("code").asText())), 3, RoundingMode.HALF_UP);
            assertEquals(0, expected.compareTo(i.path("per1000").decimalValue()), i.toString());
            BigDecimal p = i.path("per1000").decimalValue();
            if (previous != null) {
                assertTrue(p.compareTo(previous) <= 0, "sorted by rank");
            }
            previous = p;
            per1000.add(p);
        }
        assertEquals(1, items.get(0).path("rank").asInt());
        // ranks: 1 + the number of communes strictly above
        for (JsonNode i : items) {
            long above = per1000.stream().filter(x -> x.compareTo(i.path("per1000").decimalValue()) > 0).count();
            assertEquals(above + 1, i.path("rank").asLong());
        }
        // median and quartiles of 43 sorted values: the 22nd, and the interpolated 11.5th and 32.5th
        List<BigDecimal> sorted = per1000.stream().sorted().toList();
        JsonNode stats = c.path("stats");
        assertEquals(43, stats.path("count").asInt());
        assertEquals(0, sorted.get(21).compareTo(stats.path("median").decimalValue()));
        assertEquals(0, sorted.get(10).add(sorted.get(11)).divide(BigDecimal.valueOf(2), 3, RoundingMode.HALF_UP)
                .compareTo(stats.path("q1").decimalValue().setScale(3, RoundingMode.HALF_UP)));
        assertEquals(0, sorted.get(0).compareTo(stats.path("min").decimalValue()));
        // the commune itself, and its series over the five declared years
        assertEquals("35238", c.path("commune").path("code").asText());
        JsonNode series = c.path("series");
        assertEquals(5, series.size());
        assertEquals(2021, series.get(0).path("year").asInt());
        JsonNode last = series.get(4);
        assertEquals(0, last.path("groupMedian").decimalValue().compareTo(stats.path("median").decimalValue()));
        assertEquals(c.path("commune").path("rank").asInt(), last.path("rank").asInt());
    }

    @Test
    void otherGroupsAndOrigins() {
        JsonNode band = rest.ok("/api/v1/indicators/1.1/compare?commune=35047&group=population-band");
        String code = band.path("group").path("code").asText();
        assertTrue(code.matches("\\d+(-\\d+|\\+)"), code);
        assertTrue(band.path("group").path("communes").asInt() > 43, "nationwide");
        for (JsonNode i : band.path("items")) {
            long p = population(i.path("code").asText());
            long low = Long.parseLong(code.replaceAll("[-+].*", ""));
            assertTrue(p >= low && (code.endsWith("+") || p <= Long.parseLong(code.substring(code.indexOf('-') + 1))),
                    i.toString());
        }
        JsonNode dep = rest.ok("/api/v1/indicators/1.1/compare?commune=35238&group=departement&year=2024");
        assertEquals("35", dep.path("group").path("code").asText());
        assertEquals(2024, dep.path("year").asInt());
        // a yes/no indicator ranks by value; declared values win, computed ones on demand
        JsonNode entry = rest.ok("/api/v1/indicators/2.1/compare?commune=35238&year=2025");
        assertEquals("value", entry.path("rankedBy").asText());
        assertTrue(entry.path("items").get(0).path("per1000").isNull());
        assertEquals("declared", entry.path("items").get(0).path("origin").asText());
        int year = Year.now().getValue();
        JsonNode computed = rest.ok("/api/v1/indicators/2.1/compare?commune=35238&origin=computed&year=" + year);
        assertEquals(43, computed.path("items").size());
        for (JsonNode i : computed.path("items")) {
            assertEquals(1, i.path("value").asInt());
            assertEquals(1, i.path("rank").asInt(), "ties share the rank");
        }
    }

    @Test
    void csvHasOneRowPerComparedCommune() {
        RestClient.Response csv = rest.get("/api/v1/indicators/3.3/compare?commune=35238&year=2025&format=csv");
        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertEquals(44, lines.length);
        assertTrue(lines[0].startsWith("indicateur;annee;groupe"));
        RestClient.Response byAccept = rest.get("/api/v1/communes/35238/indicators?year=2025", "Accept", "text/csv");
        assertEquals(200, byAccept.status());
        assertTrue(byAccept.body().startsWith("code_insee;indicateur;annee"));
    }

    @Test
    void everyValueOfACommuneDeclaredAndComputed() {
        JsonNode all = rest.ok("/api/v1/communes/35238/indicators");
        assertEquals("Rennes", all.path("commune").path("name").asText());
        long declared = count("?x <http://purl.org/linked-data/sdmx/2009/dimension#refArea> <"
                + tissu.ids().commune("35238").getURI() + "> ; tissu:origin <https://w3id.org/tissu/origin/declared>");
        long computed = count("?x <http://purl.org/linked-data/sdmx/2009/dimension#refArea> <"
                + tissu.ids().commune("35238").getURI() + "> ; tissu:origin <https://w3id.org/tissu/origin/computed>");
        assertTrue(declared > 0 && computed > 0);
        assertEquals(declared + computed, all.path("total").asLong());
        JsonNode only = rest.ok("/api/v1/communes/35238/indicators?year=2025&origin=declared");
        assertEquals(8, only.path("total").asInt(), "the sample declares 8 indicators a year");
        for (JsonNode i : only.path("items")) {
            assertEquals(2025, i.path("year").asInt());
            assertNotNull(i.path("indicator").path("code").asText());
            if (i.path("indicator").path("unit").asText().equals("count")) {
                assertFalse(i.path("per1000").isNull());
            }
        }
        assertEquals(1, rest.ok("/api/v1/communes/35238/indicators?year=2025&indicator=3.3").path("total").asInt());
        // a commune with no value at all: an empty list, not an error
        assertEquals(0, rest.ok("/api/v1/communes/35288/indicators").path("total").asInt());
        JsonNode none = rest.ok("/api/v1/indicators/3.3/compare?commune=35288&group=epci&year=2025");
        assertTrue(none.path("commune").path("rank").isNull());
        assertEquals(0, none.path("items").size());
    }

    @Test
    void aCommunesValuesAreTheSameFromItsOwnQueryAndFromTheWarmedArrays() {
        IndicatorComparison comparison = new IndicatorComparison(tissu);
        var fromQuery = comparison.ofCommune("35238", null, null);
        comparison.warmUp();
        var fromArrays = comparison.ofCommune("35238", null, null);
        assertTrue(fromQuery.size() > 40);
        assertEquals(fromQuery, fromArrays);
    }

    @Test
    void badRequestsAreRefusedWithTheParameterNamed() {
        assertEquals(404, rest.get("/api/v1/indicators/9.9/compare?commune=35238").status());
        assertEquals("commune", rest.problem("/api/v1/indicators/3.3/compare", 400).path("parameter").asText());
        assertEquals("commune", rest.problem("/api/v1/indicators/3.3/compare?commune=99999", 400).path("parameter")
                .asText());
        assertEquals("group", rest.problem("/api/v1/indicators/3.3/compare?commune=35238&group=region", 400)
                .path("parameter").asText());
        assertEquals("year", rest.problem("/api/v1/indicators/3.3/compare?commune=35238&year=1990", 400)
                .path("parameter").asText());
        assertEquals("year", rest.problem("/api/v1/indicators/3.3/compare?commune=35238&year=abc", 400)
                .path("parameter").asText());
        assertEquals("origin", rest.problem("/api/v1/indicators/3.3/compare?commune=35238&origin=guessed", 400)
                .path("parameter").asText());
        assertEquals("format", rest.problem("/api/v1/indicators/3.3/compare?commune=35238&format=xml", 400)
                .path("parameter").asText());
        assertEquals(404, rest.get("/api/v1/communes/00000/indicators").status());
        assertEquals("year", rest.problem("/api/v1/communes/35238/indicators?year=2999", 400).path("parameter")
                .asText());
        assertEquals("indicator", rest.problem("/api/v1/communes/35238/indicators?indicator=0.1", 400)
                .path("parameter").asText());
    }

    @Test
    void quartilesInterpolateBetweenRanks() {
        assertEquals(0, new BigDecimal("1.75")
                .compareTo(IndicatorComparison.quantile(new double[] {1, 2, 3, 4}, 0.25)));
        assertEquals(0, new BigDecimal("2.5").compareTo(IndicatorComparison.quantile(new double[] {1, 2, 3, 4}, 0.5)));
        assertEquals(0, new BigDecimal("3.25")
                .compareTo(IndicatorComparison.quantile(new double[] {1, 2, 3, 4}, 0.75)));
        assertEquals("2000-4999", IndicatorComparison.band(2000));
        assertEquals("100000+", IndicatorComparison.band(220_000));
        assertEquals("0-499", IndicatorComparison.band(0));
    }
}
