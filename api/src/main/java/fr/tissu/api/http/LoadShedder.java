package fr.tissu.api.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import fr.tissu.api.core.LimitsConfig;
import io.helidon.common.concurrency.limits.FixedLimit;
import io.helidon.common.concurrency.limits.LimitAlgorithm;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MetricsFactory;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Sheds load early instead of queueing without bound: requests are handled at most so many at once per class, a few
 * more wait a short while, and the rest get 503 with {@code Retry-After} at once (at 512 connections the queue used
 * to grow until p99 reached 9.4 s, health checks included). Heavy requests (SPARQL and GraphQL queries, facets, CSV
 * exports, comparisons) have their own, small, allowance, so that they cannot take the cores from the cheap ones;
 * health, metrics, static assets, files of {@code /downloads/} (sent from disk, however slowly the client reads)
 * and the authenticated admin API are never shed. With a per-client rate configured,
 * a client (by address) beyond it gets 429 with {@code Retry-After}, as the large public endpoints do.
 *
 * <p>The allowances are Helidon's {@link FixedLimit}s (a semaphore with a bounded, timed queue).
 */
public final class LoadShedder implements Filter {
    /** Requests refused here since the start: the gauge {@code tissu.requests.shed} of {@code /metrics}. */
    private static final AtomicLong SHED = new AtomicLong();

    static {
        MetricsFactory.getInstance().globalRegistry().getOrCreate(Gauge.builder("tissu.requests.shed", SHED::get)
                .description("requests refused with 503 or 429 because the server or the client was over its limit"));
    }

    private final LimitAlgorithm heavy;
    private final LimitAlgorithm standard;
    private final ClientRates rates;
    private final boolean trustForwarded;

    /** The allowances of {@code limits}. */
    public LoadShedder(LimitsConfig limits) {
        this.heavy = limit("heavy", limits.heavy(), limits.heavyQueue(), limits.queueTimeout());
        this.standard = limit("standard", limits.standard(), limits.standardQueue(), limits.queueTimeout());
        this.rates = limits.perClientRate() > 0 ? new ClientRates(limits.perClientRate(), limits.perClientBurst())
                : null;
        this.trustForwarded = limits.trustForwarded();
    }

    private static LimitAlgorithm limit(String name, int permits, int queue, Duration timeout) {
        return FixedLimit.builder().name(name).permits(Math.max(1, permits)).queueLength(Math.max(0, queue))
                .queueTimeout(timeout).build();
    }

    /** What a request costs. */
    enum Kind { EXEMPT, STANDARD, HEAVY }

    static Kind kind(RoutingRequest req) {
        String path = req.path().path();
        if (path.equals("/health") || path.startsWith("/health/") || path.equals("/metrics")
                || path.startsWith("/metrics/") || path.startsWith("/admin/") || path.startsWith("/downloads/")
                || path.contains("/assets/") || path.equals("/favicon.ico") || path.equals("/robots.txt")) {
            return Kind.EXEMPT;
        }
        var query = req.query();
        boolean posted = req.prologue().method() == Method.POST;
        if ((path.equals("/sparql") || path.equals("/graphql")) && (posted || query.contains("query"))
                || query.contains("facets") || query.first("format").map("csv"::equalsIgnoreCase).orElse(false)
                || req.headers().first(HeaderNames.ACCEPT).map(a -> a.contains("text/csv")).orElse(false)
                || path.endsWith("/compare")) {
            return Kind.HEAVY;
        }
        return Kind.STANDARD;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        Kind kind = kind(req);
        if (kind == Kind.EXEMPT) {
            chain.proceed();
            return;
        }
        if (rates != null) {
            long wait = rates.acquire(client(req), System.nanoTime());
            if (wait > 0) {
                SHED.incrementAndGet();
                res.header(HeaderNames.RETRY_AFTER, Long.toString(Math.max(1, (wait + 999_999_999) / 1_000_000_000)));
                Problems.send(req, res, Status.TOO_MANY_REQUESTS_429, "too many requests from this address; "
                        + "retry after the time Retry-After gives");
                return;
            }
        }
        LimitAlgorithm.Outcome outcome = (kind == Kind.HEAVY ? heavy : standard).tryAcquireOutcome(true);
        if (!(outcome instanceof LimitAlgorithm.Outcome.Accepted accepted)) {
            SHED.incrementAndGet();
            res.header(HeaderNames.RETRY_AFTER, kind == Kind.HEAVY ? "5" : "1");
            Problems.send(req, res, Status.SERVICE_UNAVAILABLE_503, "the server is busy ("
                    + (kind == Kind.HEAVY ? "too many heavy requests at once: queries, facets, exports"
                    : "too many requests at once") + "); retry after the time Retry-After gives");
            return;
        }
        try {
            chain.proceed();
            accepted.token().success();
        } catch (RuntimeException | Error e) {
            accepted.token().dropped();
            throw e;
        }
    }

    private String client(RoutingRequest req) {
        if (trustForwarded) {
            // the address the trusted proxy saw is the last it appended; the ones before are the client's to say
            List<String> forwarded = req.headers().all(HeaderNames.X_FORWARDED_FOR, List::of);
            if (!forwarded.isEmpty()) {
                String[] hops = forwarded.get(forwarded.size() - 1).split(",");
                String last = hops[hops.length - 1].strip();
                if (!last.isEmpty()) {
                    return last;
                }
            }
        }
        return req.remotePeer().host();
    }

    /** A token bucket per client: {@code rate} a second on average, {@code burst} at once. */
    static final class ClientRates {
        /** Past this many clients, those whose bucket is full again are forgotten. */
        private static final int MAX_CLIENTS = 100_000;
        private final double rate;
        private final double burst;
        private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
        private final AtomicLong lastSweep = new AtomicLong(System.nanoTime());

        ClientRates(double rate, int burst) {
            this.rate = rate;
            this.burst = Math.max(1, burst);
        }

        /** Tokens left, as of {@code at} (nanoTime). */
        private static final class Bucket {
            double tokens;
            long at;

            Bucket(double tokens, long at) {
                this.tokens = tokens;
                this.at = at;
            }
        }

        /** Takes a token for {@code client} at {@code now} (nanoTime): 0, or the nanoseconds until there is one. */
        long acquire(String client, long now) {
            long swept = lastSweep.get();
            if (buckets.size() > MAX_CLIENTS && now - swept > 1_000_000_000L && lastSweep.compareAndSet(swept, now)) {
                long refill = (long) (burst / rate * 1e9); // at most one sweep a second, by one thread
                buckets.values().removeIf(b -> now - b.at > refill);
            }
            Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst, now));
            synchronized (bucket) {
                double tokens = Math.min(burst, bucket.tokens + Math.max(0, now - bucket.at) / 1e9 * rate);
                bucket.at = Math.max(bucket.at, now);
                if (tokens >= 1) {
                    bucket.tokens = tokens - 1;
                    return 0;
                }
                bucket.tokens = tokens;
                return (long) ((1 - tokens) / rate * 1e9);
            }
        }
    }
}
