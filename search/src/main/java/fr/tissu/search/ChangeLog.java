package fr.tissu.search;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The change feed's log: one line per thing a load added, modified or removed (a tombstone), appended by the load
 * in data-version order, as tab-separated {@code time version change type key uri}. Readers page through it by
 * byte offset, which never moves since the file only grows.
 */
public final class ChangeLog {
    /** The log's file name in the data directory. */
    public static final String FILE = "changes.tsv";

    /**
     * One entry.
     *
     * @param at      when the load committed
     * @param version the store data version it made
     * @param change  what happened to the thing
     */
    public record Entry(Instant at, long version, Change change) {
    }

    /**
     * A page of entries.
     *
     * @param entries the entries
     * @param next    the offset to read from next, or -1 at the end
     */
    public record Page(List<Entry> entries, long next) {
    }

    private ChangeLog() {
    }

    /** Appends the changes of one load. */
    public static void append(Path file, long version, Instant at, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            for (Change c : changes) {
                out.write(at + "\t" + version + "\t" + c.change() + "\t" + c.type() + "\t" + clean(c.key()) + "\t"
                        + clean(c.uri()) + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the change log " + file, e);
        }
    }

    /** At most {@code limit} entries from byte {@code offset}, those at or after {@code since} (may be null). */
    public static Page read(Path file, long offset, Instant since, String type, int limit) {
        List<Entry> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return new Page(out, -1);
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            if (offset > in.length()) {
                throw new IllegalArgumentException("offset past the end of the log");
            }
            in.seek(offset);
            String line;
            while (out.size() < limit && (line = in.readLine()) != null) {
                String[] f = new String(line.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8).split("\t");
                if (f.length < 6) {
                    continue;
                }
                try {
                    Instant at = Instant.parse(f[0]);
                    if ((since == null || !at.isBefore(since)) && (type == null || type.equals(f[3]))) {
                        out.add(new Entry(at, Long.parseLong(f[1]), new Change(f[2], f[3], f[5], f[4])));
                    }
                } catch (RuntimeException e) {
                    // not a line of ours (an offset that was not a cursor): skip it
                }
            }
            long next = in.getFilePointer() < in.length() ? in.getFilePointer() : -1;
            return new Page(out, next);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ');
    }
}
