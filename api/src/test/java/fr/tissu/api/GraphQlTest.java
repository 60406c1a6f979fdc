package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.tissu.api.graphql.GraphQlEngine;
import graphql.language.Description;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** GraphQL over HTTP on the sample: nesting without N+1, the REST filters, limits and errors. */
@ServerTest
@Tag(SharedSample.TAG)
class GraphQlTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Http1Client client;
    private final RestClient rest;

    GraphQlTest(Http1Client client) {
        this.client = client;
        this.rest = new RestClient(client);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        Main.server(server, TestData.shared());
    }

    record Reply(int status, String type, JsonNode body) {
    }

    Reply post(String query, String accept) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("query", query);
        try (Http1ClientResponse r = client.post("/graphql").header(HeaderNames.CONTENT_TYPE, "application/json")
                .header(HeaderNames.ACCEPT, accept).submit(JSON.writeValueAsString(body))) {
            return new Reply(r.status().code(), r.headers().contentType().map(t -> t.mediaType().text()).orElse(""),
                    JSON.readTree(r.as(String.class)));
        }
    }

    JsonNode data(String query) throws Exception {
        Reply r = post(query, "application/graphql-response+json");
        assertEquals(200, r.status(), r.body().toString());
        assertFalse(r.body().has("errors"), r.body().toString());
        return r.body();
    }

    @Test
    void nestedListsCostStoreQueriesByDepthNotByRows() throws Exception {
        JsonNode r = data("""
                { epci(siren: "243500139") { communes {
                    code
                    associations(first: 10) { totalCount nodes { name rna
                      activities(first: 5) { nodes { title place { name } organizer { name } } } } }
                    activities(first: 5) { nodes { title organizer { name commune { name } } } }
                    indicators(year: 2024) { indicator { code } value }
                } } }""");
        JsonNode communes = r.path("data").path("epci").path("communes");
        assertEquals(43, communes.size());
        int associations = 0;
        int activities = 0;
        for (JsonNode c : communes) {
            associations += c.path("associations").path("nodes").size();
            for (JsonNode a : c.path("associations").path("nodes")) {
                activities += a.path("activities").path("nodes").size();
                a.path("activities").path("nodes")
                        .forEach(x -> assertEquals(a.path("name"), x.path("organizer").path("name")));
            }
        }
        assertTrue(associations > 100, "a test over few rows proves little: " + associations);
        assertTrue(activities > 100, "a test over few rows proves little: " + activities);
        int queries = r.path("extensions").path("storeQueries").asInt();
        assertTrue(queries >= 1 && queries <= 4, "store queries: " + queries + " for " + associations
                + " associations and " + activities + " activities");
    }

    @Test
    void communeIndicatorsAndComparisonAreTheRestOnes() throws Exception {
        JsonNode r = data("""
                { commune(code: "35238") {
                    computed: indicators(origin: COMPUTED) { indicator { code } year value origin note }
                    declared: indicators(year: 2025, origin: DECLARED) { indicator { code } value origin }
                    compare(indicator: "3.3", group: EPCI, year: 2025) { year rankedBy
                      group { kind code communes } commune { code value per1000 rank }
                      stats { count median q1 q3 } items { rank commune { name } } series { year groupMedian } }
                } }""");
        JsonNode commune = r.path("data").path("commune");
        JsonNode rest1 = rest.ok("/api/v1/communes/35238/indicators?origin=computed");
        assertEquals(rest1.path("total").asInt(), commune.path("computed").size());
        assertTrue(commune.path("computed").get(0).path("note").asText().startsWith("Calculée"));
        assertEquals(8, commune.path("declared").size());
        JsonNode compare = commune.path("compare");
        JsonNode rest2 = rest.ok("/api/v1/indicators/3.3/compare?commune=35238&group=epci&year=2025");
        assertEquals("EPCI", compare.path("group").path("kind").asText());
        assertEquals(rest2.path("commune").path("rank").asInt(), compare.path("commune").path("rank").asInt());
        assertEquals(rest2.path("stats").path("median").asDouble(), compare.path("stats").path("median").asDouble(),
                1e-9);
        assertEquals(43, compare.path("items").size());
        assertEquals(rest2.path("series").size(), compare.path("series").size());
        JsonNode bad = post("{ commune(code: \"35238\") { compare(indicator: \"9.9\") { year } } }",
                "application/json").body();
        assertEquals("BAD_INPUT", bad.path("errors").get(0).path("extensions").path("classification").asText(),
                bad.toString());
    }

    @Test
    void theFiltersAreTheRestLists() throws Exception {
        String[][] cases = {
            {"{ age: 8, days: [\"wed\"] }", "age=8&day=wed"},
            {"{ communes: [\"35238\"], themes: [\"sport\"], free: false }", "commune=35238&theme=sport&free=false"},
            {"{ near: { lat: 48.1115, lon: -1.68, radius: 2000 }, maxPrice: 150 }",
                "near=48.1115,-1.68&radius=2000&max-price=150"},
            {"{ q: \"theatre\" }", "q=theatre"},
        };
        for (String[] c : cases) {
            long graph = data("{ activities(filter: " + c[0] + ") { totalCount } }").path("data").path("activities")
                    .path("totalCount").asLong();
            long listed = rest.ok("/api/v1/activities?limit=1&" + c[1]).path("total").asLong();
            assertEquals(listed, graph, c[1]);
            assertTrue(listed > 0, c[1]);
        }
        List<String> titles = new ArrayList<>();
        String after = null;
        do { // paging walks the whole list once
            JsonNode page = data("{ activities(filter: { communes: [\"35047\"] }, first: 7" + (after == null ? ""
                    : ", after: \"" + after + "\"")
                    + ") { totalCount nodes { key } pageInfo { hasNextPage endCursor } } }")
                    .path("data").path("activities");
            page.path("nodes").forEach(n -> titles.add(n.path("key").asText()));
            after = page.path("pageInfo").path("hasNextPage").asBoolean() ? page.path("pageInfo").path("endCursor")
                    .asText() : null;
        } while (after != null);
        assertEquals(rest.ok("/api/v1/activities?limit=1&commune=35047").path("total").asInt(), titles.size());
        assertEquals(titles.size(), new HashSet<>(titles).size());
    }

    @Test
    void searchItemsAndIds() throws Exception {
        JsonNode r = data("""
                { search(q: "judo enfants", types: [ACTIVITY], first: 3) { totalCount nodes { id type name score
                    activity { key organizer { rna } } } }
                  association(rna: "W350000002") { id name themes { code labelEn broader { code } } }
                  axes { number indicators { code unit } }
                  indicator(code: "2.1") { labelFr axis { number } commitments { code definitionEn } } }""");
        assertEquals("2.e2", r.path("data").path("indicator").path("commitments").get(0).path("code").asText());
        assertTrue(r.path("data").path("indicator").path("commitments").get(0).path("definitionEn").asText()
                .contains("single entry point"));
        JsonNode hit = r.path("data").path("search").path("nodes").get(0);
        assertEquals("ACTIVITY", hit.path("type").asText());
        assertEquals("Judo enfants", hit.path("name").asText());
        assertTrue(hit.path("id").asText().startsWith(TestData.BASE));
        assertNotNull(hit.path("activity").path("organizer").path("rna").textValue());
        assertTrue(r.path("data").path("association").path("id").asText().endsWith("/W350000002"));
        assertEquals(7, r.path("data").path("axes").size());
        assertEquals(2, r.path("data").path("indicator").path("axis").path("number").asInt());
    }

    @Test
    void limitsAndBadInputAreGraphQlErrorsNot500s() throws Exception {
        Reply bad = post("{ activities(filter: { age: -3 }) { totalCount } }", "application/json");
        assertEquals(200, bad.status());
        assertEquals("BAD_INPUT", bad.body().path("errors").get(0).path("extensions").path("classification").asText());
        Reply first = post("{ activities(first: 5000) { totalCount } }", "application/json");
        assertTrue(first.body().path("errors").get(0).path("message").asText().contains("first"));
        Reply costly = post("{ epci(siren: \"243500139\") { communes { associations(first: 100) { nodes { "
                + "activities(first: 100) { nodes { title } } } } } } }", "application/graphql-response+json");
        assertTrue(costly.body().path("errors").get(0).path("message").asText().toLowerCase().contains("complexity"),
                costly.body().toString());
        String deep = "{ commune(code: \"35238\") { " + "epci { communes { ".repeat(8) + "code" + " } }".repeat(8)
                + " } }";
        Reply tooDeep = post(deep, "application/graphql-response+json");
        assertTrue(tooDeep.body().path("errors").get(0).path("message").asText().toLowerCase().contains("depth"),
                tooDeep.body().toString());
        Reply invalid = post("{ nothing }", "application/graphql-response+json");
        assertEquals(400, invalid.status(), "GraphQL over HTTP: a request that does not validate");
        assertEquals("application/graphql-response+json", invalid.type());
        Reply legacy = post("{ nothing }", "application/json");
        assertEquals(200, legacy.status());
        assertEquals("application/json", legacy.type());
        try (Http1ClientResponse r = client.post("/graphql").header(HeaderNames.CONTENT_TYPE, "text/plain")
                .submit("{}")) {
            assertEquals(415, r.status().code());
        }
    }

    @Test
    void getQueriesThePageAndTheSchema() throws Exception {
        try (Http1ClientResponse r = client.get("/graphql").queryParam("query", "{ commune(code: \"35238\") { name } }")
                .request()) {
            assertEquals(200, r.status().code());
            assertEquals("Rennes", JSON.readTree(r.as(String.class)).path("data").path("commune").path("name")
                    .asText());
        }
        try (Http1ClientResponse r = client.get("/graphql").header(HeaderNames.ACCEPT, "text/html").request()) {
            assertEquals(200, r.status().code());
            assertTrue(r.as(String.class).contains("<textarea id=\"query\""));
        }
        try (Http1ClientResponse r = client.get("/graphql/schema.graphqls").request()) {
            assertTrue(r.as(String.class).contains("type Association"));
        }
    }

    @Test
    void everyTypeAndFieldIsDescribed() {
        TypeDefinitionRegistry registry = new SchemaParser().parse(GraphQlEngine.schemaText());
        List<String> missing = new ArrayList<>();
        registry.types().values().forEach(t -> {
            if (((graphql.language.AbstractDescribedNode<?>) t).getDescription() == null) {
                missing.add(t.getName());
            }
            if (t instanceof ObjectTypeDefinition o) {
                for (FieldDefinition f : o.getFieldDefinitions()) {
                    Description d = f.getDescription();
                    if (d == null || d.getContent().isBlank()) {
                        missing.add(t.getName() + "." + f.getName());
                    }
                }
            }
        });
        assertEquals(List.of(), missing);
        assertTrue(registry.types().keySet().containsAll(List.of("Association", "Activity", "Schedule", "Place",
                "SupportPoint", "Commune", "Epci", "Departement", "Theme", "Axis", "Indicator", "Observation",
                "SearchHit")));
    }
}
