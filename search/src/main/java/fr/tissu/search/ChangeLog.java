package fr.tissu.search;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
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

    /** Appends the changes of one load, streaming them from their file. */
    public static void append(Path file, long version, Instant at, Changes changes) {
        if (changes.size() == 0) {
            return;
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            String prefix = at + "\t" + version + "\t";
            changes.forEach(c -> {
                try {
                    out.write(prefix + c.change() + "\t" + c.type() + "\t" + Changes.clean(c.key()) + "\t"
                            + Changes.clean(c.uri()) + "\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new UncheckedIOException("cannot append to the change log " + file,
                    e instanceof UncheckedIOException u ? u.getCause() : (IOException) e);
        }
    }

    /**
     * At most {@code limit} entries from byte {@code offset}, those at or after {@code since} (may be null) and of
     * {@code type} (may be null). A page reads at most {@link #MAX_SCAN} bytes of the log: a filter that matches
     * little gives a short page and a next offset rather than a scan of a national log; without an offset, the first
     * line at or after {@code since} is found by bisection (the log is in time order).
     */
    public static Page read(Path file, long offset, Instant since, String type, int limit) {
        return read(file, offset, since, type, limit, MAX_SCAN);
    }

    static Page read(Path file, long offset, Instant since, String type, int limit, long maxScan) {
        List<Entry> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return new Page(out, -1);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size();
            if (offset > length) {
                throw new IllegalArgumentException("offset past the end of the log");
            }
            long start = offset == 0 && since != null ? firstAtOrAfter(channel, since, length) : offset;
            InputStream in = new BufferedInputStream(Channels.newInputStream(channel.position(start)), 1 << 16);
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            long at = start;
            long next = start;
            for (int b = in.read(); b >= 0 && out.size() < limit && at - start < maxScan; b = in.read()) {
                at++;
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                next = at;
                Entry e = parse(line.toString(StandardCharsets.UTF_8));
                line.reset();
                if (e != null && (since == null || !e.at().isBefore(since))
                        && (type == null || type.equals(e.change().type()))) {
                    out.add(e);
                }
            }
            return new Page(out, next < length ? next : -1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes of the log one page reads at most. */
    static final long MAX_SCAN = 8L << 20;

    /** An entry, or {@code null} for a line that is not one (an offset that was not a cursor). */
    private static Entry parse(String line) {
        String[] f = line.split("\t");
        if (f.length < 6) {
            return null;
        }
        try {
            return new Entry(Instant.parse(f[0]), Long.parseLong(f[1]), new Change(f[2], f[3], f[5], f[4]));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** An offset at or before the first line at or after {@code since}, found by bisection on line starts. */
    private static long firstAtOrAfter(FileChannel channel, Instant since, long length) throws IOException {
        long lo = 0;
        long hi = length;
        while (hi - lo > 1 << 16) {
            long mid = (lo + hi) >>> 1;
            long lineStart = nextLineStart(channel, mid);
            Entry e = lineStart < 0 ? null : parse(readLine(channel, lineStart));
            if (e != null && e.at().isBefore(since)) {
                lo = lineStart;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static long nextLineStart(FileChannel channel, long from) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        for (long at = from; ; ) {
            buffer.clear();
            int n = channel.read(buffer, at);
            if (n <= 0) {
                return -1;
            }
            for (int i = 0; i < n; i++) {
                if (buffer.get(i) == '\n') {
                    return at + i + 1;
                }
            }
            at += n;
        }
    }

    private static String readLine(FileChannel channel, long start) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        int n = channel.read(buffer, start);
        if (n <= 0) {
            return "";
        }
        int end = 0;
        while (end < n && buffer.get(end) != '\n') {
            end++;
        }
        return new String(buffer.array(), 0, end, StandardCharsets.UTF_8);
    }
}
