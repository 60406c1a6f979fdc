package fr.tissu.api.rest;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import fr.tissu.api.domain.ActivityFilter;
import fr.tissu.store.read.Activity;
import fr.tissu.store.read.ReferenceData;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.WeekDay;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The export formats of activity lists besides CSV (which is the loader's template, {@code ActivityTemplate}):
 * GeoJSON (a point per located activity) and iCalendar (RFC 5545: a weekly recurring {@code VEVENT} per activity,
 * through its season). Exports hold every matching activity, not one page, so a calendar subscription or a download
 * is complete.
 */
final class ActivityFormats {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter UNTIL =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private ActivityFormats() {
    }

    static void geojson(OutputStream out, List<Activity> rows, ActivityFilter filter) throws IOException {
        try (JsonGenerator g = RestSupport.JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            for (Activity r : rows) {
                if (ActivityFilter.lat(r) == null) {
                    continue;
                }
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeStringField("id", r.iri());
                g.writeObjectFieldStart("geometry");
                g.writeStringField("type", "Point");
                g.writeArrayFieldStart("coordinates");
                g.writeNumber(r.place().lon());
                g.writeNumber(r.place().lat());
                g.writeEndArray();
                g.writeEndObject();
                Map<String, Object> properties = new LinkedHashMap<>(ActivitiesService.item(r, filter));
                properties.remove("place");
                properties.put("place", r.place().name());
                g.writeObjectField("properties", properties);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    static void ical(OutputStream out, List<Activity> rows, String base) throws IOException {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Tissu//Activités associatives//FR"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone(PARIS.getId()).getVTimeZone());
        for (Activity r : rows) {
            LocalDate first = r.firstOccurrence(r.seasonStart(), r.seasonEnd());
            if (first == null) {
                continue;
            }
            VEvent event = new VEvent(ZonedDateTime.of(first, r.start(), PARIS),
                    ZonedDateTime.of(first, r.end(), PARIS),
                    r.title());
            event.add(new Uid(r.iri()));
            List<String> days = new ArrayList<>();
            for (DayOfWeek d : r.days()) {
                days.add(WeekDay.getWeekDay(d).getDay().name());
            }
            // RFC 5545: with a zoned DTSTART, UNTIL is written in UTC.
            String until = r.seasonEnd() == null ? "" : ";UNTIL="
                    + UNTIL.format(ZonedDateTime.of(r.seasonEnd(), r.end(),
                    PARIS).withZoneSameInstant(ZoneOffset.UTC));
            event.add(new RRule<>("FREQ=WEEKLY;BYDAY=" + String.join(",", days) + until));
            if (r.place() != null && r.place().name() != null) {
                event.add(new Location(r.place().name() + ", " + commune(r)));
            }
            if (r.organizerName() != null) {
                event.add(new Description(r.organizerName()));
            }
            event.add(new Url(URI.create(base + "/api/v1/activities/" + r.key())));
            calendar.add(event);
        }
        // The outputter closes its writer: keep the response stream open for the caller.
        Writer writer = new FilterWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
        new CalendarOutputter(false).output(calendar, writer);
    }

    private static String commune(Activity r) {
        return ReferenceData.get().commune(r.commune())
                .map(ReferenceData.Commune::name).orElse(r.commune());
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
