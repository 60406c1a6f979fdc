package fr.tissu.api.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tissu.store.read.Activity;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The JSON-LD block cannot be closed or commented out by a value, and says only what the data says. */
class SchemaOrgBlockTest {
    @Test
    void aValueCannotCloseTheBlock() throws Exception {
        String hostile = "</script><script>alert(1)</script><!-- x";
        Activity a = new Activity("urn:a", "urn:g", "a", hostile, null, null, null, null, null, List.of(), List.of(),
                EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), null, null, null, null, null, null, null, null,
                List.of(), null, null, null, null, "a");
        String html = SchemaOrg.activity(a);
        assertEquals(html.indexOf("</script>"), html.lastIndexOf("</script>"), html);
        assertFalse(html.contains("<!--"), html);
        var scripts = Jsoup.parse(html).select("script");
        assertEquals(1, scripts.size());
        var json = new ObjectMapper().readTree(scripts.getFirst().data());
        assertEquals(hostile, json.path("name").asText());
        assertFalse(json.has("location") || json.has("offers") || json.has("typicalAgeRange") || json.has("startDate"),
                "nothing the data does not say: " + json);
        assertEquals("09:00", json.path("eventSchedule").path("startTime").asText());
    }
}
