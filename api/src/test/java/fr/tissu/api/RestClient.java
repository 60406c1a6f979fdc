package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;

/** A client for the REST tests that checks every response against the contract. */
final class RestClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Http1Client client;

    /** A response, read whole. */
    record Response(int status, Headers headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String header(String name) {
            return headers.first(HeaderNames.create(name)).orElse(null);
        }
    }

    RestClient(Http1Client client) {
        this.client = client;
    }

    /** GET a path with its query string (as in {@code links.next}), with header name/value pairs. */
    Response get(String pathAndQuery, String... headers) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        Http1ClientRequest req = request(client, pathAndQuery);
        for (int i = 0; i < headers.length; i += 2) {
            req.header(HeaderNames.create(headers[i]), headers[i + 1]);
        }
        try (Http1ClientResponse res = req.request()) {
            String body = res.status().code() == 304 ? "" : res.as(String.class);
            String type = res.headers().contentType().map(t -> t.text()).orElse(null);
            Contract.check("GET", path, res.status().code(), type, body);
            return new Response(res.status().code(), res.headers(), body);
        }
    }

    /**
     * A GET of a path with its query string: Helidon's client takes the query's parameters one by one (a query
     * written in the path is not sent as such).
     */
    static Http1ClientRequest request(Http1Client client, String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        Http1ClientRequest req = client.get(q < 0 ? pathAndQuery : pathAndQuery.substring(0, q));
        if (q >= 0) {
            for (String pair : pathAndQuery.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                req.queryParam(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return req;
    }

    /** GET that must answer 200; its JSON. */
    JsonNode ok(String pathAndQuery, String... headers) {
        Response res = get(pathAndQuery, headers);
        assertEquals(200, res.status(), res.body());
        return res.json();
    }

    /** The problem document of a request expected to fail with {@code status}. */
    JsonNode problem(String pathAndQuery, int status) {
        Response res = get(pathAndQuery);
        assertEquals(status, res.status(), res.body());
        return res.json();
    }
}
