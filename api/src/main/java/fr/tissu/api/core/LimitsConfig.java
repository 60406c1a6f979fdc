package fr.tissu.api.core;

import java.time.Duration;

import io.helidon.config.Config;

/**
 * The {@code tissu.limits} node of the configuration: how much work the server takes on at once before it sheds
 * load (503 with {@code Retry-After}), and an optional per-client rate (429 with {@code Retry-After}).
 *
 * @param heavy          heavy requests (SPARQL, GraphQL, facets, CSV exports, comparisons) handled at once
 * @param heavyQueue     heavy requests waiting for one of those, at most
 * @param standard       other API and page requests handled at once
 * @param standardQueue  other requests waiting, at most
 * @param queueTimeout   the longest a request waits; then 503
 * @param perClientRate  requests per second a client (its address) may make on average; 0: no per-client limit
 * @param perClientBurst requests a client may make at once above that rate
 * @param trustForwarded whether the client's address is the first of {@code X-Forwarded-For} (behind a proxy this
 *                       server trusts) rather than the connection's
 */
public record LimitsConfig(int heavy, int heavyQueue, int standard, int standardQueue, Duration queueTimeout,
                           double perClientRate, int perClientBurst, boolean trustForwarded) {
    /**
     * The defaults: 8 heavy requests at once and 16 waiting, 128 others at once and 256 waiting, 1 s of waiting at
     * most, no per-client rate.
     */
    public static LimitsConfig defaults() {
        return new LimitsConfig(8, 16, 128, 256, Duration.ofSeconds(1), 0, 20, false);
    }

    /** Reads the node. */
    public static LimitsConfig create(Config limits) {
        LimitsConfig d = defaults();
        return new LimitsConfig(limits.get("heavy").asInt().orElse(d.heavy()),
                limits.get("heavy-queue").asInt().orElse(d.heavyQueue()),
                limits.get("standard").asInt().orElse(d.standard()),
                limits.get("standard-queue").asInt().orElse(d.standardQueue()),
                limits.get("queue-timeout").as(Duration.class).orElse(d.queueTimeout()),
                limits.get("per-client.rate").asDouble().orElse(d.perClientRate()),
                limits.get("per-client.burst").asInt().orElse(d.perClientBurst()),
                limits.get("per-client.trust-forwarded").asBoolean().orElse(d.trustForwarded()));
    }
}
