package fr.tissu.loader.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import fr.tissu.loader.ActivityTemplate;
import fr.tissu.loader.SupportPointMapper;
import fr.tissu.store.read.ReferenceData;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * Writes synthetic but realistic source files for real communes: an RNA extract ({@code rna_waldec} layout),
 * activities (Tissu's template), declared indicators and digital-support points (national standard). The same
 * seed and sizes give byte-identical files. Every association's object and every activity's description says
 * the data is fictitious.
 */
public final class SampleGenerator {
    /** What to generate. */
    public record Spec(List<String> communes, int associations, int activities, int firstYear, int lastYear,
                       long seed) {
    }

    /** Files written. */
    public record Files4(Path rna, Path activities, Path indicators, Path supportPoints) {
    }

    /** Columns of the rna_waldec layout, in order. */
    public static final String[] RNA_COLUMNS = {"id", "id_ex", "siret", "rup_mi", "gestion", "date_creat", "date_decla",
        "date_publi", "date_disso", "nature", "groupement", "titre", "titre_court", "objet", "objet_social1",
        "objet_social2", "adrs_complement", "adrs_numvoie", "adrs_repetition", "adrs_typevoie", "adrs_libvoie",
        "adrs_distrib", "adrs_codeinsee", "adrs_codepostal", "adrs_libcommune", "adrg_declarant", "adrg_complemid",
        "adrg_complemgeo", "adrg_libvoie", "adrg_distrib", "adrg_codepostal", "adrg_achemine", "adrg_pays",
        "dir_civilite", "siteweb", "publiweb", "observation", "position", "maj_time"};
    /** Columns of the activities template, in order. */
    public static final String[] ACTIVITY_COLUMNS = ActivityTemplate.COLUMNS.toArray(String[]::new);
    /** Columns of the lieux de médiation numérique CSV v1.0.2, in order. */
    public static final String[] LMN_COLUMNS = SupportPointMapper.standardColumns().toArray(String[]::new);
    static final String FICTITIOUS = " (association fictive, données de démonstration générées par Tissu)";

    private final ReferenceData reference = ReferenceData.get();

    /** Writes the four files into {@code dir}. */
    public Files4 generate(Spec spec, Path dir) {
        try {
            Files.createDirectories(dir);
            SplittableRandom random = new SplittableRandom(spec.seed());
            Territory territory = new Territory(spec.communes(), reference, random.split());
            Files4 files = new Files4(dir.resolve("rna_waldec_synthetique.csv"), dir.resolve("activites.csv"),
                    dir.resolve("indicateurs.csv"), dir.resolve("points-appui-numerique.csv"));
            List<Templates.Assoc> forActivities = new ArrayList<>();
            List<Templates.Assoc> supportPoints = new ArrayList<>();
            double activityRate = (double) spec.activities() / Math.max(1, spec.associations());
            try (CSVPrinter rna = printer(files.rna(), RNA_COLUMNS);
                 CSVPrinter acts = printer(files.activities(), ACTIVITY_COLUMNS)) {
                SplittableRandom r = random.split();
                SplittableRandom ra = random.split();
                int activityCount = 0;
                for (int i = 0; i < spec.associations(); i++) {
                    Templates.Assoc a = Templates.association(i, territory.pick(r), r);
                    rna.printRecord((Object[]) a.rnaRow());
                    if (a.supportPoint() && supportPoints.size() < 2000) {
                        supportPoints.add(a);
                    }
                    if (a.active()) {
                        // About 8 % of associations are dissolved: spread the activities over the active ones so
                        // that the total comes close to the spec.
                        double expected = activityRate * (i + 1) / 0.92 + ra.nextInt(3) - 1;
                        while (activityCount < spec.activities() && activityCount < expected) {
                            acts.printRecord(Templates.activity(a, activityCount, territory, ra));
                            activityCount++;
                        }
                    }
                }
            }
            try (CSVPrinter ind = printer(files.indicators(), "commune", "indicator", "year", "value", "unit",
                    "note")) {
                SplittableRandom r = random.split();
                for (String commune : spec.communes()) {
                    for (int year = spec.firstYear(); year <= spec.lastYear(); year++) {
                        for (Object[] row : Templates.indicators(commune, territory.population(commune), year, r)) {
                            ind.printRecord(row);
                        }
                    }
                }
            }
            try (CSVPrinter lmn = printer(files.supportPoints(), LMN_COLUMNS)) {
                SplittableRandom r = random.split();
                int n = 0;
                for (Templates.Assoc a : supportPoints) {
                    lmn.printRecord(Templates.supportPoint(a, ++n, territory, r));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundled sample: all communes of an EPCI, indicators 2021–2025. */
    public static Spec epci(String siren, int associations, int activities, long seed) {
        List<String> members = ReferenceData.get().epci(siren)
                .orElseThrow(() -> new IllegalArgumentException("unknown EPCI " + siren)).members();
        return new Spec(members.stream().sorted().toList(), associations, activities, 2021, 2025, seed);
    }

    /** France scale: every current commune. */
    public static Spec france(int associations, int activities, long seed) {
        return new Spec(ReferenceData.get().communeCodes(), associations, activities, 2021, 2025, seed);
    }

    private static CSVPrinter printer(Path file, String... header) throws IOException {
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n")
                .setQuoteMode(QuoteMode.ALL).setHeader(header).get());
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    static LocalDate date(SplittableRandom r, int fromYear, int toYear) {
        return LocalDate.of(fromYear, 1, 1).plusDays(r.nextInt(365 * (toYear - fromYear + 1)));
    }
}
