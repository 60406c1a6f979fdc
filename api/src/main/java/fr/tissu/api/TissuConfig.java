package fr.tissu.api;

import java.nio.file.Path;
import java.time.Duration;

import fr.tissu.api.sparql.SparqlConfig;
import io.helidon.config.Config;

/**
 * The {@code tissu} node of the configuration.
 *
 * @param baseUri           base of the URIs this instance mints
 * @param dataDir           where the store lives
 * @param storeKind         {@code tdb2} or {@code memory}
 * @param loadSampleOnEmpty load reference and sample data into an empty store
 * @param queryTimeout      time limit of the store queries made by pages and APIs
 * @param dataLicense       licence of the published data
 * @param title             the instance's title
 * @param sparql            the SPARQL endpoint's limits
 * @param catalog           who publishes, for the DCAT-AP catalogue
 */
public record TissuConfig(String baseUri, Path dataDir, String storeKind, boolean loadSampleOnEmpty,
                          Duration queryTimeout, String dataLicense, String title, SparqlConfig sparql,
                          fr.tissu.api.catalog.CatalogConfig catalog) {

    /** Reads the {@code tissu} node. */
    public static TissuConfig create(Config tissu) {
        String base = tissu.get("base-uri").asString().orElse("http://localhost:8080");
        return new TissuConfig(base.endsWith("/") ? base.substring(0, base.length() - 1) : base,
                Path.of(tissu.get("data-dir").asString().orElse("./data")),
                tissu.get("store.kind").asString().orElse("tdb2"),
                tissu.get("load-sample-on-empty").asBoolean().orElse(true),
                tissu.get("query-timeout").as(Duration.class).orElse(Duration.ofSeconds(10)),
                tissu.get("data-license").asString().orElse("https://www.etalab.gouv.fr/licence-ouverte-open-licence"),
                tissu.get("title").asString().orElse("Tissu"),
                SparqlConfig.create(tissu.get("sparql")),
                fr.tissu.api.catalog.CatalogConfig.create(tissu.get("catalog")));
    }

    /** The same configuration with another data directory. */
    public TissuConfig withDataDir(Path dir) {
        return new TissuConfig(baseUri, dir, storeKind, loadSampleOnEmpty, queryTimeout, dataLicense, title, sparql,
                catalog);
    }
}
