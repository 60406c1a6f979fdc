package fr.tissu.loader;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.tissu.store.Store;
import fr.tissu.vocabulary.Ids;
import fr.tissu.vocabulary.Sparql;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.riot.RDFFormat;

/**
 * Downloadable dumps of the datasets, regenerated after each load: one gzipped N-Triples file per dataset in the
 * data directory's {@code downloads/dumps}, written aside and renamed (a harvester never reads a half-written
 * file), and a manifest with each file's size, SHA-256, triple count and the store data version it reflects.
 */
public final class Dumps {
    /** The manifest's file name, in the downloads folder. */
    public static final String MANIFEST = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final System.Logger LOG = System.getLogger(Dumps.class.getName());

    /**
     * A dataset of the catalogue and the source graphs it is made of.
     *
     * @param name          stable name (identifier, URL)
     * @param sourceFormats the loader formats whose graphs it holds
     * @param graphs        names of fixed graphs it holds ({@link Ids#graph})
     */
    public record Dataset(String name, Set<String> sourceFormats, Set<String> graphs) {
    }

    /** The datasets that have dumps. */
    public static final List<Dataset> DATASETS = List.of(
            new Dataset("associations", Set.of("rna"), Set.of()),
            new Dataset("activities", Set.of("activities"), Set.of()),
            new Dataset("places", Set.of("activities"), Set.of()),
            new Dataset("support-points", Set.of("support-points"), Set.of()),
            new Dataset("indicators", Set.of("indicators", ComputedIndicators.FORMAT), Set.of()),
            new Dataset("communes", Set.of(), Set.of("reference-communes")),
            new Dataset("vocabulary", Set.of(), Set.of("vocabulary")),
            new Dataset("sparql-examples", Set.of(), Set.of("sparql-examples")));

    /**
     * One dump file.
     *
     * @param dataset  dataset name
     * @param path     path under the downloads folder
     * @param bytes    size
     * @param sha256   SHA-256 of the file, hex
     * @param triples  triples in it
     * @param modified last load of its graphs
     * @param versionedPath the same file under the data version it reflects ({@code dumps/v{version}/…}), kept for
     *                      the last {@link #KEPT_VERSIONS} versions, or {@code null}
     */
    public record Dump(String dataset, String path, long bytes, String sha256, long triples, String modified,
                       String versionedPath) {
        /**
         * Where to download exactly this file: its versioned path, whose content never changes while it is kept
         * (the stable name gets the next version's file before the manifest lists it), else its path.
         */
        public String download() {
            return versionedPath != null ? versionedPath : path;
        }
    }

    /** How many data versions keep their versioned dumps. */
    public static final int KEPT_VERSIONS = 3;

    private Dumps() {
    }

    /**
     * The dumps of the manifest that can be downloaded now: those whose file ({@link Dump#download()}) is there with
     * the size listed. A catalogue lists these, never a file that is still being written or was removed.
     */
    public static Map<String, Dump> available(Path downloads) {
        Map<String, Dump> available = new LinkedHashMap<>();
        manifest(downloads).forEach((name, dump) -> {
            Path file = downloads.resolve(dump.download()).normalize();
            try {
                if (file.startsWith(downloads.normalize()) && Files.isRegularFile(file)
                        && Files.size(file) == dump.bytes()) {
                    available.put(name, dump);
                }
            } catch (IOException e) {
                // not there: not listed
            }
        });
        return available;
    }

    /** The data version the dumps in {@code downloads} reflect, or -1. */
    public static long version(Path downloads) {
        JsonNode manifest = read(downloads);
        return manifest == null ? -1 : manifest.path("version").asLong(-1);
    }

    /** The dumps listed in the manifest of {@code downloads}, by dataset name (empty when there is none). */
    public static Map<String, Dump> manifest(Path downloads) {
        JsonNode manifest = read(downloads);
        Map<String, Dump> dumps = new LinkedHashMap<>();
        if (manifest != null) {
            manifest.path("dumps").forEach(d -> dumps.put(d.path("dataset").asText(), JSON.convertValue(d, Dump.class)));
        }
        return dumps;
    }

    /** The period each dataset covers ({@code [start, end]} ISO dates), as written with the dumps. */
    public static Map<String, List<String>> temporal(Path downloads) {
        JsonNode manifest = read(downloads);
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (manifest != null) {
            manifest.path("temporal").fields().forEachRemaining(e -> out.put(e.getKey(),
                    List.of(e.getValue().get(0).asText(), e.getValue().get(1).asText())));
        }
        return out;
    }

    /** Activities: from the first season's start to the last season's end; indicators: from the first to the last year. */
    private static Map<String, List<String>> temporal(Store store) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        store.select("""
                SELECT (MIN(?start) AS ?from) (MAX(?end) AS ?to) WHERE {
                  ?a a <https://w3id.org/tissu/ns#Activity> ; <https://schema.org/eventSchedule> ?s .
                  ?s <https://schema.org/startDate> ?start ; <https://schema.org/endDate> ?end }""",
                Duration.ofMinutes(5), r -> {
                    if (r.contains("from") && r.contains("to")) {
                        out.put("activities", List.of(r.getLiteral("from").getLexicalForm(),
                                r.getLiteral("to").getLexicalForm()));
                    }
                });
        store.select("""
                SELECT (MIN(STR(?year)) AS ?from) (MAX(STR(?year)) AS ?to) WHERE {
                  ?o <https://w3id.org/tissu/ns#indicator> ?i ;
                     <http://purl.org/linked-data/sdmx/2009/dimension#refPeriod> ?year }""",
                Duration.ofMinutes(5), r -> {
                    if (r.contains("from") && r.contains("to")) {
                        out.put("indicators", List.of(r.getLiteral("from").getLexicalForm() + "-01-01",
                                r.getLiteral("to").getLexicalForm() + "-12-31"));
                    }
                });
        return out;
    }

    /** Writes the dumps again unless the manifest already reflects the store's data version; returns whether it did. */
    public static boolean refreshIfStale(Store store, Ids ids, Path downloads) {
        if (version(downloads) == store.version()) {
            return false;
        }
        refresh(store, ids, downloads);
        return true;
    }

    /** Writes every dataset's dump and the manifest. */
    public static List<Dump> refresh(Store store, Ids ids, Path downloads) {
        long version = store.version();
        long started = System.nanoTime();
        List<Dump> dumps = new ArrayList<>();
        try {
            Path dir = Files.createDirectories(downloads.resolve("dumps"));
            Map<String, List<String>> graphs = new LinkedHashMap<>();
            Map<String, String> modified = new LinkedHashMap<>();
            store.select("""
                    SELECT ?g ?format ?time WHERE { GRAPH ?g { ?g <https://w3id.org/tissu/ns#sourceFormat> ?format ;
                      <http://www.w3.org/ns/prov#generatedAtTime> ?time } }""", Duration.ofMinutes(5), r -> {
                        String g = r.getResource("g").getURI();
                        String format = r.getLiteral("format").getLexicalForm();
                        for (Dataset d : DATASETS) {
                            boolean fixed = d.graphs().stream().anyMatch(n -> ids.graph(n).getURI().equals(g));
                            if (fixed || d.sourceFormats().contains(format)) {
                                graphs.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(g);
                                modified.merge(d.name(), r.getLiteral("time").getLexicalForm(),
                                        (a, b) -> a.compareTo(b) >= 0 ? a : b);
                            }
                        }
                    });
            for (Dataset d : DATASETS) {
                List<String> gs = graphs.getOrDefault(d.name(), List.of());
                if (gs.isEmpty()) {
                    continue;
                }
                for (Dump dump : write(store, d.name(), gs, dir, modified.get(d.name()))) {
                    dumps.add(versioned(dump, downloads, version));
                }
                Table table = TABLES.get(d.name());
                if (table != null) {
                    dumps.add(versioned(csv(store, d.name(), gs, table, dir, modified.get(d.name())), downloads, version));
                }
                if (d.name().equals("support-points")) {
                    dumps.add(versioned(lieuxMediationNumerique(store, dir, modified.get(d.name())), downloads, version));
                }
            }
            prune(dir);
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("version", version);
            manifest.put("written", Instant.now().toString());
            manifest.put("dumps", dumps);
            manifest.put("temporal", temporal(store));
            Path tmp = downloads.resolve(MANIFEST + ".part");
            JSON.writeValue(tmp.toFile(), manifest);
            Files.move(tmp, downloads.resolve(MANIFEST), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dumps in " + downloads, e);
        }
        LOG.log(System.Logger.Level.INFO, "dumps of data version {0} written in {1} s", version,
                String.format("%.1f", (System.nanoTime() - started) / 1e9));
        return dumps;
    }

    /**
     * One pass over the dataset's graphs writes its gzipped N-Triples, Turtle (streamed, in blocks by subject, with
     * the vocabulary's prefixes) and expanded JSON-LD; returns the three.
     */
    private static List<Dump> write(Store store, String name, List<String> graphs, Path dir, String modified)
            throws IOException {
        Path nt = dir.resolve(name + ".nt.gz");
        Path ttl = dir.resolve(name + ".ttl.gz");
        Path jsonld = dir.resolve(name + ".jsonld.gz");
        Path ntTmp = dir.resolve(name + ".nt.gz.part");
        Path ttlTmp = dir.resolve(name + ".ttl.gz.part");
        Path jsonldTmp = dir.resolve(name + ".jsonld.gz.part");
        MessageDigest ntSha = sha256();
        MessageDigest ttlSha = sha256();
        MessageDigest jsonldSha = sha256();
        long[] triples = {0};
        try (OutputStream ntOut = new GZIPOutputStream(new DigestOutputStream(new BufferedOutputStream(
                Files.newOutputStream(ntTmp), 1 << 16), ntSha), 1 << 16);
             OutputStream ttlOut = new GZIPOutputStream(new DigestOutputStream(new BufferedOutputStream(
                Files.newOutputStream(ttlTmp), 1 << 16), ttlSha), 1 << 16);
             OutputStream jsonldOut = new GZIPOutputStream(new DigestOutputStream(new BufferedOutputStream(
                Files.newOutputStream(jsonldTmp), 1 << 16), jsonldSha), 1 << 16);
             JsonLdStream jsonldWriter = new JsonLdStream(jsonldOut)) {
            StreamRDF ntWriter = StreamRDFWriter.getWriterStream(ntOut, RDFFormat.NTRIPLES);
            StreamRDF ttlWriter = StreamRDFWriter.getWriterStream(ttlOut, RDFFormat.TURTLE_BLOCKS);
            ntWriter.start();
            ttlWriter.start();
            PREFIXES.forEach(ttlWriter::prefix);
            String values = Sparql.iris(graphs);
            store.select("SELECT ?s ?p ?o WHERE { VALUES ?g { " + values + "} GRAPH ?g { "
                            + PATTERNS.getOrDefault(name, "?s ?p ?o") + " } }",
                    Duration.ofHours(1), r -> {
                        Triple t = Triple.create(r.get("s").asNode(), r.get("p").asNode(), r.get("o").asNode());
                        ntWriter.triple(t);
                        ttlWriter.triple(t);
                        jsonldWriter.triple(t);
                        triples[0]++;
                    });
            ntWriter.finish();
            ttlWriter.finish();
        }
        Files.move(ntTmp, nt, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(ttlTmp, ttl, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(jsonldTmp, jsonld, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return List.of(new Dump(name + "-jsonld", "dumps/" + jsonld.getFileName(), Files.size(jsonld),
                HexFormat.of().formatHex(jsonldSha.digest()), triples[0], modified, null),new Dump(name, "dumps/" + nt.getFileName(), Files.size(nt), HexFormat.of().formatHex(
                ntSha.digest()), triples[0], modified, null), new Dump(name + "-ttl", "dumps/" + ttl.getFileName(),
                Files.size(ttl), HexFormat.of().formatHex(ttlSha.digest()), triples[0], modified, null));
    }

    /**
     * Datasets that are part of their graphs: the places, inside the activity graphs, with their address and
     * geometry (the parts whose URI is the place's plus a fragment).
     */
    private static final Map<String, String> PATTERNS = Map.of("places", """
            ?pl a <https://schema.org/Place> FILTER NOT EXISTS { ?pl a <https://w3id.org/tissu/ns#SupportPoint> }
            { ?pl ?p ?o BIND(?pl AS ?s) }
            UNION { ?pl ?link ?s FILTER(isIRI(?s) && STRSTARTS(STR(?s), CONCAT(STR(?pl), "#"))) ?s ?p ?o }""");

    /** Prefixes of the Turtle dumps. */
    private static final Map<String, String> PREFIXES = Map.of("schema", "https://schema.org/",
            "dct", "http://purl.org/dc/terms/", "tissu", "https://w3id.org/tissu/ns#",
            "locn", "http://www.w3.org/ns/locn#", "skos", "http://www.w3.org/2004/02/skos/core#",
            "rov", "http://www.w3.org/ns/regorg#", "adms", "http://www.w3.org/ns/adms#",
            "geo", "http://www.w3.org/2003/01/geo/wgs84_pos#", "prov", "http://www.w3.org/ns/prov#",
            "xsd", "http://www.w3.org/2001/XMLSchema#");

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A tabular dataset's CSV: the pattern that finds one row's thing {@code ?s} (first, so its rows come together)
     * and the rest, binding one variable per column.
     */
    record Table(String select, String rest, List<String> columns) {
    }

    private static final String CSV_PREFIXES = """
            PREFIX schema: <https://schema.org/> PREFIX dct: <http://purl.org/dc/terms/>
            PREFIX tissu: <https://w3id.org/tissu/ns#> PREFIX locn: <http://www.w3.org/ns/locn#>
            PREFIX rov: <http://www.w3.org/ns/regorg#> PREFIX foaf: <http://xmlns.com/foaf/0.1/>
            PREFIX geo: <http://www.w3.org/2003/01/geo/wgs84_pos#>
            PREFIX sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#>
            PREFIX sdmx-attribute: <http://purl.org/linked-data/sdmx/2009/attribute#>
            """;

    /** The tabular datasets and their columns (multiple values joined with {@code |}). */
    static final Map<String, Table> TABLES = Map.of(
            "associations", new Table("?s a schema:NGO", """
                    ?s dct:identifier ?rna ; schema:name ?nom .
                    OPTIONAL { ?s rov:orgStatus ?statut }
                    OPTIONAL { ?s schema:foundingDate ?date_creation }
                    OPTIONAL { ?s schema:dissolutionDate ?date_dissolution }
                    OPTIONAL { ?s tissu:commune ?code_insee }
                    OPTIONAL { ?s dct:subject ?themes }
                    OPTIONAL { ?s dct:description ?objet }
                    OPTIONAL { ?s foaf:homepage ?site_web }
                    OPTIONAL { ?s locn:address/locn:fullAddress ?adresse }
                    """, List.of("rna", "nom", "statut", "date_creation", "date_dissolution", "code_insee", "themes",
                    "objet", "site_web", "adresse")),
            "activities", new Table("?s a tissu:Activity", """
                    ?s dct:identifier ?id ; schema:name ?titre .
                    OPTIONAL { ?s schema:organizer/dct:identifier ?association }
                    OPTIONAL { ?s tissu:commune ?code_insee }
                    OPTIONAL { ?s dct:subject ?themes }
                    OPTIONAL { ?s schema:eventSchedule ?sch . ?sch schema:startTime ?heure_debut ;
                               schema:endTime ?heure_fin OPTIONAL { ?sch schema:byDay ?jours }
                               OPTIONAL { ?sch schema:startDate ?debut_saison } OPTIONAL { ?sch schema:endDate ?fin_saison } }
                    OPTIONAL { ?s schema:audience/schema:suggestedMinAge ?age_min }
                    OPTIONAL { ?s schema:audience/schema:suggestedMaxAge ?age_max }
                    OPTIONAL { ?s schema:offers/schema:price ?tarif }
                    OPTIONAL { ?s schema:isAccessibleForFree ?gratuit }
                    OPTIONAL { ?s tissu:accessible ?accessible }
                    OPTIONAL { ?s schema:inLanguage ?langues }
                    OPTIONAL { ?s schema:location ?p . ?p schema:name ?lieu OPTIONAL { ?p geo:lat ?latitude ; geo:long ?longitude } }
                    """, List.of("id", "association", "titre", "code_insee", "themes", "jours", "heure_debut", "heure_fin",
                    "debut_saison", "fin_saison", "age_min", "age_max", "tarif", "gratuit", "accessible", "langues",
                    "lieu", "latitude", "longitude")),
            "indicators", new Table("?s sdmx-dimension:refArea ?area", """
                    ?s tissu:indicator ?indicateur ; sdmx-dimension:refPeriod ?annee ; tissu:value ?valeur ;
                       tissu:origin ?origine .
                    BIND(?area AS ?code_insee)
                    OPTIONAL { ?s sdmx-attribute:unitMeasure ?unite }
                    """, List.of("code_insee", "indicateur", "annee", "valeur", "unite", "origine")));

    /** A tabular dataset as CSV (comma-separated, UTF-8, header row; codes for URIs of codes). */
    private static Dump csv(Store store, String name, List<String> graphs, Table table, Path dir, String modified)
            throws IOException {
        Path file = dir.resolve(name + ".csv");
        Path tmp = dir.resolve(name + ".csv.part");
        MessageDigest sha = sha256();
        long[] rows = {0};
        String values = Sparql.iris(graphs);
        try (var out = new java.io.OutputStreamWriter(new DigestOutputStream(new BufferedOutputStream(
                Files.newOutputStream(tmp), 1 << 16), sha), java.nio.charset.StandardCharsets.UTF_8);
             var printer = new org.apache.commons.csv.CSVPrinter(out, org.apache.commons.csv.CSVFormat.RFC4180.builder()
                     .setRecordSeparator("\r\n").get())) {
            printer.printRecord(table.columns());
            String[] current = {null};
            Map<String, java.util.Set<String>> row = new LinkedHashMap<>();
            Runnable flush = () -> {
                if (current[0] == null) {
                    return;
                }
                List<String> record = new ArrayList<>();
                for (String c : table.columns()) {
                    record.add(String.join("|", row.getOrDefault(c, java.util.Set.of())));
                }
                try {
                    printer.printRecord(record);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                rows[0]++;
                row.clear();
            };
            String select = CSV_PREFIXES + "SELECT * WHERE { VALUES ?g { " + values + "} GRAPH ?g { "
                    + table.select() + " } " + table.rest() + "}";
            store.select(select, Duration.ofHours(1), r -> {
                        String s = r.getResource("s").getURI();
                        if (!s.equals(current[0])) {
                            flush.run();
                            current[0] = s;
                        }
                        for (String c : table.columns()) {
                            var node = r.get(c);
                            if (node != null) {
                                String v = node.isLiteral() ? node.asLiteral().getLexicalForm()
                                        : node.asResource().getURI();
                                if (v != null && node.isURIResource()) {
                                    v = v.substring(Math.max(v.lastIndexOf('/'), v.lastIndexOf('#')) + 1);
                                }
                                row.computeIfAbsent(c, k -> new java.util.LinkedHashSet<>()).add(v);
                            }
                        }
                    });
            flush.run();
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Dump(name + "-csv", "dumps/" + file.getFileName(), Files.size(file), HexFormat.of().formatHex(
                sha.digest()), rows[0], modified, null);
    }

    /** The national schema's columns (lieux de médiation numérique v1.0.2), in its order. */
    static final List<String> LMN_COLUMNS = List.of("id", "pivot", "nom", "commune", "code_postal", "code_insee",
            "adresse", "complement_adresse", "latitude", "longitude", "typologie", "telephone", "courriels", "site_web",
            "horaires", "presentation_resume", "presentation_detail", "source", "itinerance", "structure_parente",
            "date_maj", "services", "publics_specifiquement_adresses", "prise_en_charge_specifique", "frais_a_charge",
            "dispositif_programmes_nationaux", "formations_labels", "autres_formations_labels", "modalites_acces",
            "modalites_accompagnement", "fiche_acces_libre", "prise_rdv");

    /**
     * The digital-support points in the national <i>lieux de médiation numérique</i> CSV v1.0.2 (comma-separated,
     * UTF-8, lists joined with {@code |}): what the loader reads, written back, so that the national aggregation can
     * take this instance's points as they are.
     */
    private static Dump lieuxMediationNumerique(Store store, Path dir, String modified) throws IOException {
        Path file = dir.resolve("support-points.lmn.csv");
        Path tmp = dir.resolve("support-points.lmn.csv.part");
        Map<String, Map<String, java.util.Set<String>>> points = new java.util.TreeMap<>();
        store.select("""
                PREFIX schema: <https://schema.org/> PREFIX dct: <http://purl.org/dc/terms/>
                PREFIX tissu: <https://w3id.org/tissu/ns#> PREFIX locn: <http://www.w3.org/ns/locn#>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                PREFIX geo: <http://www.w3.org/2003/01/geo/wgs84_pos#> PREFIX foaf: <http://xmlns.com/foaf/0.1/>
                SELECT * WHERE {
                  ?p a tissu:SupportPoint ; dct:identifier ?id ; schema:name ?nom .
                  OPTIONAL { ?p <http://www.w3.org/ns/adms#identifier>/skos:notation ?pivot }
                  OPTIONAL { ?p tissu:commune ?c }
                  OPTIONAL { ?p locn:address ?a OPTIONAL { ?a locn:thoroughfare ?adresse }
                             OPTIONAL { ?a locn:postCode ?code_postal } OPTIONAL { ?a locn:postName ?commune } }
                  OPTIONAL { ?p geo:lat ?latitude ; geo:long ?longitude }
                  OPTIONAL { ?p schema:telephone ?telephone }
                  OPTIONAL { ?p schema:email ?courriels }
                  OPTIONAL { ?p foaf:homepage ?site_web }
                  OPTIONAL { ?p schema:openingHours ?horaires }
                  OPTIONAL { ?p schema:description ?presentation_resume }
                  OPTIONAL { ?p dct:description ?presentation_detail }
                  OPTIONAL { ?p dct:modified ?date_maj }
                  OPTIONAL { ?p tissu:service ?services }
                  OPTIONAL { ?p schema:isAccessibleForFree ?free }
                }""", Duration.ofMinutes(10), r -> {
                    Map<String, java.util.Set<String>> row = points.computeIfAbsent(r.getResource("p").getURI(),
                            k -> new LinkedHashMap<>());
                    r.varNames().forEachRemaining(v -> {
                        var node = r.get(v);
                        if (node == null || v.equals("p") || v.equals("a")) {
                            return;
                        }
                        String value = node.isLiteral() ? node.asLiteral().getLexicalForm() : node.isURIResource()
                                ? node.asResource().getURI() : null;
                        if (value != null) {
                            row.computeIfAbsent(v, k -> new java.util.LinkedHashSet<>()).add(value);
                        }
                    });
                });
        MessageDigest sha = sha256();
        try (var out = new java.io.OutputStreamWriter(new DigestOutputStream(new BufferedOutputStream(
                Files.newOutputStream(tmp)), sha), java.nio.charset.StandardCharsets.UTF_8);
             var csv = new org.apache.commons.csv.CSVPrinter(out, org.apache.commons.csv.CSVFormat.RFC4180.builder()
                     .setRecordSeparator("\r\n").get())) {
            csv.printRecord(LMN_COLUMNS);
            for (Map<String, java.util.Set<String>> p : points.values()) {
                List<String> record = new ArrayList<>();
                for (String column : LMN_COLUMNS) {
                    java.util.Set<String> values = switch (column) {
                        case "code_insee" -> p.containsKey("c") ? java.util.Set.of(p.get("c").iterator().next()
                                .replaceAll(".*/", "")) : java.util.Set.of();
                        case "site_web" -> p.getOrDefault(column, java.util.Set.of());
                        case "frais_a_charge" -> p.containsKey("free") && p.get("free").contains("true")
                                ? java.util.Set.of("Gratuit") : java.util.Set.of();
                        default -> p.getOrDefault(column, java.util.Set.of());
                    };
                    record.add(String.join("|", values));
                }
                csv.printRecord(record);
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Dump("support-points-lmn", "dumps/" + file.getFileName(), Files.size(file),
                HexFormat.of().formatHex(sha.digest()), points.size(), modified, null);
    }

    /**
     * Publishes a dump under its data version too: a hard link (no copy) to the file just written, which keeps the
     * old content when the next load renames a new file over the stable name.
     */
    private static Dump versioned(Dump dump, Path downloads, long version) throws IOException {
        Path file = downloads.resolve(dump.path());
        String relative = "dumps/v" + version + "/" + file.getFileName();
        Path link = downloads.resolve(relative);
        Files.createDirectories(link.getParent());
        Files.deleteIfExists(link);
        try {
            Files.createLink(link, file);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(file, link);
        }
        return new Dump(dump.dataset(), dump.path(), dump.bytes(), dump.sha256(), dump.triples(), dump.modified(),
                relative);
    }

    /** Removes the versioned dumps of all but the last {@link #KEPT_VERSIONS} versions. */
    private static void prune(Path dir) throws IOException {
        List<Path> versions;
        try (var list = Files.list(dir)) {
            versions = new ArrayList<>(list.filter(p -> Files.isDirectory(p) && p.getFileName().toString()
                    .matches("v\\d+")).toList());
        }
        versions.sort(java.util.Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().substring(1))));
        for (Path old : versions.subList(0, Math.max(0, versions.size() - KEPT_VERSIONS))) {
            try (var files = Files.walk(old)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    private static JsonNode read(Path downloads) {
        Path file = downloads.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            return null;
        }
    }
}
