package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The REST contract ({@code openapi/openapi.yaml}) as a test oracle: every response a REST test receives must be
 * listed in it (path, method, status, media type) and, when it is JSON, valid against its schema (JSON Schema
 * 2020-12, as OpenAPI 3.1 uses).
 */
final class Contract {
    static final JsonNode SPEC = read();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private Contract() {
    }

    private static JsonNode read() {
        try (InputStream in = Contract.class.getResourceAsStream("/fr/tissu/api/rest/openapi.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The path templates of the contract. */
    static Set<String> paths() {
        Set<String> paths = new TreeSet<>();
        SPEC.path("paths").fieldNames().forEachRemaining(paths::add);
        return paths;
    }

    /** Fails the test unless the response is what the contract says. */
    static void check(String method, String path, int status, String contentType, String body) {
        String template = template(path);
        JsonNode operation = SPEC.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            fail(method + " " + template + " is not in the contract");
        }
        JsonNode response = resolve(operation.path("responses").path(Integer.toString(status)));
        if (response.isMissingNode()) {
            fail(method + " " + path + " answered " + status + ", which the contract does not list");
        }
        if (status == 304) {
            return;
        }
        String media = contentType == null ? "" : contentType.replaceAll(";.*", "").trim();
        JsonNode content = response.path("content").path(media);
        if (content.isMissingNode()) {
            fail(method + " " + path + " " + status + " answered " + media + ", which the contract does not list");
        }
        if (!media.endsWith("json")) {
            return;
        }
        String key = template + " " + method + " " + status + " " + media;
        JsonSchema schema = SCHEMAS.computeIfAbsent(key, k -> {
            ObjectNode doc = content.path("schema").deepCopy();
            doc.set("components", SPEC.path("components"));
            return FACTORY.getSchema(doc);
        });
        try {
            Set<ValidationMessage> errors = schema.validate(JSON.readTree(body));
            if (!errors.isEmpty()) {
                List<String> messages = new ArrayList<>();
                errors.stream().limit(10).forEach(e -> messages.add(e.getMessage()));
                fail(method + " " + path + " " + status + " breaks the contract: " + messages);
            }
        } catch (IOException e) {
            fail(method + " " + path + " answered invalid JSON: " + e.getMessage());
        }
    }

    private static JsonNode resolve(JsonNode node) {
        if (node.has("$ref")) {
            String ref = node.path("$ref").asText();
            return SPEC.at(ref.substring(1));
        }
        return node;
    }

    private static String template(String path) {
        for (Iterator<String> it = SPEC.path("paths").fieldNames(); it.hasNext(); ) {
            String t = it.next();
            if (path.matches(t.replaceAll("\\{[^}]+}", "[^/]+"))) {
                return t;
            }
        }
        fail(path + " is not in the contract");
        return null;
    }
}
