package fr.tissu.store.read;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Opaque paging cursors, one format for every list (REST, GraphQL, search, the change feed): the sort values of the
 * last row shown, joined and written in URL-safe Base64 without padding. A page resumes strictly after them, so it
 * never repeats or skips a row while the data stays the same.
 */
public final class Cursor {
    private static final char SEPARATOR = '\u0001';

    private Cursor() {
    }

    /** The cursor that resumes after a row whose sort values are {@code parts}. */
    public static String of(String... parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(String.valueOf(SEPARATOR), parts).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The {@code count} sort values of {@code cursor} (the last one may itself hold the separator, as composite
     * sort keys do).
     *
     * @throws IllegalArgumentException when it is not a cursor of {@code count} values
     */
    public static List<String> parts(String cursor, int count) {
        String text;
        try { // strictly: a cursor this service wrote is UTF-8; anything else is not one of ours
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor))).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not a cursor: " + e.getMessage());
        }
        List<String> parts = List.of(text.split(String.valueOf(SEPARATOR), count));
        if (parts.size() != count) {
            throw new IllegalArgumentException("expected " + count + " values in the cursor, found " + parts.size());
        }
        return parts;
    }

    /**
     * The index of the first row of {@code ordered} (ordered by {@code key} under {@code order}, keys unique) after
     * the row with key {@code after}, by binary search; {@code after} {@code null} is the first row.
     */
    public static <T> int startAfter(List<T> ordered, Function<T, String> key, Comparator<String> order,
                                     String after) {
        if (after == null) {
            return 0;
        }
        int low = 0;
        int high = ordered.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (order.compare(key.apply(ordered.get(mid)), after) <= 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
