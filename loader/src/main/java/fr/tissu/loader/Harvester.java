package fr.tissu.loader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import fr.tissu.store.GraphWriter;
import fr.tissu.store.Store;
import fr.tissu.vocabulary.Ids;
import fr.tissu.vocabulary.Vocab.Core;
import fr.tissu.vocabulary.Vocab.Cube;
import fr.tissu.vocabulary.Vocab.Prov;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.StreamRDFBase;

/**
 * Harvests another Tissu instance's indicators: reads its DCAT catalogue, finds the indicators dataset and its
 * N-Triples dump, checks the dump's size and SHA-256 against the catalogue, and loads its observations and data sets
 * into one named graph of this store per source ({@code graph/harvest-{host}-{port}}), replaced at each harvest, with
 * its provenance (catalogue, dataset, download URL, time, checksum). Communes and EPCIs are named by the other
 * instance's URIs; they are rewritten to this instance's, so that both instances' values compare as one cube.
 * Neighbouring communes that each run Tissu can compare without a central platform.
 */
public final class Harvester {
    /** The source format recorded on harvested graphs (they are not part of this instance's own dumps). */
    public static final String FORMAT = "harvest";
    private static final Pattern TERRITORY = Pattern.compile(".*/id/(commune|epci)/([0-9][0-9AB][0-9]{3}|[0-9]{9})");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /**
     * What a harvest did.
     *
     * @param graph        the graph written
     * @param dataset      the harvested dataset's URI
     * @param download     the dump's URL
     * @param observations observations loaded
     * @param triples      triples written
     * @param sha256       the dump's checksum, as checked
     */
    public record Result(String graph, String dataset, String download, long observations, long triples,
                         String sha256) {
    }

    /** Harvest failed: the reason says what to fix. */
    public static final class HarvestException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HarvestException(String message) {
            super(message);
        }

        HarvestException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(20)).build();

    /** Harvests the indicators listed by the catalogue at {@code catalogUrl} into {@code store}. */
    public Result harvest(Store store, Ids ids, String catalogUrl, Path workDir) {
        Instant started = Instant.now();
        URI catalog;
        try {
            catalog = URI.create(catalogUrl);
        } catch (IllegalArgumentException e) {
            throw new HarvestException("not a URL: " + catalogUrl);
        }
        if (catalog.getScheme() == null || !catalog.getScheme().matches("https?")) {
            throw new HarvestException("the catalogue must be an http(s) URL: " + catalogUrl);
        }
        Model model = ModelFactory.createDefaultModel();
        String body = get(catalog, "text/turtle");
        try {
            RDFParser.fromString(body, Lang.TURTLE).base(catalogUrl).parse(model);
        } catch (RuntimeException e) {
            throw new HarvestException(catalogUrl + " is not a DCAT catalogue in Turtle: " + e.getMessage());
        }
        QuerySolution found = indicatorDump(model, catalogUrl);
        String dataset = found.getResource("ds").getURI();
        String download = found.getResource("url").getURI();
        Long size = found.contains("size") ? found.getLiteral("size").getLong() : null;
        String sha = found.contains("sha") ? found.getLiteral("sha").getLexicalForm().toLowerCase(Locale.ROOT) : null;

        Path file;
        try {
            Files.createDirectories(workDir);
            file = Files.createTempFile(workDir, "harvest-", ".nt.gz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            String actual = download(URI.create(download), file);
            if (size != null && Files.size(file) != size) {
                throw new HarvestException("the dump " + download + " has " + Files.size(file)
                        + " bytes; the catalogue says " + size + ": nothing was loaded");
            }
            if (sha != null && !sha.equals(actual)) {
                throw new HarvestException("the dump " + download + " has SHA-256 " + actual
                        + "; the catalogue says " + sha + ": nothing was loaded");
            }
            return load(store, ids, catalog, dataset, download, file, actual, started);
        } catch (IOException e) {
            throw new HarvestException("cannot read the dump " + download + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind
            }
        }
    }

    /** The indicators dataset's N-Triples dump in a catalogue. */
    private static QuerySolution indicatorDump(Model model, String catalogUrl) {
        String query = """
                PREFIX dcat: <http://www.w3.org/ns/dcat#>
                PREFIX adms: <http://www.w3.org/ns/adms#>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                PREFIX spdx: <http://spdx.org/rdf/terms#>
                SELECT ?ds ?url ?size ?sha WHERE {
                  ?ds a dcat:Dataset ; adms:identifier/skos:notation "indicators" ; dcat:distribution ?d .
                  ?d dcat:downloadURL ?url ; dcat:mediaType ?type .
                  FILTER(CONTAINS(STR(?type), "n-triples"))
                  OPTIONAL { ?d dcat:byteSize ?size }
                  OPTIONAL { ?d spdx:checksum/spdx:checksumValue ?sha }
                } LIMIT 1""";
        try (var qe = QueryExecutionFactory.create(QueryFactory.create(query), model)) {
            var rows = qe.execSelect();
            if (!rows.hasNext()) {
                throw new HarvestException(catalogUrl + " lists no indicators dataset with an N-Triples dump "
                        + "(is it a Tissu catalogue, and has it loaded indicators?)");
            }
            return rows.next();
        }
    }

    private Result load(Store store, Ids ids, URI catalog, String dataset, String download, Path file, String sha,
                        Instant started) throws IOException {
        // first pass: what the dump describes as observations and data sets
        Set<Node> keep = new HashSet<>();
        parse(file, t -> {
            if (t.getPredicate().equals(Core.type) && (t.getObject().equals(Cube.Observation)
                    || t.getObject().equals(Cube.DataSet)) && foreign(ids, t.getSubject())) {
                keep.add(t.getSubject());
            }
        });
        String source = catalog.getHost() + (catalog.getPort() > 0 ? "-" + catalog.getPort() : "");
        Node graph = ids.graph("harvest-" + source.replaceAll("[^A-Za-z0-9.-]", "-"));
        long[] counts = {0, 0};
        try (GraphWriter writer = store.replace(graph)) {
            // second pass: their triples, with territories renamed to this instance's URIs
            parse(file, t -> {
                // only their own things, and only in their own data sets: nothing said about ours is taken
                if (keep.contains(t.getSubject()) && (!t.getPredicate().equals(Cube.dataSet)
                        || keep.contains(t.getObject()))) {
                    writer.add(Triple.create(t.getSubject(), t.getPredicate(), local(ids, t.getObject())));
                    counts[1]++;
                    if (t.getPredicate().equals(Core.type) && t.getObject().equals(Cube.Observation)) {
                        counts[0]++;
                    }
                }
            });
            if (counts[0] == 0) {
                throw new HarvestException("the dump " + download + " holds no observation: nothing was loaded");
            }
            Provenance.add(writer, graph, download, FORMAT, sha, counts[0], 0, started);
            writer.add(Triple.create(graph, Prov.wasDerivedFrom, NodeFactory.createURI(dataset)));
            writer.add(Triple.create(graph, NodeFactory.createURI("http://www.w3.org/ns/prov#hadPrimarySource"),
                    NodeFactory.createURI(catalog.toString())));
            writer.commit();
        }
        return new Result(graph.getURI(), dataset, download, counts[0], counts[1], sha);
    }

    /** Whether {@code subject} is named by another instance: a harvest never adds to this instance's own things. */
    static boolean foreign(Ids ids, Node subject) {
        return subject.isURI() && !subject.getURI().startsWith(ids.base() + "/");
    }

    /** Another instance's commune or EPCI URI as this instance's; other nodes unchanged. */
    static Node local(Ids ids, Node node) {
        if (!node.isURI()) {
            return node;
        }
        Matcher m = TERRITORY.matcher(node.getURI());
        if (!m.matches()) {
            return node;
        }
        return m.group(1).equals("commune") ? ids.commune(m.group(2)) : ids.thing("epci", m.group(2));
    }

    private static void parse(Path file, Consumer<Triple> out) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            RDFParser.source(in).lang(Lang.NTRIPLES).parse(new StreamRDFBase() {
                @Override
                public void triple(Triple triple) {
                    out.accept(triple);
                }
            });
        } catch (RiotException e) {
            throw new HarvestException("the dump is not valid N-Triples: " + e.getMessage());
        }
    }

    private String get(URI uri, String accept) {
        try {
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", accept)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 200) {
                throw new HarvestException(uri + " answered HTTP " + res.statusCode());
            }
            return res.body();
        } catch (IOException e) {
            throw new HarvestException("cannot reach " + uri + ": " + (e.getMessage() == null ? e.getClass()
                    .getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarvestException("interrupted while reading " + uri, e);
        }
    }

    /** Downloads to {@code file}; returns the SHA-256 of what was received. */
    private String download(URI uri, Path file) throws IOException {
        try {
            HttpResponse<InputStream> res = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(30))
                    .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            if (res.statusCode() != 200) {
                res.body().close();
                throw new HarvestException(uri + " answered HTTP " + res.statusCode());
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(res.body(), sha)) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarvestException("interrupted while downloading " + uri, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
