package fr.tissu.api.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import fr.tissu.api.http.Problem;
import fr.tissu.loader.Loader;
import fr.tissu.loader.SourceFormat;
import io.helidon.http.Status;

/** What the admin API and the staff page check and keep of an uploaded file, and the load options they accept. */
final class Uploads {
    /** A source file's name: no path, no leading dot, an extension the loader reads. */
    private static final Pattern FILE_NAME =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,150}\\.(csv|ttl|nt|nq|trig|jsonld|rdf)");

    private Uploads() {
    }

    /** A file's name without any path, or a 400 when it is not one a source may have. */
    static String sourceName(String name) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        if (!FILE_NAME.matcher(base).matches()) {
            throw new Problem(Status.BAD_REQUEST_400, "the file name '" + base + "' is not accepted: letters, "
                    + "digits, '.', '_' and '-', ending in .csv, .ttl, .nt, .nq, .trig, .jsonld or .rdf");
        }
        return base;
    }

    /** Whether {@code name} is the name of a source loaded from a file (one that may be removed). */
    static boolean removable(String name) {
        return FILE_NAME.matcher(name).matches();
    }

    /**
     * The load options of a request's {@code mode}, {@code format}, {@code dry-run} and {@code require-associations}
     * values ({@code value} gives each, or null).
     */
    static Loader.Options options(Function<String, String> value, String who) {
        String mode = value.apply("mode");
        String m = mode == null || mode.isBlank() ? "strict" : mode;
        if (!m.equals("strict") && !m.equals("skip-invalid")) {
            throw new Problem(Status.BAD_REQUEST_400, "mode is strict or skip-invalid, not '" + m + "'",
                    Map.of("parameter", "mode"));
        }
        SourceFormat forced = null;
        String format = value.apply("format");
        if (format != null && !format.isBlank()) {
            try {
                forced = SourceFormat.fromKey(format);
            } catch (IllegalArgumentException e) {
                throw new Problem(Status.BAD_REQUEST_400, e.getMessage(), Map.of("parameter", "format"));
            }
        }
        return new Loader.Options(m.equals("strict") ? Loader.Mode.STRICT : Loader.Mode.SKIP_INVALID,
                flag(value, "dry-run"), forced, false, who).requiringAssociations(flag(value, "require-associations"));
    }

    /** A yes/no parameter: {@code true}, {@code on} (an HTML checkbox) or {@code false}; absent is false. */
    private static boolean flag(Function<String, String> value, String name) {
        String v = value.apply(name);
        if (v == null || v.isBlank() || v.equals("false")) {
            return false;
        }
        if (v.equals("true") || v.equals("on")) {
            return true;
        }
        throw new Problem(Status.BAD_REQUEST_400, name + " is true or false", Map.of("parameter", name));
    }

    /**
     * Writes {@code in} to {@code file}, at most {@code max} bytes; its SHA-256, or {@code null} when it was larger
     * (then nothing is kept).
     */
    static String receive(InputStream body, Path file, long max) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (InputStream in = new DigestInputStream(body, sha); OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    size += n;
                    if (size > max) {
                        break;
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (size > max) {
                Files.deleteIfExists(file);
                Files.deleteIfExists(file.getParent());
                return null;
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the upload in " + file, e);
        }
    }

    static Problem tooLarge(long max) {
        return new Problem(Status.REQUEST_ENTITY_TOO_LARGE_413, "the file is larger than this service accepts ("
                + max + " bytes, tissu.admin.max-upload-bytes)");
    }

}
