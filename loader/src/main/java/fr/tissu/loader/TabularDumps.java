package fr.tissu.loader;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

import fr.tissu.store.Store;
import fr.tissu.store.read.Activity;
import fr.tissu.store.read.Association;
import fr.tissu.store.read.Observation;
import fr.tissu.store.read.Selection;
import fr.tissu.store.read.SupportPoint;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The tabular dumps, written from the read model's records: the associations, activities and indicator values as
 * CSV (comma-separated, UTF-8, header row, multiple values joined with {@code |}; the activities in the columns
 * of the import template, so the dump loads back), and the digital-support points in
 * the national <i>lieux de médiation numérique</i> CSV v1.0.2. Each file is written to a {@code .part} file, then
 * moved into place, so a reader never sees half of one.
 */
final class TabularDumps {
    private static final Duration TIMEOUT = Duration.ofHours(1);

    /** One tabular dataset: its columns, and how to write the rows of the things of some graphs. */
    private record Table(List<String> columns, Writer writer) {
    }

    @FunctionalInterface
    private interface Writer {
        long write(Store store, Selection selection, Consumer<List<Object>> row);
    }

    /** The tabular datasets by name. */
    private static final Map<String, Table> TABLES = Map.of(
            "associations", new Table(List.of("rna", "nom", "statut", "date_creation", "date_dissolution",
                    "code_insee", "themes", "objet", "site_web", "adresse"),
                    (store, selection, row) -> Association.PROJECTION.read(store, selection, TIMEOUT, a -> row.accept(
                            Arrays.asList(a.rna(), a.name(), a.status(), a.founded(), a.dissolved(), a.commune(),
                                    joined(a.themes()), a.description(), a.website(), a.address())))),
            "activities", new Table(ActivityTemplate.COLUMNS,
                    (store, selection, row) -> Activity.PROJECTION.read(store, selection, TIMEOUT,
                            a -> row.accept(ActivityTemplate.row(a)))),
            "indicators", new Table(List.of("code_insee", "indicateur", "annee", "valeur", "unite", "origine"),
                    (store, selection, row) -> Observation.PROJECTION.read(store, selection, TIMEOUT, o -> row.accept(
                            Arrays.asList(o.commune(), o.indicator(), o.year(), decimal(o.value()), o.unit(),
                                    o.origin())))));

    /** The national schema's columns (lieux de médiation numérique v1.0.2), in its order. */
    private static final List<String> LMN_COLUMNS = SupportPointMapper.standardColumns();

    private TabularDumps() {
    }

    /** Whether {@code dataset} has a CSV dump. */
    static boolean tabular(String dataset) {
        return TABLES.containsKey(dataset);
    }

    /** The CSV of a tabular dataset, from the things of {@code graphs}. */
    static Dumps.Dump csv(Store store, String name, List<String> graphs, Path dir, String modified) throws IOException {
        Table table = TABLES.get(name);
        return write(dir, name + ".csv", name + "-csv", modified, table.columns(),
                row -> table.writer().write(store, Selection.graphs(graphs), row));
    }

    /**
     * The digital-support points in the national <i>lieux de médiation numérique</i> CSV v1.0.2: what the loader
     * reads, written back, so that the national aggregation can take this instance's points as they are.
     */
    static Dumps.Dump lieuxMediationNumerique(Store store, Path dir, String modified) throws IOException {
        List<SupportPoint> points = new ArrayList<>();
        SupportPoint.PROJECTION.read(store, Selection.ALL, TIMEOUT, p -> {
            if (p.identifier() != null) {
                points.add(p);
            }
        });
        points.sort(Comparator.comparing(SupportPoint::iri));
        return write(dir, "support-points.lmn.csv", "support-points-lmn", modified, LMN_COLUMNS, row -> {
            for (SupportPoint p : points) {
                List<Object> values = new ArrayList<>();
                for (String column : LMN_COLUMNS) {
                    values.add(switch (column) {
                        case "id" -> p.identifier();
                        case "pivot" -> p.pivot();
                        case "nom" -> p.name();
                        case "commune" -> p.town();
                        case "code_postal" -> p.postCode();
                        case "code_insee" -> p.commune();
                        case "adresse" -> p.street();
                        case "latitude" -> p.lat();
                        case "longitude" -> p.lon();
                        case "telephone" -> joined(p.telephones());
                        case "courriels" -> joined(p.emails());
                        case "site_web" -> joined(p.websites());
                        case "horaires" -> p.openingHours();
                        case "presentation_resume" -> p.summary();
                        case "presentation_detail" -> p.description();
                        case "date_maj" -> p.modified();
                        case "services" -> joined(p.services());
                        case "frais_a_charge" -> Boolean.TRUE.equals(p.free()) ? "Gratuit" : null;
                        default -> null;
                    });
                }
                row.accept(values);
            }
            return points.size();
        });
    }

    private static Dumps.Dump write(Path dir, String fileName, String dataset, String modified, List<String> columns,
                                    ToLongFunction<Consumer<List<Object>>> rows) throws IOException {
        Path file = dir.resolve(fileName);
        Path tmp = dir.resolve(fileName + ".part");
        MessageDigest sha = RdfDumps.sha256();
        long count;
        try (var out = new OutputStreamWriter(new DigestOutputStream(new BufferedOutputStream(
                Files.newOutputStream(tmp), 1 << 16), sha), StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get())) {
            printer.printRecord(columns);
            count = rows.applyAsLong(values -> {
                try {
                    printer.printRecord(values.stream().map(v -> v == null ? "" : CsvCells.guard(v.toString()))
                            .toList());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Dumps.Dump(dataset, "dumps/" + fileName, Files.size(file), HexFormat.of().formatHex(sha.digest()),
                count, modified, null);
    }

    private static String joined(Collection<String> values) {
        return String.join("|", values);
    }

    private static String decimal(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
