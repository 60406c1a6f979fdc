package fr.tissu.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Errors as RFC 9457 problem details ({@code application/problem+json}), with one log line per failure. */
public final class Problems {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final System.Logger LOG = System.getLogger(Problems.class.getName());

    private Problems() {
    }

    /** Sends a problem. */
    public static void send(ServerRequest req, ServerResponse res, Status status, String detail) {
        send(req, res, status, detail, Map.of());
    }

    /** Sends a problem with extension members. */
    public static void send(ServerRequest req, ServerResponse res, Status status, String detail,
                            Map<String, Object> extensions) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.reasonPhrase());
        body.put("status", status.code());
        body.put("detail", detail);
        body.put("instance", req.path().rawPath());
        body.put("requestId", id);
        body.putAll(extensions);
        LOG.log(status.code() >= 500 ? System.Logger.Level.WARNING : System.Logger.Level.INFO,
                "request " + id + " " + req.prologue().method().text() + " " + req.path().rawPath() + " -> "
                        + status.code() + ": " + detail);
        try {
            res.status(status).header(HeaderNames.CONTENT_TYPE, "application/problem+json")
                    .send(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
