package fr.tissu.store.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

import fr.tissu.vocabulary.Ids;
import fr.tissu.vocabulary.Tissu;
import fr.tissu.vocabulary.Vocab.Core;
import fr.tissu.vocabulary.Vocab.DCT;
import fr.tissu.vocabulary.Vocab.Geo;
import fr.tissu.vocabulary.Vocab.Schema;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/**
 * The French administrative division shipped with Tissu (see the README beside its files): communes, EPCIs,
 * départements and régions, read once from the class path.
 */
public final class ReferenceData {
    private static final String TYPE_BASE = "http://rdf.insee.fr/def/geo#";
    private static volatile ReferenceData instance;

    /** A commune as the reference lists it. */
    public record Commune(String code, String type, String name, String departement, String region, String epci,
                          String population, List<String> postalCodes, String parent) {
    }

    /** An EPCI. */
    public record Epci(String siren, String name, String kind, String population, List<String> members) {
    }

    private final Map<String, Commune> communes = new HashMap<>(50_000);
    private final Map<String, Epci> epcis = new HashMap<>(2_000);
    private final List<String[]> departements = new ArrayList<>();
    private final List<String[]> regions = new ArrayList<>();

    private ReferenceData() {
        read("communes.csv.gz", r -> communes.put(r.get("code"), new Commune(r.get("code"), r.get("type"),
                r.get("nom"), r.get("departement"), r.get("region"), r.get("epci"), r.get("population"),
                split(r.get("codes_postaux")), r.get("parent"))));
        read("epci.csv.gz", r -> epcis.put(r.get("siren"), new Epci(r.get("siren"), r.get("nom"), r.get("type"),
                r.get("population"), split(r.get("membres")))));
        read("departements.csv.gz", r -> departements.add(new String[] {r.get("code"), r.get("nom"), r.get("region")}));
        read("regions.csv.gz", r -> regions.add(new String[] {r.get("code"), r.get("nom")}));
    }

    private volatile Map<String, double[]> boxes;

    /**
     * A commune's bounding box, {@code {west, south, east, north}} in WGS84 degrees (2017 contours; see
     * the README beside its files), when one is known.
     */
    public Optional<double[]> box(String code) {
        Map<String, double[]> known = boxes;
        if (known == null) {
            synchronized (this) {
                if (boxes == null) {
                    Map<String, double[]> read = new HashMap<>(40_000);
                    read("commune-boxes.csv.gz", r -> read.put(r.get("code"), new double[] {
                        Double.parseDouble(r.get("west")), Double.parseDouble(r.get("south")),
                        Double.parseDouble(r.get("east")), Double.parseDouble(r.get("north"))}));
                    boxes = read;
                }
                known = boxes;
            }
        }
        return Optional.ofNullable(known.get(code)).map(double[]::clone);
    }

    /** The name of a département, or {@code null}. */
    public String departementName(String code) {
        return departements.stream().filter(d -> d[0].equals(code)).map(d -> d[1]).findFirst().orElse(null);
    }

    /** The shipped reference data. */
    public static ReferenceData get() {
        if (instance == null) {
            synchronized (ReferenceData.class) {
                if (instance == null) {
                    instance = new ReferenceData();
                }
            }
        }
        return instance;
    }

    /** A commune by INSEE code. */
    public Optional<Commune> commune(String code) {
        return Optional.ofNullable(code == null ? null : communes.get(code));
    }

    /** An EPCI by SIREN. */
    public Optional<Epci> epci(String siren) {
        return Optional.ofNullable(epcis.get(siren));
    }

    /** The INSEE codes of current communes, sorted. */
    public List<String> communeCodes() {
        return communes.values().stream().filter(c -> "commune-actuelle".equals(c.type())).map(Commune::code)
                .sorted().toList();
    }

    /** Every INSEE code of the reference (current, delegated and associated communes, municipal districts), sorted. */
    public List<String> allCodes() {
        return communes.keySet().stream().sorted().toList();
    }

    /** Number of communes (one per INSEE code). */
    public int communeCount() {
        return communes.size();
    }

    /** Writes the reference data as triples. */
    public void triples(Ids ids, Consumer<Triple> out) {
        for (String[] r : regions) {
            Node region = ids.thing("region", r[0]);
            emit(out, region, Core.type, Geo.Region);
            place(out, region, r[0], r[1]);
        }
        for (String[] d : departements) {
            Node dep = ids.thing("departement", d[0]);
            emit(out, dep, Core.type, Geo.Departement);
            place(out, dep, d[0], d[1]);
            emit(out, dep, DCT.isPartOf, ids.thing("region", d[2]));
        }
        for (Epci e : epcis.values()) {
            Node epci = ids.thing("epci", e.siren());
            emit(out, epci, Core.type, Tissu.Epci);
            place(out, epci, e.siren(), e.name());
            population(out, epci, e.population());
        }
        for (Commune c : communes.values()) {
            Node commune = ids.commune(c.code());
            emit(out, commune, Core.type, Geo.Commune);
            if (!"commune-actuelle".equals(c.type())) {
                emit(out, commune, Core.type, NodeFactory.createURI(TYPE_BASE + switch (c.type()) {
                    case "arrondissement-municipal" -> "ArrondissementMunicipal";
                    case "commune-deleguee" -> "CommuneDeleguee";
                    default -> "CommuneAssociee";
                }));
            }
            place(out, commune, c.code(), c.name());
            emit(out, commune, Geo.codeINSEE, NodeFactory.createLiteralString(c.code()));
            population(out, commune, c.population());
            for (String postalCode : c.postalCodes()) {
                emit(out, commune, Schema.postalCode, NodeFactory.createLiteralString(postalCode));
            }
            // Paris, Lyon and Marseille's municipal arrondissements belong to their city's EPCI.
            String epci = !c.epci().isEmpty() || c.parent().isEmpty() ? c.epci()
                    : commune(c.parent()).map(Commune::epci).orElse("");
            if (!epci.isEmpty()) {
                emit(out, commune, DCT.isPartOf, ids.thing("epci", epci));
            }
            if (!c.departement().isEmpty()) {
                emit(out, commune, DCT.isPartOf, ids.thing("departement", c.departement()));
            }
            if (!c.region().isEmpty()) {
                emit(out, commune, DCT.isPartOf, ids.thing("region", c.region()));
            }
            if (!c.parent().isEmpty()) {
                emit(out, commune, DCT.isPartOf, ids.commune(c.parent()));
            }
        }
    }

    private static void place(Consumer<Triple> out, Node s, String code, String name) {
        emit(out, s, DCT.identifier, NodeFactory.createLiteralString(code));
        emit(out, s, Schema.name, NodeFactory.createLiteralString(name));
    }

    private static void population(Consumer<Triple> out, Node s, String population) {
        if (population != null && !population.isEmpty()) {
            emit(out, s, Tissu.population, NodeFactory.createLiteralDT(population, XSDDatatype.XSDinteger));
        }
    }

    private static void emit(Consumer<Triple> out, Node s, Node p, Node o) {
        out.accept(Triple.create(s, p, o));
    }

    private static List<String> split(String value) {
        return value == null || value.isEmpty() ? List.of() : List.of(value.split("\\|"));
    }

    private static void read(String file, Consumer<CSVRecord> row) {
        try (InputStream in = ReferenceData.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("reference file missing from the build: " + file);
            }
            Reader reader = new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8);
            CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader).forEach(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
