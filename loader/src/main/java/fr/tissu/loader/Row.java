package fr.tissu.loader;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One CSV row: its values by (lower-case) column name, its line, and the problems found while mapping it.
 * The typed getters record a problem and return {@code null} when a value does not parse.
 */
final class Row {
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private final String file;
    private final long line;
    private final Map<String, Integer> columns;
    private final List<String> values;
    private final List<Problem> problems = new ArrayList<>(0);
    private boolean outside;

    Row(String file, long line, Map<String, Integer> columns, List<String> values) {
        this.file = file;
        this.line = line;
        this.columns = columns;
        this.values = values;
    }

    long line() {
        return line;
    }

    List<Problem> problems() {
        return problems;
    }

    /** Whether the row is to be loaded: no problem found, and within the instance's territory. */
    boolean valid() {
        return problems.isEmpty() && !outside;
    }

    /** Marks the row as outside the instance's territory: not loaded, not an error, counted apart. */
    void outside() {
        outside = true;
        problems.clear();
    }

    /** Whether the row was found outside the instance's territory. */
    boolean isOutside() {
        return outside;
    }

    void reject(String column, String reason) {
        if (outside) {
            return;
        }
        problems.add(new Problem(file, line, column, column == null ? null : raw(column), reason));
    }

    /** The trimmed value, or {@code null} when the column is absent or empty. */
    String text(String column) {
        String value = raw(column);
        return value == null || value.isBlank() ? null : CsvCells.unguard(value.strip());
    }

    private String raw(String column) {
        Integer index = columns.get(column);
        return index == null || index >= values.size() ? null : values.get(index);
    }

    String required(String column) {
        String value = text(column);
        if (value == null) {
            reject(column, "required value is missing");
        }
        return value;
    }

    /** A required RNA number: {@code W} then 9 characters (Corsica's départements 2A/2B included). */
    String rnaNumber(String column) {
        String value = required(column);
        if (value != null && !value.matches("W[0-9][0-9AB][0-9]{7}")) {
            reject(column, "RNA number must be W followed by 9 characters (e.g. W353001234)");
        }
        return value;
    }

    LocalDate date(String column) {
        return date(column, false);
    }

    /** A date as a spreadsheet set to French saves it ({@code 01/09/2026}), or {@code YYYY-MM-DD}. */
    LocalDate spreadsheetDate(String column) {
        return date(column, true);
    }

    private LocalDate date(String column, boolean french) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        try {
            String day = value.length() > 10 && value.charAt(10) == ' ' ? value.substring(0, 10) : value;
            return french && day.indexOf('/') > 0 ? LocalDate.parse(day, FRENCH_DATE) : LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            reject(column, french ? "not a date (expected YYYY-MM-DD or DD/MM/YYYY)" : "not a date (expected "
                    + "YYYY-MM-DD)");
            return null;
        }
    }

    LocalTime time(String column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        try {
            return LocalTime.parse(value.replace('h', ':').length() == 4 ? "0" + value.replace('h', ':')
                    : value.replace('h', ':'));
        } catch (DateTimeParseException e) {
            reject(column, "not a time of day (expected HH:MM)");
            return null;
        }
    }

    /**
     * A decimal without trailing zeros ({@code 48.0137} for {@code 48.01370}, {@code 2} for {@code 2.00}): the same
     * number is always written, and named, the same way, whether it comes from a file or from a spreadsheet that
     * dropped the zeros on the way.
     */
    static BigDecimal canonical(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    BigDecimal decimal(String column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        try {
            return canonical(new BigDecimal(value.replace(',', '.').replace(" ", "").replace("€", "")));
        } catch (NumberFormatException e) {
            reject(column, "not a number");
            return null;
        }
    }

    Integer integer(String column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            reject(column, "not a whole number");
            return null;
        }
    }

    Boolean bool(String column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "oui", "o", "yes", "y", "true", "vrai", "1" -> Boolean.TRUE;
            case "non", "n", "no", "false", "faux", "0" -> Boolean.FALSE;
            default -> {
                reject(column, "not yes/no (expected oui or non)");
                yield null;
            }
        };
    }

    /** The values of a multi-valued column, split on {@code |}. */
    List<String> list(String column) {
        String value = text(column);
        if (value == null) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        for (String part : value.split("\\|")) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return parts;
    }
}
