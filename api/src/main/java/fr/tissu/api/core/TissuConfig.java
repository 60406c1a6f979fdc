package fr.tissu.api.core;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import fr.tissu.store.StoreConfig;
import io.helidon.config.Config;

/**
 * The {@code tissu} node of the configuration.
 *
 * @param baseUri           base of the URIs this instance mints ({@code null} until resolved when not configured)
 * @param dataDir           where the store lives
 * @param storeKind         {@code tdb2}, {@code memory} or {@code remote}
 * @param loadSampleOnEmpty load reference and sample data into an empty store
 * @param queryTimeout      time limit of the store queries made by pages and APIs
 * @param dataLicense       licence of the published data
 * @param title             the instance's title
 * @param sparql            the SPARQL endpoint's limits
 * @param catalog           who publishes, for the DCAT-AP catalogue
 * @param publicUrl         where this service is reached, for the links it gives to itself (downloads, endpoints,
 *                          paging): the configured base, or {@code http://localhost:{port}} without one
 * @param baseConfigured    whether the base was configured ({@code tissu.base-uri} or {@code --base}) rather than
 *                          derived from the port served
 * @param admin             who may publish through the admin API, and its limits
 * @param remote            the engine of a {@code remote} store ({@code null} for an embedded one)
 */
public record TissuConfig(String baseUri, Path dataDir, String storeKind, boolean loadSampleOnEmpty,
                          Duration queryTimeout, String dataLicense, String title, SparqlConfig sparql,
                          CatalogConfig catalog, String publicUrl, boolean baseConfigured, AdminConfig admin,
                          StoreConfig.Remote remote) {
    /** The port a service without a configured base and without a port is reached on. */
    public static final int DEFAULT_PORT = 8080;

    /** Normalises the URIs (no trailing slash). */
    public TissuConfig {
        baseUri = trim(baseUri);
        publicUrl = publicUrl == null ? baseUri : trim(publicUrl);
        admin = admin == null ? AdminConfig.NONE : admin;
        if ("remote".equals(storeKind) && remote == null) {
            throw new IllegalArgumentException("a remote store needs tissu.store.repository-url, or query-url, "
                    + "update-url and graph-store-url");
        }
    }

    /** A configuration of an embedded store. */
    public TissuConfig(String baseUri, Path dataDir, String storeKind, boolean loadSampleOnEmpty, Duration queryTimeout,
                       String dataLicense, String title, SparqlConfig sparql, CatalogConfig catalog, String publicUrl,
                       boolean baseConfigured, AdminConfig admin) {
        this(baseUri, dataDir, storeKind, loadSampleOnEmpty, queryTimeout, dataLicense, title, sparql, catalog,
                publicUrl, baseConfigured, admin, null);
    }

    /** A configuration without admin tokens (nobody may publish over HTTP). */
    public TissuConfig(String baseUri, Path dataDir, String storeKind, boolean loadSampleOnEmpty, Duration queryTimeout,
                       String dataLicense, String title, SparqlConfig sparql, CatalogConfig catalog, String publicUrl,
                       boolean baseConfigured) {
        this(baseUri, dataDir, storeKind, loadSampleOnEmpty, queryTimeout, dataLicense, title, sparql, catalog,
                publicUrl, baseConfigured, AdminConfig.NONE);
    }

    /** A configuration whose base was configured: the public address is the base. */
    public TissuConfig(String baseUri, Path dataDir, String storeKind, boolean loadSampleOnEmpty, Duration queryTimeout,
                       String dataLicense, String title, SparqlConfig sparql,
                       CatalogConfig catalog) {
        this(baseUri, dataDir, storeKind, loadSampleOnEmpty, queryTimeout, dataLicense, title, sparql, catalog,
                baseUri, true);
    }

    private static String trim(String uri) {
        return uri != null && uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    /** Reads the {@code tissu} node; without {@code base-uri}, the base is resolved when the port is known. */
    public static TissuConfig create(Config tissu) {
        String base = tissu.get("base-uri").asString().filter(b -> !b.isBlank()).orElse(null);
        return new TissuConfig(base,
                Path.of(tissu.get("data-dir").asString().orElse("./data")),
                tissu.get("store.kind").asString().orElse("tdb2"),
                tissu.get("load-sample-on-empty").asBoolean().orElse(true),
                tissu.get("query-timeout").as(Duration.class).orElse(Duration.ofSeconds(10)),
                tissu.get("data-license").asString().orElse("https://www.etalab.gouv.fr/licence-ouverte-open-licence"),
                tissu.get("title").asString().orElse("Tissu"),
                SparqlConfig.create(tissu.get("sparql")),
                CatalogConfig.create(tissu.get("catalog")), base, base != null,
                AdminConfig.create(tissu.get("admin"), tissu.get("territory")), remote(tissu.get("store")));
    }

    /**
     * The engine of a remote store ({@code tissu.store.kind: remote}): either {@code repository-url} (RDF4J Server,
     * GraphDB: the endpoints follow from it and writes use its transactions) or {@code query-url}, {@code update-url}
     * and {@code graph-store-url} (any SPARQL 1.1 service); then {@code read-timeout}, {@code poll} and
     * {@code timeout-parameter}. The account comes from the environment ({@code TISSU_STORE_USER},
     * {@code TISSU_STORE_PASSWORD}), never from a file.
     */
    static StoreConfig.Remote remote(Config store) {
        if (!"remote".equals(store.get("kind").asString().orElse("tdb2"))) {
            return null;
        }
        StoreConfig.Remote r;
        var repository = store.get("repository-url").asString();
        if (repository.isPresent()) {
            r = StoreConfig.Remote.rdf4j(URI.create(repository.get()), System.getenv());
        } else {
            String query = store.get("query-url").asString().orElseThrow(() -> new IllegalArgumentException(
                    "tissu.store.kind is remote: set tissu.store.repository-url (RDF4J Server, GraphDB: "
                            + "TISSU_STORE_REPOSITORY_URL) or tissu.store.query-url (TISSU_STORE_QUERY_URL)"));
            URI update = URI.create(store.get("update-url").asString().orElse(query));
            URI gsp = URI.create(store.get("graph-store-url").asString().orElseThrow(() ->
                    new IllegalArgumentException("tissu.store.kind is remote: set tissu.store.graph-store-url "
                            + "(TISSU_STORE_GRAPH_STORE_URL)")));
            r = StoreConfig.Remote.of(URI.create(query), update, gsp, System.getenv());
        }
        return new StoreConfig.Remote(r.query(), r.update(), r.graphStore(), r.user(), r.password(),
                store.get("read-timeout").as(Duration.class).orElse(r.readTimeout()),
                store.get("poll").as(Duration.class).orElse(r.poll()),
                store.get("timeout-parameter").asString().orElse(r.timeoutParameter()), r.repository(),
                store.get("union-graph").asString().filter(u -> !u.isBlank()).orElse(null));
    }

    /** The same configuration with another data directory. */
    public TissuConfig withDataDir(Path dir) {
        return new TissuConfig(baseUri, dir, storeKind, loadSampleOnEmpty, queryTimeout, dataLicense, title, sparql,
                catalog, publicUrl, baseConfigured, admin, remote);
    }

    /** The same configuration with a configured base ({@code --base}): things are named and linked under it. */
    public TissuConfig withBase(String base) {
        return new TissuConfig(base, dataDir, storeKind, loadSampleOnEmpty, queryTimeout, dataLicense, title, sparql,
                catalog, base, true, admin, remote);
    }

    /**
     * The same configuration for a service on {@code port}: without a configured base, its links point at
     * {@code http://localhost:{port}}, where it actually listens.
     */
    public TissuConfig servedOn(int port) {
        return baseConfigured ? this : new TissuConfig(baseUri, dataDir, storeKind, loadSampleOnEmpty, queryTimeout,
                dataLicense, title, sparql, catalog, "http://localhost:" + port, false, admin, remote);
    }

    /**
     * The same configuration with the base its things are named under, when none was configured: the base of the
     * data already in the store ({@code recorded}; URIs do not change), else the public address.
     */
    public TissuConfig withNamingBase(String recorded) {
        if (baseConfigured) {
            return this;
        }
        String url = publicUrl != null ? publicUrl : "http://localhost:" + DEFAULT_PORT;
        return new TissuConfig(recorded != null ? recorded : url, dataDir, storeKind, loadSampleOnEmpty, queryTimeout,
                dataLicense, title, sparql, catalog, url, false, admin, remote);
    }

    /** The same configuration with {@code admin} as who may publish. */
    public TissuConfig withAdmin(AdminConfig admin) {
        return new TissuConfig(baseUri, dataDir, storeKind, loadSampleOnEmpty, queryTimeout, dataLicense, title, sparql,
                catalog, publicUrl, baseConfigured, admin, remote);
    }
}
