package fr.tissu.loader;

import java.util.regex.Pattern;

/**
 * CSV cells that a spreadsheet cannot take for a formula. A cell that starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return is written with a leading {@code '} (OWASP's advice against CSV injection:
 * {@code =HYPERLINK(…)} in a description would otherwise run when staff open a dump), unless it is a plain number
 * ({@code -1.68} stays a number). The loader takes the {@code '} off again ({@link #unguard}), so an export loads
 * back as it was.
 */
public final class CsvCells {
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+([.,]\\d+)?");

    private CsvCells() {
    }

    /** The value to write in a cell: {@code value.toString()}, guarded when a spreadsheet would evaluate it. */
    public static Object guard(Object value) {
        if (!(value instanceof CharSequence text) || text.isEmpty() || !risky(text.charAt(0))
                || NUMBER.matcher(text).matches()) {
            return value;
        }
        return "'" + text;
    }

    /** A cell's value as read: without the guard {@link #guard} adds. */
    static String unguard(String value) {
        return value.length() > 1 && value.charAt(0) == '\'' && risky(value.charAt(1)) ? value.substring(1) : value;
    }

    private static boolean risky(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
