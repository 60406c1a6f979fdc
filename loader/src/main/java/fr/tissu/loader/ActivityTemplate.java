package fr.tissu.loader;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import fr.tissu.store.read.Activity;
import fr.tissu.store.read.Bindings;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The activities template: the columns staff fill in ({@link ActivityMapper} reads them) and an activity written
 * back in them, so that what Tissu exports loads again as the same triples. Values are written as the template
 * asks for them: French day names, {@code HH:MM}, {@code oui}/{@code non}, several values joined with {@code |},
 * decimals in their canonical form (what the loader stores), coordinates included; cells a spreadsheet would take
 * for a formula guarded ({@link CsvCells}).
 */
public final class ActivityTemplate {
    /** The template's columns, in order. */
    public static final List<String> COLUMNS = List.of("id", "association", "titre", "description", "theme", "lieu",
            "adresse", "code_postal", "commune", "latitude", "longitude", "jours", "heure_debut", "heure_fin",
            "debut_saison", "fin_saison", "age_min", "age_max", "public", "tarif", "accessible", "langues",
            "inscription", "email", "telephone");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private ActivityTemplate() {
    }

    /** One activity's values, in the order of {@link #COLUMNS} ({@code null} where it has none). */
    public static List<Object> row(Activity a) {
        Activity.Place p = a.place();
        // the association's RNA number; from its URI ({base}/id/association/{rna}) when it is not published
        String rna = a.organizerRna() != null || a.organizer() == null ? a.organizerRna()
                : Bindings.lastSegment(a.organizer());
        return Arrays.asList(a.key(), rna, a.title(), a.description(), joined(a.themes()),
                p == null ? null : p.name(), p == null ? null : p.street(), p == null ? null : p.postCode(),
                a.commune(), p == null ? null : decimal(p.lat()), p == null ? null : decimal(p.lon()),
                joined(a.days().stream().map(ActivityTemplate::day).toList()), time(a.start()), time(a.end()),
                a.seasonStart(), a.seasonEnd(), a.minAge(), a.maxAge(), joined(a.audiences()),
                a.price() == null ? null : a.price().toPlainString(), yesNo(a.accessible()), joined(a.languages()),
                a.registration(), a.email(), a.telephone());
    }

    /**
     * The activities as the spreadsheet file staff download and load back: the template's columns separated by
     * {@code ;}, UTF-8 with a byte-order mark (which spreadsheets need to read accents), CRLF line ends.
     */
    public static void spreadsheet(OutputStream out, Iterable<Activity> activities) throws IOException {
        OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setDelimiter(';')
                .setRecordSeparator("\r\n").setHeader(COLUMNS.toArray(String[]::new)).get())) {
            for (Activity a : activities) {
                csv.printRecord(row(a).stream().map(CsvCells::guard).toList());
            }
        }
    }

    /** The French name of a day ({@code mercredi}), which the template takes. */
    static String day(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.FRENCH);
    }

    private static String time(LocalTime t) {
        return t == null ? null : HH_MM.format(t);
    }

    private static String yesNo(Boolean b) {
        return b == null ? null : b ? "oui" : "non";
    }

    /** A coordinate as the loader stores it: the shortest decimal that reads back as the same number. */
    private static String decimal(Double d) {
        return d == null ? null : Row.canonical(BigDecimal.valueOf(d)).toPlainString();
    }

    private static String joined(Collection<String> values) {
        return values.isEmpty() ? null : String.join("|", values);
    }
}
