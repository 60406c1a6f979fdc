package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/**
 * The contract document itself, read as the service and the contract test read it (Jackson YAML): every Schema
 * Object uses only JSON Schema 2020-12 and OpenAPI 3.1 keywords (JSON Schema ignores unknown keywords, so a
 * description cut by a stray comma in a YAML flow mapping, which makes one, would pass every response check), every
 * example has its schema's type, and the public API says it needs no credentials.
 */
class OpenApiDocumentTest {
    /** JSON Schema 2020-12 (core, applicator, validation, meta-data, format, content) and OpenAPI 3.1's additions. */
    static final Set<String> KEYWORDS = Set.of("$schema", "$id", "$ref", "$anchor", "$dynamicRef", "$dynamicAnchor",
            "$vocabulary", "$comment", "$defs", "allOf", "anyOf", "oneOf", "not", "if", "then", "else",
            "dependentSchemas", "prefixItems", "items", "contains", "properties", "patternProperties",
            "additionalProperties", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "type", "enum",
            "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength",
            "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains",
            "maxProperties", "minProperties", "required", "dependentRequired", "format", "contentEncoding",
            "contentMediaType", "contentSchema", "title", "description", "default", "deprecated", "readOnly",
            "writeOnly", "examples", "discriminator", "xml", "externalDocs", "example");
    static final Set<String> SUBSCHEMA = Set.of("items", "additionalProperties", "not", "if", "then", "else",
            "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "contentSchema");
    static final Set<String> SUBSCHEMA_MAPS = Set.of("properties", "patternProperties", "$defs", "dependentSchemas");
    static final Set<String> SUBSCHEMA_LISTS = Set.of("allOf", "anyOf", "oneOf", "prefixItems");

    @Test
    void schemaObjectsUseOnlyKnownKeywordsAndTypedExamples() {
        List<String> problems = new ArrayList<>();
        walk(Contract.SPEC, "#", problems);
        assertEquals(List.of(), problems);
    }

    @Test
    void theCheckFindsAStrayKeywordAndAMistypedExample() {
        JsonNode cut = yaml("""
                components:
                  schemas:
                    A:
                      type: object
                      properties:
                        distance: {type: integer, description: Metres from `near`, when given.}
                        code: {type: string, example: 2.e2}
                """);
        List<String> problems = new ArrayList<>();
        walk(cut, "#", problems);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("when given."), problems.get(0));
        assertTrue(problems.get(1).contains("example"), problems.get(1));
    }

    @Test
    void thePublicApiDeclaresItNeedsNoCredentials() {
        JsonNode security = Contract.SPEC.path("security");
        assertTrue(security.isArray() && security.isEmpty(), "security: [] at the top level");
    }

    static JsonNode yaml(String text) {
        try {
            return new ObjectMapper(
                    new YAMLFactory()).readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Finds the Schema Objects of the document: under {@code schema} keys and {@code components.schemas}. */
    static void walk(JsonNode node, String path, List<String> problems) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String at = path + "/" + e.getKey();
                if (e.getKey().equals("schema")) {
                    schema(e.getValue(), at, problems);
                } else if (path.equals("#/components") && e.getKey().equals("schemas")) {
                    e.getValue().properties().forEach(s -> schema(s.getValue(), at + "/" + s.getKey(), problems));
                } else {
                    walk(e.getValue(), at, problems);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, problems);
            }
        }
    }

    static void schema(JsonNode schema, String path, List<String> problems) {
        if (!schema.isObject()) {
            return;
        }
        schema.fieldNames().forEachRemaining(k -> {
            if (!KEYWORDS.contains(k) && !k.startsWith("x-")) {
                problems.add(path + ": unknown keyword '" + k + "'");
            }
        });
        JsonNode example = schema.get("example");
        JsonNode type = schema.get("type");
        if (example != null && type != null && !typed(example, type)) {
            problems.add(path + ": example " + example + " is not of type " + type);
        }
        for (String k : SUBSCHEMA) {
            if (schema.has(k)) {
                schema(schema.get(k), path + "/" + k, problems);
            }
        }
        for (String k : SUBSCHEMA_MAPS) {
            if (schema.has(k)) {
                schema.get(k).properties().forEach(s -> schema(s.getValue(), path + "/" + k + "/" + s.getKey(),
                        problems));
            }
        }
        for (String k : SUBSCHEMA_LISTS) {
            for (int i = 0; i < schema.path(k).size(); i++) {
                schema(schema.get(k).get(i), path + "/" + k + "/" + i, problems);
            }
        }
    }

    private static boolean typed(JsonNode value, JsonNode type) {
        List<String> types = new ArrayList<>();
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else {
            types.add(type.asText());
        }
        return types.stream().anyMatch(t -> switch (t) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            case "null" -> value.isNull();
            default -> true;
        });
    }
}
