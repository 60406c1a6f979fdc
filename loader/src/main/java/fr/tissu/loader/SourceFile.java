package fr.tissu.loader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What one streaming pass over a file tells before it is parsed: its SHA-256, whether it starts with a UTF-8
 * byte-order mark, and its encoding (UTF-8 when every byte sequence is valid UTF-8, Windows-1252 otherwise, as
 * real RNA files come in both).
 */
record SourceFile(Path path, String sha256, long bytes, boolean bom, Charset charset) {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    static SourceFile inspect(Path path) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        boolean bom = false;
        Utf8Check utf8 = new Utf8Check();
        try (InputStream in = Files.newInputStream(path)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (total == 0 && n >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB
                        && (buffer[2] & 0xFF) == 0xBF) {
                    bom = true;
                }
                sha.update(buffer, 0, n);
                utf8.update(buffer, n);
                total += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Charset charset = bom || utf8.valid() ? StandardCharsets.UTF_8 : WINDOWS_1252;
        return new SourceFile(path, HexFormat.of().formatHex(sha.digest()), total, bom, charset);
    }

    String name() {
        return path.getFileName().toString();
    }

    /** Checks UTF-8 well-formedness across buffer boundaries. */
    private static final class Utf8Check {
        private int pending;
        private boolean valid = true;

        void update(byte[] bytes, int length) {
            for (int i = 0; i < length && valid; i++) {
                int b = bytes[i] & 0xFF;
                if (pending > 0) {
                    if ((b & 0xC0) != 0x80) {
                        valid = false;
                    }
                    pending--;
                } else if (b >= 0x80) {
                    if (b >= 0xC2 && b <= 0xDF) {
                        pending = 1;
                    } else if (b >= 0xE0 && b <= 0xEF) {
                        pending = 2;
                    } else if (b >= 0xF0 && b <= 0xF4) {
                        pending = 3;
                    } else {
                        valid = false;
                    }
                }
            }
        }

        boolean valid() {
            return valid && pending == 0;
        }
    }
}
