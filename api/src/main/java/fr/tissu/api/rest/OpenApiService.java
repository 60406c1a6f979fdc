package fr.tissu.api.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.tissu.api.http.Problem;
import fr.tissu.api.http.SecurityHeaders;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The REST contract: {@code GET /openapi} (YAML, or JSON by {@code Accept} or {@code format=json}) and a browsable
 * page at {@code /openapi/ui} (Swagger UI, from its WebJar; nothing from another host).
 *
 * <p>Example: {@code curl http://localhost:8080/openapi}
 */
public final class OpenApiService implements HttpService {
    private static final String WEBJAR = "/META-INF/resources/webjars/swagger-ui/";
    private static final Map<String, String> ASSETS = Map.of("swagger-ui-bundle.js", "text/javascript",
            "swagger-ui.css", "text/css", "swagger-ui-standalone-preset.js", "text/javascript");

    private final byte[] yaml;
    private final byte[] json;
    private final String version;

    /** The contract shipped in the jar. */
    public OpenApiService() {
        try (InputStream in = OpenApiService.class.getResourceAsStream("openapi.yaml")) {
            yaml = in.readAllBytes();
            json = new ObjectMapper().writeValueAsBytes(new ObjectMapper(new YAMLFactory()).readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        version = swaggerUiVersion();
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/openapi", this::contract)
                .get("/openapi/ui", this::page)
                .get("/openapi/ui/{file}", this::asset);
    }

    private void contract(ServerRequest req, ServerResponse res) {
        boolean asJson = "json".equals(req.query().first("format").orElse(""))
                || req.headers().bestAccepted(MediaTypes.create("application/yaml"), MediaTypes.APPLICATION_JSON)
                .filter(MediaTypes.APPLICATION_JSON::equals).isPresent() && req.headers().contains(HeaderNames.ACCEPT);
        res.header(HeaderNames.CONTENT_TYPE, asJson ? "application/json" : "application/yaml; charset=utf-8")
                .send(asJson ? json : yaml);
    }

    private void page(ServerRequest req, ServerResponse res) {
        String html = """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Tissu REST API</title><link rel="icon" href="data:,">
                <link rel="stylesheet" href="/openapi/ui/swagger-ui.css"></head>
                <body><main id="swagger-ui"></main>
                <script src="/openapi/ui/swagger-ui-bundle.js"></script>
                <script>window.onload = () => { window.ui = SwaggerUIBundle({ url: '/openapi?format=json',
                  dom_id: '#swagger-ui', deepLinking: true }); };</script>
                </body></html>
                """;
        res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8")
                .send(SecurityHeaders.policy(res, html).getBytes(StandardCharsets.UTF_8));
    }

    private void asset(ServerRequest req, ServerResponse res) {
        String file = req.path().pathParameters().get("file");
        String type = ASSETS.get(file);
        if (type == null || version == null) {
            throw new Problem(Status.NOT_FOUND_404, "no such asset: " + file);
        }
        try (InputStream in = OpenApiService.class.getResourceAsStream(WEBJAR + version + "/" + file)) {
            res.header(HeaderNames.CONTENT_TYPE, type + "; charset=utf-8")
                    .header(HeaderNames.CACHE_CONTROL, "max-age=86400")
                    .send(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The WebJar's version, from its Maven metadata in the jar. */
    private static String swaggerUiVersion() {
        try (InputStream in = OpenApiService.class.getResourceAsStream(
                "/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
