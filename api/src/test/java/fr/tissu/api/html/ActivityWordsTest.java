package fr.tissu.api.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;

import fr.tissu.store.read.Activity;
import org.junit.jupiter.api.Test;

/** Activities said in words, as residents read them. */
class ActivityWordsTest {
    private static Activity activity(EnumSet<DayOfWeek> days, LocalTime start, LocalTime end) {
        return new Activity("urn:a", "urn:g", "a", "A", null, null, null, null, null, List.of(), List.of(), days,
                start, end, null, null, null, null, null, null, null, List.of(), null, null, null, null, "a");
    }

    @Test
    void daysAndHoursAreASentence() {
        ActivityWords fr = new ActivityWords("fr");
        ActivityWords en = new ActivityWords("en");
        Activity one = activity(EnumSet.of(DayOfWeek.WEDNESDAY), LocalTime.of(16, 30), LocalTime.of(17, 30));
        assertEquals("le mercredi, 16 h 30 – 17 h 30", fr.schedule(one));
        assertEquals("Wednesdays, 16:30 – 17:30", en.schedule(one));
        Activity three = activity(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY, DayOfWeek.SATURDAY),
                LocalTime.of(18, 0), LocalTime.of(19, 0));
        assertEquals("le lundi, le jeudi et le samedi, 18 h – 19 h", fr.schedule(three));
        assertEquals("Mondays, Thursdays and Saturdays, 18:00 – 19:00", en.schedule(three));
    }

    @Test
    void datesAgesAndPrices() {
        ActivityWords fr = new ActivityWords("fr");
        ActivityWords en = new ActivityWords("en");
        int year = LocalDate.now().getYear();
        assertTrue(fr.date(LocalDate.of(year, 9, 1)).endsWith(" 1er septembre"), "this year's: no year");
        assertEquals("mercredi 30 juin 2100", fr.date(LocalDate.of(2100, 6, 30)));
        assertEquals("Wednesday 30 June 2100", en.date(LocalDate.of(2100, 6, 30)));
        assertEquals("lundi 1er mars 2100", fr.date(LocalDate.of(2100, 3, 1)));
        assertEquals("de 6 à 11 ans", fr.ages(6, 11));
        assertEquals("à partir de 60 ans", fr.ages(60, null));
        assertEquals("up to age 3", en.ages(null, 3));
        assertEquals("", fr.ages(null, null));
        assertEquals("135 € par an", fr.price(false, new BigDecimal("135.00")));
        assertEquals("12,5 € par an", fr.price(null, new BigDecimal("12.50")));
        assertEquals("€135 a year", en.price(null, new BigDecimal("135")));
        assertEquals("gratuit", fr.price(true, null));
        assertEquals("à 3,4 km", fr.distance(3400));
        assertEquals("3.4 km away", en.distance(3400));
    }
}
