package fr.tissu.loader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The CSV path of the {@link Loader}: the delimiter from the header line, a byte order mark skipped, rows read. */
final class CsvRows {
    private CsvRows() {
    }

    /**
     * Reads every row into {@code batch}; returns {@link FileReport.Status#FAILED} on malformed CSV, {@code null}
     * otherwise.
     */
    static FileReport.Status read(CSVParser parser, Iterator<CSVRecord> records, int width, Map<String,
            Integer> columns,
                              char delimiter, Loader.Batch batch) {
        long lastLine = parser.getCurrentLineNumber();
        while (true) {
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    break;
                }
                record = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                batch.problems.add(new Problem(batch.name, lastLine + 1, null, null, "malformed CSV: "
                        + rootMessage(e)));
                batch.problemCount++;
                return FileReport.Status.FAILED;
            }
            List<String> values = record.toList();
            Row row = new Row(batch.name, lastLine + 1, columns, values);
            lastLine = parser.getCurrentLineNumber();
            if (values.size() != width) {
                row.reject(null, "expected " + width + " fields, found " + values.size() + " (delimiter '"
                        + delimiter + "')");
            }
            batch.add(row);
        }
        batch.flush();
        return null;
    }

    /** Skips a byte order mark. */
    static void skipBom(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    /** The most frequent of {@code ; , TAB} in the header line. */
    static char delimiter(BufferedReader reader) throws IOException {
        reader.mark(1 << 16);
        String header = reader.readLine();
        reader.reset();
        if (header == null) {
            return ';';
        }
        char best = ';';
        long bestCount = -1;
        for (char c : new char[] {';', ',', '\t'}) {
            long count = header.chars().filter(ch -> ch == c).count();
            if (count > bestCount) {
                best = c;
                bestCount = count;
            }
        }
        return best;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
