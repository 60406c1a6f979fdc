package fr.tissu.api.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** OpenStreetMap opening hours in words, and left as written when they say more than weekly hours. */
class OpeningHoursWordsTest {
    private final OpeningHoursWords fr = new OpeningHoursWords("fr");
    private final OpeningHoursWords en = new OpeningHoursWords("en");

    @Test
    void weeklyHoursAreSentences() {
        assertEquals("Du lundi au vendredi, 9 h – 12 h", fr.say("Mo-Fr 09:00-12:00"));
        assertEquals("Monday to Friday, 09:00 – 12:00", en.say("Mo-Fr 09:00-12:00"));
        assertEquals("Le mardi et le jeudi, 14 h – 17 h ; le samedi, 10 h – 12 h",
                fr.say("Tu,Th 14:00-17:00; Sa 10:00-12:00"));
        assertEquals("Tuesday and Thursday, 14:00 – 17:00; Saturday, 10:00 – 12:00",
                en.say("Tu,Th 14:00-17:00; Sa 10:00-12:00"));
        assertEquals("Le lundi, 9 h – 12 h et 14 h 30 – 17 h 30", fr.say("Mo 09:00-12:00,14:30-17:30"));
        assertEquals("Du lundi au samedi, 9 h – 18 h ; le mercredi : fermé", fr.say("Mo-Sa 09:00-18:00; We off"));
        assertEquals("Every day, 08:00 – 20:00", en.say("08:00-20:00"));
        assertEquals("Le lundi, 10 h – 12 h (sur rendez-vous)", fr.say("Mo 10:00-12:00 \"sur rendez-vous\""));
    }

    @Test
    void whatIsNotWeeklyHoursIsLeftAsWritten() {
        assertNull(fr.say("Mo-Fr 09:00-12:00; PH off"), "public holidays");
        assertNull(fr.say("Jan-Jun Mo 10:00-12:00"), "months");
        assertNull(fr.say("Mo[1] 10:00-12:00"), "the first Monday of the month");
        assertNull(fr.say("24/7"));
        assertNull(fr.say("n'importe quoi"));
        assertNull(fr.say(null));
    }
}
