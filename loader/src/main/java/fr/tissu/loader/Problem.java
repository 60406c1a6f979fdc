package fr.tissu.loader;

/**
 * Why a row, or a whole file, was rejected.
 *
 * @param file   the file's name
 * @param line   the line the row starts on (1 is the header), 0 for the whole file
 * @param column the column at fault, or {@code null}
 * @param value  the value at fault, or {@code null}
 * @param reason what is wrong, in plain words
 */
public record Problem(String file, long line, String column, String value, String reason) {

    /** {@code file:line: column 'value': reason}, as compilers print it. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file);
        if (line > 0) {
            s.append(':').append(line);
        }
        s.append(": ");
        if (column != null) {
            s.append("column ").append(column);
            if (value != null) {
                s.append(" '").append(value.length() > 60 ? value.substring(0, 60) + "…" : value).append('\'');
            }
            s.append(": ");
        }
        return s.append(reason).toString();
    }
}
