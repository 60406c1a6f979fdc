package fr.tissu.loader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The field constraints of a Frictionless Table Schema (required, pattern, maxLength, type number/date), checked
 * row by row. Only what the national schemas Tissu reads use is supported.
 */
final class TableSchema {
    private record Field(String name, String type, boolean required, Pattern pattern, int maxLength) {
    }

    private final List<Field> fields = new ArrayList<>();

    private TableSchema(JsonNode schema) {
        for (JsonNode f : schema.path("fields")) {
            JsonNode c = f.path("constraints");
            fields.add(new Field(f.path("name").asText(), f.path("type").asText("string"),
                    c.path("required").asBoolean(false),
                    c.has("pattern") ? Pattern.compile(c.path("pattern").asText()) : null,
                    c.path("maxLength").asInt(Integer.MAX_VALUE)));
        }
    }

    static TableSchema fromResource(String resource) {
        try (InputStream in = TableSchema.class.getResourceAsStream(resource)) {
            return new TableSchema(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> fieldNames() {
        return fields.stream().map(Field::name).toList();
    }

    void check(Row row) {
        for (Field field : fields) {
            String value = row.text(field.name());
            if (value == null) {
                if (field.required()) {
                    row.reject(field.name(), "required value is missing");
                }
                continue;
            }
            if (field.pattern() != null && !field.pattern().matcher(value).matches()) {
                row.reject(field.name(), "does not match the standard's pattern " + field.pattern().pattern());
            } else if (value.length() > field.maxLength()) {
                row.reject(field.name(), "longer than " + field.maxLength() + " characters");
            } else if ("number".equals(field.type())) {
                try {
                    new BigDecimal(value);
                } catch (NumberFormatException e) {
                    row.reject(field.name(), "not a number");
                }
            } else if ("date".equals(field.type())) {
                try {
                    LocalDate.parse(value);
                } catch (DateTimeParseException e) {
                    row.reject(field.name(), "not a date (expected YYYY-MM-DD)");
                }
            }
        }
    }
}
