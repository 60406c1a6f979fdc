package fr.tissu.search;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What one index update found added, modified or removed, kept in a temporary file rather than in memory: a
 * national load changes millions of things. Written by the update, then appended to the {@link ChangeLog} and
 * deleted ({@link #close()}).
 */
public final class Changes implements AutoCloseable {
    private static final Changes NONE = new Changes(null, null, 0);

    private final Path file;
    private BufferedWriter out;
    private long size;

    private Changes(Path file, BufferedWriter out, long size) {
        this.file = file;
        this.out = out;
        this.size = size;
    }

    /** No change. */
    public static Changes none() {
        return NONE;
    }

    /** An empty set to add to, in a new temporary file. */
    static Changes open() {
        try {
            Path file = Files.createTempFile("tissu-changes-", ".tsv");
            return new Changes(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for the changes of an index update", e);
        }
    }

    void add(Change c) {
        try {
            out.write(c.change() + "\t" + c.type() + "\t" + clean(c.key()) + "\t" + clean(c.uri()) + "\n");
            size++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the changes of an index update to " + file, e);
        }
    }

    /** Ends the writing: the set can be read from now on. */
    Changes done() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out = null;
        }
        return this;
    }

    /** How many changes. */
    public long size() {
        return size;
    }

    /** Hands every change to {@code each}, in the order found, reading the file. */
    public void forEach(Consumer<Change> each) {
        if (file == null || size == 0) {
            return;
        }
        done();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split("\t", -1);
                each.accept(new Change(f[0], f[1], f[3], f[2].isEmpty() ? null : f[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the changes of an index update from " + file, e);
        }
    }

    /** Every change in memory: for small sets (tests, a staff member's correction). */
    public List<Change> list() {
        List<Change> all = new ArrayList<>();
        forEach(all::add);
        return all;
    }

    static String clean(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ');
    }

    /** Deletes the file. */
    @Override
    public void close() {
        if (file != null) {
            try {
                done();
                Files.deleteIfExists(file);
            } catch (IOException | UncheckedIOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
