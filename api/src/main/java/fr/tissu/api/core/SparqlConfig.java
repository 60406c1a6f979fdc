package fr.tissu.api.core;

import java.time.Duration;

import io.helidon.config.Config;

/**
 * The {@code tissu.sparql} node of the configuration.
 *
 * @param timeout       a query is cancelled after this long (results included)
 * @param maxRows       results are cut after this many rows (signalled)
 * @param maxConcurrent queries run at once; beyond, 429 with Retry-After
 */
public record SparqlConfig(Duration timeout, long maxRows, int maxConcurrent) {
    /** The defaults: 30 s, 100,000 rows, 4 concurrent queries. */
    public static SparqlConfig defaults() {
        return new SparqlConfig(Duration.ofSeconds(30), 100_000, 4);
    }

    /** Reads the node. */
    public static SparqlConfig create(Config sparql) {
        SparqlConfig d = defaults();
        return new SparqlConfig(sparql.get("timeout").as(Duration.class).orElse(d.timeout()),
                sparql.get("max-rows").asLong().orElse(d.maxRows()),
                sparql.get("max-concurrent").asInt().orElse(d.maxConcurrent()));
    }
}
