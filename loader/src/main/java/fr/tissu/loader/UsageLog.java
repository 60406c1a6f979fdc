package fr.tissu.loader;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The service's own request counts, aggregated per day, indicator and commune: one line
 * {@code day TAB indicator TAB commune TAB count} per flush. Nothing personal is written (no address, no
 * cookie, no path): only how many successful requests concerned a commune that day. The counts feed the
 * computed indicators 2.2 (consultations of the directory) and 6.1 (visits of association pages).
 */
public final class UsageLog {
    /** The file, under the data directory. */
    public static final String FILE = "usage/requests.tsv";

    private UsageLog() {
    }

    /** Appends counts keyed {@code day|indicator|commune}; a key may appear in several flushes (they add up). */
    public static synchronized void append(Path file, Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
                for (var e : new TreeMap<>(counts).entrySet()) {
                    out.write(e.getKey().replace('|', '\t') + "\t" + e.getValue() + "\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The counts per {@code year|indicator|commune}, summed over the days of each year; empty without a file. */
    public static Map<String, Long> perYear(Path file) {
        Map<String, Long> totals = new TreeMap<>();
        if (file == null || !Files.exists(file)) {
            return totals;
        }
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.map(l -> l.split("\t")).filter(f -> f.length == 4 && f[0].matches("\\d{4}-\\d{2}-\\d{2}")
                    && f[3].matches("\\d{1,18}")).forEach(f -> totals.merge(f[0].substring(0, 4) + "|" + f[1] + "|"
                    + f[2], Long.parseLong(f[3]), Long::sum));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return totals;
    }
}
