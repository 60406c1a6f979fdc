package fr.tissu.api.graphql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tissu.api.html.ThingPage;
import fr.tissu.api.http.Bodies;
import fr.tissu.api.http.Negotiation;
import fr.tissu.api.http.Problem;
import fr.tissu.api.http.SecurityHeaders;
import graphql.ExecutionResult;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * GraphQL over HTTP: {@code POST /graphql} ({@code application/json} body with {@code query}, {@code variables},
 * {@code operationName}) and {@code GET /graphql?query=…}. The response is {@code application/graphql-response+json}
 * when the client accepts it (then a request that does not parse or validate is a 400, as the GraphQL-over-HTTP
 * specification says) and {@code application/json} otherwise (then always 200 with {@code errors}). A browser
 * asking {@code /graphql} for HTML gets the query page; {@code /graphql/schema.graphqls} is the schema.
 * Extensions carry {@code storeQueries}: the store queries the request cost.
 */
public final class GraphQlService implements HttpService {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private final GraphQlEngine engine;
    private final String license;

    /** The endpoint over {@code engine}; its page names the data's {@code license}. */
    public GraphQlService(GraphQlEngine engine, String license) {
        this.engine = engine;
        this.license = license;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/graphql", this::get)
                .post("/graphql", this::post)
                .get("/graphql/schema.graphqls", (req, res) -> {
                    res.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
                    res.send(GraphQlEngine.schemaText());
                })
                .get("/graphql/page.js", (req, res) -> asset(res, "page.js", "text/javascript; charset=utf-8"));
    }

    private void get(ServerRequest req, ServerResponse res) {
        String query = req.query().first("query").orElse(null);
        if (query == null) {
            if (Negotiation.prefersHtml(req)) {
                res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
                res.send(SecurityHeaders.policy(res, GraphQlPage.render(ThingPage.language(req), license)));
                return;
            }
            throw new Problem(Status.BAD_REQUEST_400, "a GraphQL request needs a query parameter");
        }
        Map<String, Object> variables;
        try {
            variables = req.query().first("variables").map(v -> {
                try {
                    return JSON.readValue(v, new TypeReference<Map<String, Object>>() { });
                } catch (IOException e) {
                    throw new IllegalArgumentException("variables: not a JSON object");
                }
            }).orElse(Map.of());
        } catch (IllegalArgumentException e) {
            throw new Problem(Status.BAD_REQUEST_400, e.getMessage());
        }
        run(req, res, query, variables, req.query().first("operationName").orElse(null));
    }

    private void post(ServerRequest req, ServerResponse res) {
        boolean json = req.headers().contentType().map(t -> t.mediaType().subtype().equals("json")).orElse(false);
        if (!json) {
            throw new Problem(Status.UNSUPPORTED_MEDIA_TYPE_415, "send the request as application/json");
        }
        JsonNode body;
        try {
            body = JSON.readTree(Bodies.bytes(req));
        } catch (IOException e) {
            throw new Problem(Status.BAD_REQUEST_400, "the body is not JSON: " + e.getMessage());
        }
        if (body == null || !body.path("query").isTextual()) {
            throw new Problem(Status.BAD_REQUEST_400, "the body needs a \"query\" string");
        }
        Map<String, Object> variables = body.path("variables").isObject()
                ? JSON.convertValue(body.path("variables"), new TypeReference<Map<String, Object>>() { }) : Map.of();
        run(req, res, body.path("query").asText(), variables,
                body.path("operationName").isTextual() ? body.path("operationName").asText() : null);
    }

    private void run(ServerRequest req, ServerResponse res, String query, Map<String, Object> variables,
                     String operationName) {
        boolean graphqlResponse = req.headers().bestAccepted(MediaTypes.create(GRAPHQL_RESPONSE),
                MediaTypes.APPLICATION_JSON).map(t -> t.text().equals(GRAPHQL_RESPONSE)).orElse(false);
        GraphQlEngine.Outcome outcome = engine.execute(query, variables, operationName);
        ExecutionResult result = outcome.result();
        Map<String, Object> spec = new LinkedHashMap<>(result.toSpecification());
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (spec.get("extensions") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> extensions.put(String.valueOf(k), v));
        }
        extensions.put("storeQueries", outcome.storeQueries());
        spec.put("extensions", extensions);
        boolean requestError = !result.isDataPresent() && !result.getErrors().isEmpty();
        res.header(HeaderNames.CONTENT_TYPE, graphqlResponse ? GRAPHQL_RESPONSE + "; charset=utf-8"
                : "application/json; charset=utf-8");
        if (graphqlResponse && requestError) {
            res.status(Status.BAD_REQUEST_400);
        }
        try {
            res.send(JSON.writeValueAsBytes(spec));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void asset(ServerResponse res, String name, String type) {
        try (InputStream in = GraphQlService.class.getResourceAsStream(name)) {
            res.header(HeaderNames.CONTENT_TYPE, type);
            res.send(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
