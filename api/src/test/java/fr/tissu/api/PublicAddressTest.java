package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import fr.tissu.api.core.CatalogConfig;
import fr.tissu.api.core.Instance;
import fr.tissu.api.core.SparqlConfig;
import fr.tissu.api.core.TissuConfig;
import fr.tissu.loader.Dumps;
import fr.tissu.loader.Loader;
import fr.tissu.loader.VocabularyGraph;
import fr.tissu.vocabulary.Ids;
import io.helidon.config.Config;
import io.helidon.webserver.WebServer;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without a configured base, every link the service gives to itself (catalogue downloads and endpoints, Hydra,
 * service description, VoID) points at the port it actually serves, and every download it advertises is there with
 * the size and SHA-256 it states; things keep the names the data was loaded under.
 */
class PublicAddressTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static TissuConfig unconfigured(Path dir) {
        return new TissuConfig(null, dir, "tdb2", false, Duration.ofSeconds(20),
                "https://www.etalab.gouv.fr/licence-ouverte-open-licence", "Tissu (test)", SparqlConfig.defaults(),
                CatalogConfig.defaults(), null, false);
    }

    static HttpResponse<byte[]> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/turtle").build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void linksAndDownloadsFollowThePortServedAndEveryAdvertisedFileIsThere(@TempDir Path dir) throws Exception {
        int port = freePort();
        String address = "http://localhost:" + port;
        try (Instance tissu = Instance.open(unconfigured(dir).servedOn(port))) {
            assertEquals(address, tissu.config().baseUri(), "a new store is named under the address served");
            Bootstrap.prepare(tissu);
            Bootstrap.refreshDumps(tissu);
            // a file the manifest lists but that is not there (being written, or removed) is never advertised
            Path gone = dir.resolve("downloads").resolve(Dumps.manifest(dir.resolve("downloads")).get("communes-ttl")
                    .download());
            Files.delete(gone);
            WebServer server = Main.start(Config.empty(), tissu, port);
            try {
                Model catalog = ModelFactory.createDefaultModel();
                RDFParser.source(new ByteArrayInputStream(get(address + "/catalog").body())).lang(Lang.TURTLE)
                        .parse(catalog);
                List<String> downloads = new ArrayList<>();
                catalog.listStatements(null, catalog.createProperty("http://www.w3.org/ns/dcat#downloadURL"),
                        (RDFNode) null).forEach(s -> downloads.add(s.getResource().getURI()));
                assertTrue(downloads.size() >= 6, downloads.toString());
                assertFalse(downloads.stream().anyMatch(u -> u.endsWith("/" + gone.getFileName())), "not listed: "
                        + gone);
                for (var s : catalog.listStatements(null, catalog.createProperty("http://www.w3.org/ns/dcat#downloadURL"),
                        (RDFNode) null).toList()) {
                    String url = s.getResource().getURI();
                    assertTrue(url.startsWith(address + "/downloads/"), url);
                    HttpResponse<byte[]> file = get(url);
                    assertEquals(200, file.statusCode(), url);
                    Resource dist = s.getSubject();
                    assertEquals(dist.getProperty(catalog.createProperty("http://www.w3.org/ns/dcat#byteSize")).getLong(),
                            file.body().length, url);
                    String sha = dist.getPropertyResourceValue(catalog.createProperty("http://spdx.org/rdf/terms#checksum"))
                            .getProperty(catalog.createProperty("http://spdx.org/rdf/terms#checksumValue")).getString();
                    assertEquals(sha, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(file.body())),
                            url);
                }
                catalog.listStatements(null, catalog.createProperty("http://www.w3.org/ns/dcat#endpointURL"),
                        (RDFNode) null).forEach(s -> assertTrue(s.getResource().getURI()
                        .startsWith(address + "/"), s.toString()));
                String view = new String(get(address + "/catalog").body());
                assertTrue(view.contains(address + "/catalog?page=1"), "Hydra links follow the port");
                String description = new String(get(address + "/sparql").body());
                assertTrue(description.contains("<" + address + "/sparql>"), description);
                String voidText = new String(get(address + "/.well-known/void").body());
                assertTrue(voidText.contains(address + "/sparql"), voidText);
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void thingsKeepTheBaseTheirDataWasLoadedUnderWhenThePortChanges(@TempDir Path dir) throws Exception {
        String earlier = "http://localhost:1";
        try (Instance first = Instance.open(unconfigured(dir).servedOn(1))) {
            VocabularyGraph.ensure(first.store(), first.ids());
        }
        int port = freePort();
        try (Instance tissu = Instance.open(unconfigured(dir).servedOn(port))) {
            assertEquals(earlier, tissu.config().baseUri(), "URIs do not change with the port");
            assertEquals(earlier, tissu.ids().base());
            assertEquals("http://localhost:" + port, tissu.config().publicUrl());
        }
        try (Instance configured = Instance.open(unconfigured(dir).withBase("https://data.example.fr"))) {
            assertEquals("https://data.example.fr", configured.ids().base(), "a configured base wins");
            assertEquals("https://data.example.fr", configured.config().publicUrl());
        }
        assertEquals(earlier, Ids.baseOf(List.of(new Ids(earlier).graph("vocabulary"))).orElseThrow());
    }

    @Test
    void aStoreFilledByTheLoadCommandKeepsTheBaseOfThatLoadWhenServedOnAnotherPort(@TempDir Path dir) throws Exception {
        Path rna = dir.resolve("rna_waldec_synthetique.csv");
        try (InputStream in = Loader.class.getResourceAsStream("sample/rna_waldec_synthetique.csv")) {
            Files.copy(in, rna);
        }
        Path data = dir.resolve("data");
        assertEquals(0, TissuCommand.run("load", "--data", data.toString(), rna.toString()));
        int port = freePort();
        try (Instance tissu = Instance.open(unconfigured(data).servedOn(port))) {
            assertTrue(tissu.store().graphs().contains(new Ids("http://localhost:8080").graph("vocabulary")),
                    "the load recorded its base: " + tissu.store().graphs());
            assertEquals("http://localhost:8080", tissu.ids().base(), "what serve adds is named like the data");
        }
        assertEquals("http://localhost:8080", Ids.baseOf(List.of(new Ids("http://localhost:8080").graph("a.csv"),
                new Ids("http://localhost:8080").graph("b.csv"), new Ids("http://localhost:9").graph("c.csv")))
                .orElseThrow(), "a store without the vocabulary graph: the base most graphs share");
    }
}
