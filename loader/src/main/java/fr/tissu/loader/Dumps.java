package fr.tissu.loader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.tissu.store.Store;
import fr.tissu.vocabulary.Ids;

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

        /** Whether it is a file of {@code name}: its N-Triples dump, or another format ({@code name-ttl}, …). */
        public boolean isOf(String name) {
            return dataset.equals(name) || dataset.startsWith(name + "-");
        }
    }

    /** Every loaded graph with its source format and load time. */
    private static final String SOURCE_GRAPHS = """
            SELECT ?g ?format ?time WHERE { GRAPH ?g { ?g <https://w3id.org/tissu/ns#sourceFormat> ?format ;
              <http://www.w3.org/ns/prov#generatedAtTime> ?time } }""";

    /**
     * System property: how many dump files are written at once (default: the cores). Each dataset's RDF formats are
     * one pass over its graphs and its CSV another, so a France-scale refresh is bounded by its biggest dataset, not
     * by the sum.
     */
    static final String THREADS_PROPERTY = "tissu.dumps.threads";
    private static final int THREADS = Integer.getInteger(THREADS_PROPERTY, Runtime.getRuntime().availableProcessors());
    /** The datasets by size at every scale, biggest first: the order their files are started in. */
    private static final List<String> BIGGEST_FIRST = List.of("indicators", "associations", "activities", "places",
            "communes", "support-points");

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
            manifest.path("dumps")
                    .forEach(d -> dumps.put(d.path("dataset").asText(), JSON.convertValue(d, Dump.class)));
        }
        return dumps;
    }

    /** The period each dataset covers ({@code [start, end]} ISO dates), as written with the dumps. */
    public static Map<String, List<String>> temporal(Path downloads) {
        JsonNode manifest = read(downloads);
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (manifest != null) {
            manifest.path("temporal").properties().forEach(e -> out.put(e.getKey(),
                    List.of(e.getValue().get(0).asText(), e.getValue().get(1).asText())));
        }
        return out;
    }

    /**
     * Activities: from the first season's start to the last season's end; indicators: from the first to the last year.
     */
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
                  ?o <http://purl.org/linked-data/sdmx/2009/dimension#refPeriod> ?year }""",
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
            store.select(SOURCE_GRAPHS, Duration.ofMinutes(5), r -> {
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
            JsonNode previous = read(downloads);
            Map<String, String> sources = new LinkedHashMap<>();
            List<Job> jobs = new ArrayList<>(); // in the manifest's order
            for (Dataset d : DATASETS) {
                List<String> gs = graphs.getOrDefault(d.name(), List.of());
                if (gs.isEmpty()) {
                    continue;
                }
                sources.put(d.name(), String.join(" ", gs.stream().sorted().toList()) + " " + modified.get(d.name()));
                List<Dump> unchanged = unchanged(previous, d.name(), sources.get(d.name()), downloads);
                String time = modified.get(d.name());
                jobs.addAll(unchanged.isEmpty() ? jobs(store, d.name(), gs, dir, time)
                        : List.of(new Job(d.name(), () -> unchanged)));
            }
            for (Dump dump : run(jobs)) {
                dumps.add(versioned(dump, downloads, version));
            }
            prune(dir);
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("version", version);
            manifest.put("written", Instant.now().toString());
            manifest.put("dumps", dumps);
            manifest.put("temporal", temporal(store));
            manifest.put("sources", sources);
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

    /** Files of a dataset written in one pass. */
    @FunctionalInterface
    private interface Writing {
        List<Dump> write() throws IOException;
    }

    /** A writing of the files of {@code dataset}. */
    private record Job(String dataset, Writing writing) {
        /** Where it starts: the biggest datasets first. */
        int rank() {
            int rank = BIGGEST_FIRST.indexOf(dataset);
            return rank < 0 ? BIGGEST_FIRST.size() : rank;
        }
    }

    /** The files of a dataset: its RDF formats in one pass over its graphs, its CSV, the national support points. */
    private static List<Job> jobs(Store store, String name, List<String> graphs, Path dir, String modified) {
        List<Job> jobs = new ArrayList<>();
        jobs.add(new Job(name, () -> RdfDumps.write(store, name, graphs, dir, modified)));
        if (TabularDumps.tabular(name)) {
            jobs.add(new Job(name, () -> List.of(TabularDumps.csv(store, name, graphs, dir, modified))));
        }
        if (name.equals("support-points")) {
            jobs.add(new Job(name, () -> List.of(TabularDumps.lieuxMediationNumerique(store, dir, modified))));
        }
        return jobs;
    }

    /**
     * Runs the jobs on {@link #THREADS} threads (each its own read of the store), the biggest datasets first so that
     * the longest jobs do not start last; returns what they wrote in the order of {@code jobs}. The first failure
     * stops the others and is thrown.
     */
    private static List<Dump> run(List<Job> jobs) throws IOException {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(THREADS, jobs.size())),
                r -> new Thread(r, "dumps-" + n.incrementAndGet()));
        Map<Job, Future<List<Dump>>> futures = new LinkedHashMap<>();
        try {
            jobs.stream().sorted(Comparator.comparingInt(Job::rank))
                    .forEach(job -> futures.put(job, pool.submit(() -> job.writing().write())));
            List<Dump> written = new ArrayList<>();
            for (Job job : jobs) {
                written.addAll(futures.get(job).get());
            }
            return written;
        } catch (ExecutionException e) {
            futures.values().forEach(f -> f.cancel(true));
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException r -> throw r;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        } catch (InterruptedException e) {
            futures.values().forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the dumps", e);
        } finally {
            pool.shutdown();
        }
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
        versions.sort(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().substring(1))));
        for (Path old : versions.subList(0, Math.max(0, versions.size() - KEPT_VERSIONS))) {
            try (var files = Files.walk(old)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    /**
     * The dumps of {@code dataset} in the {@code previous} manifest if its source graphs ({@code sources}: their
     * names and last load time) are the same and every file is still there with its size; empty otherwise. A load of
     * one file then rewrites only the dumps made from it, not the national associations after an indicator fix.
     */
    private static List<Dump> unchanged(JsonNode previous, String dataset, String sources, Path downloads) {
        if (previous == null || !sources.equals(previous.path("sources").path(dataset).asText(null))) {
            return List.of();
        }
        List<Dump> kept = new ArrayList<>();
        for (JsonNode d : previous.path("dumps")) {
            Dump dump = JSON.convertValue(d, Dump.class);
            if (dump.isOf(dataset)) {
                Path file = downloads.resolve(dump.path());
                try {
                    if (!Files.isRegularFile(file) || Files.size(file) != dump.bytes()) {
                        return List.of();
                    }
                } catch (IOException e) {
                    return List.of();
                }
                kept.add(dump);
            }
        }
        return kept;
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
