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
 * real RNA files come in both). A file that is partly UTF-8 and partly not (rows pasted from two sources) would load
 * as mojibake either way: {@code mixed} then says where, and the load refuses the file.
 *
 * @param mixed where a file mixes UTF-8 with another encoding, the first byte that is not UTF-8; else {@code null}
 */
record SourceFile(Path path, String sha256, long bytes, boolean bom, Charset charset, Mixed mixed) {
    /** A file that mixes encodings: its first byte that is not UTF-8, and its first UTF-8 character beyond ASCII. */
    record Mixed(long line, long column, int value, long utf8Line) {
        String reason() {
            return String.format("the file mixes encodings: line %d is UTF-8, but byte 0x%02X at line %d, column %d is "
                    + "not (Windows-1252 or Latin-1?); save the whole file as UTF-8 and load it again", utf8Line, value,
                    line, column);
        }
    }

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
            utf8.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Charset charset = bom || utf8.valid() ? StandardCharsets.UTF_8 : WINDOWS_1252;
        Mixed mixed = !utf8.valid() && utf8.firstSequenceLine > 0
                ? new Mixed(utf8.invalidLine, utf8.invalidColumn, utf8.invalidByte, utf8.firstSequenceLine) : null;
        return new SourceFile(path, HexFormat.of().formatHex(sha.digest()), total, bom, charset, mixed);
    }

    String name() {
        return path.getFileName().toString();
    }

    /**
     * Checks UTF-8 well-formedness across buffer boundaries, and notes where the first multi-byte UTF-8 character
     * and the first byte that is not UTF-8 are (lines from 1, columns in bytes from 1).
     */
    private static final class Utf8Check {
        private int pending;
        private boolean valid = true;
        private long line = 1;
        private long column;
        private int lead;
        private int codePoint;
        private long leadLine;
        private long leadColumn;
        long firstSequenceLine;
        long invalidLine;
        long invalidColumn;
        int invalidByte;

        void update(byte[] bytes, int length) {
            for (int i = 0; i < length; i++) {
                int b = bytes[i] & 0xFF;
                column++;
                if (pending > 0) {
                    if ((b & 0xC0) == 0x80) {
                        codePoint = codePoint << 6 | (b & 0x3F);
                        if (--pending == 0 && firstSequenceLine == 0 && text(codePoint)) {
                            firstSequenceLine = leadLine;
                        }
                        continue;
                    }
                    invalid(lead, leadLine, leadColumn); // a lead byte without its continuation: not UTF-8
                    pending = 0;
                }
                if (b == '\n') {
                    line++;
                    column = 0;
                } else if (b >= 0x80) {
                    lead = b;
                    leadLine = line;
                    leadColumn = column;
                    if (b >= 0xC2 && b <= 0xDF) {
                        pending = 1;
                        codePoint = b & 0x1F;
                    } else if (b >= 0xE0 && b <= 0xEF) {
                        pending = 2;
                        codePoint = b & 0x0F;
                    } else if (b >= 0xF0 && b <= 0xF4) {
                        pending = 3;
                        codePoint = b & 0x07;
                    } else {
                        invalid(b, line, column);
                    }
                }
            }
        }

        /** The file ended: a sequence it left open is not UTF-8. */
        void end() {
            if (pending > 0) {
                invalid(lead, leadLine, leadColumn);
            }
        }

        /**
         * Whether a decoded character is one a French text in UTF-8 has (Latin-1 and Latin Extended-A letters,
         * typographic punctuation, the euro sign): a byte pair of a Windows-1252 file that happens to be valid UTF-8
         * («É» followed by ») decodes to something else, and does not make the file look mixed.
         */
        private static boolean text(int c) {
            return c >= 0xA0 && c <= 0x17F || c >= 0x2000 && c <= 0x206F || c == 0x20AC;
        }

        private void invalid(int b, long atLine, long atColumn) {
            if (valid) {
                valid = false;
                invalidLine = atLine;
                invalidColumn = atColumn;
                invalidByte = b;
            }
        }

        boolean valid() {
            return valid && pending == 0;
        }
    }
}
