package fr.tissu.store.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class CursorTest {
    @Test
    void aCursorGivesBackItsValuesAndIsSafeInAUrl() {
        String cursor = Cursor.of("Judo à Rennes", "W351000001");
        assertFalse(cursor.matches(".*[+/=&?#].*"), cursor);
        assertEquals(List.of("Judo à Rennes", "W351000001"), Cursor.parts(cursor, 2));
    }

    @Test
    void theLastValueMayHoldTheSeparatorOfCompositeKeys() {
        String key = "2026-09-02\u0001judo\u0001a12";
        assertEquals(List.of(key), Cursor.parts(Cursor.of(key), 1));
    }

    @Test
    void whatIsNotACursorOfTheListIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Cursor.parts("%%%", 1));
        assertThrows(IllegalArgumentException.class, () -> Cursor.parts(Cursor.of("only one"), 2));
    }

    @Test
    void aPageStartsStrictlyAfterTheLastKeyShownInEitherOrder() {
        List<String> up = List.of("a", "c", "e", "g");
        assertEquals(0, Cursor.startAfter(up, Function.identity(), Comparator.naturalOrder(), null));
        assertEquals(2, Cursor.startAfter(up, Function.identity(), Comparator.naturalOrder(), "c"));
        assertEquals(2, Cursor.startAfter(up, Function.identity(), Comparator.naturalOrder(), "d"));
        assertEquals(4, Cursor.startAfter(up, Function.identity(), Comparator.naturalOrder(), "z"));
        List<String> down = List.of("g", "e", "c", "a");
        assertEquals(2, Cursor.startAfter(down, Function.identity(), Comparator.reverseOrder(), "e"));
    }
}
