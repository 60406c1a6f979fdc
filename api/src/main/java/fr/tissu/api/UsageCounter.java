package fr.tissu.api;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.tissu.api.core.Instance;
import fr.tissu.loader.UsageLog;
import fr.tissu.store.read.ReferenceData;
import fr.tissu.vocabulary.Sparql;
import fr.tissu.vocabulary.Tissu;
import io.helidon.http.Method;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Counts the service's own successful requests per day and commune concerned, for the computed indicators 2.2
 * (consultations of the directory) and 6.1 (visits of association pages). Nothing about the visitor is read or kept:
 * no address, no cookie, no user agent; only the day, which commune the request was about, and how many.
 *
 * <ul>
 * <li>2.2: the lists and the search with a {@code commune} (or {@code epci}: each of its communes) filter, and the
 *     commune's own pages ({@code /id/commune/…}, {@code /api/v1/communes/…});</li>
 * <li>6.1: an association's page ({@code /id/association/…}, {@code /api/v1/associations/…}), counted for the
 *     commune of its seat (looked up once per flush, with one query).</li>
 * </ul>
 * Counts are appended to {@link UsageLog} every ten minutes and when the server stops; once a day the computed
 * indicators are recomputed from them.
 */
public final class UsageCounter implements Filter {
    private static final Pattern LISTS = Pattern.compile(
            "/api/v1/(activities|associations|search|places|support-points)");
    private static final Pattern COMMUNE = Pattern.compile("/(?:id/commune|api/v1/communes)/([0-9][0-9AB][0-9]{3})");
    private static final Pattern ASSOCIATION =
            Pattern.compile("/(?:id/association|api/v1/associations)/(W[0-9A-Z]{9})");
    private static final System.Logger LOG = System.getLogger(UsageCounter.class.getName());

    private final Instance tissu;
    /** Requests count under the read lock (shared); a flush swaps the maps under the write lock: no count is lost. */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private Map<String, LongAdder> communes = new ConcurrentHashMap<>();
    private Map<String, LongAdder> associations = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService scheduler;

    /** Counts the requests of {@code tissu}'s server into its data directory. */
    public UsageCounter(Instance tissu) {
        this.tissu = tissu;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        chain.proceed();
        try {
            int status = res.status().code();
            if (!(req.prologue().method().equals(Method.GET) && (status / 100 == 2 || status == 304))) {
                return;
            }
            record(req.path().path(), req.query().all("commune", List::of), req.query().all("epci", List::of));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "request not counted", e);
        }
    }

    /** Counts one successful request to {@code path} with these filter values. */
    void record(String path, List<String> communeFilter, List<String> epciFilter) {
        lock.readLock().lock();
        try {
            count(path, communeFilter, epciFilter);
        } finally {
            lock.readLock().unlock();
        }
    }

    private void count(String path, List<String> communeFilter, List<String> epciFilter) {
        String day = LocalDate.now().toString();
        if (LISTS.matcher(path).matches()) {
            communeFilter.stream().flatMap(v -> List.of(v.split(",")).stream()).forEach(c -> directory(day, c));
            epciFilter.stream().flatMap(v -> List.of(v.split(",")).stream())
                    .forEach(e -> ReferenceData.get().epci(e.strip())
                            .ifPresent(epci -> epci.members().forEach(c -> directory(day, c))));
            return;
        }
        Matcher commune = COMMUNE.matcher(path);
        if (commune.matches()) {
            directory(day, commune.group(1));
            return;
        }
        Matcher association = ASSOCIATION.matcher(path);
        if (association.matches()) {
            associations.computeIfAbsent(day + "|" + association.group(1), k -> new LongAdder()).increment();
        }
    }

    private void directory(String day, String commune) {
        String code = commune.strip();
        if (ReferenceData.get().commune(code).isPresent()) {
            communes.computeIfAbsent(day + "|2.2|" + code, k -> new LongAdder()).increment();
        }
    }

    /** Writes the counts gathered so far to the usage log and starts again from zero. */
    public synchronized void flush() {
        Map<String, LongAdder> directory;
        Map<String, LongAdder> visits;
        lock.writeLock().lock();
        try {
            directory = communes;
            visits = associations;
            communes = new ConcurrentHashMap<>();
            associations = new ConcurrentHashMap<>();
        } finally {
            lock.writeLock().unlock();
        }
        Map<String, Long> out = new HashMap<>();
        directory.forEach((k, n) -> out.merge(k, n.sum(), Long::sum));
        Map<String, Long> pages = new HashMap<>();
        visits.forEach((k, n) -> pages.put(k, n.sum()));
        if (!pages.isEmpty()) {
            // one query for the seats of every association visited
            String values = Sparql.terms(pages.keySet().stream().map(k -> k.substring(k.indexOf('|') + 1)).distinct()
                    .map(rna -> tissu.ids().association(rna)).toList());
            Map<String, String> seat = new HashMap<>();
            tissu.store().select("SELECT ?a ?c WHERE { VALUES ?a { " + values + "} ?a <"
                    + Tissu.commune.getURI() + "> ?c }", Duration.ofSeconds(30), r -> {
                        String a = r.getResource("a").getURI();
                        String c = r.getResource("c").getURI();
                        seat.put(a.substring(a.lastIndexOf('/') + 1), c.substring(c.lastIndexOf('/') + 1));
                    });
            pages.forEach((k, n) -> {
                String commune = seat.get(k.substring(k.indexOf('|') + 1));
                if (commune != null) {
                    out.merge(k.substring(0, k.indexOf('|')) + "|6.1|" + commune, n, Long::sum);
                }
            });
        }
        UsageLog.append(tissu.config().dataDir().resolve(UsageLog.FILE), out);
    }

    /** Flushes every ten minutes, and recomputes the computed indicators every night (a few minutes after 0:00). */
    public void schedule() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("usage")
                .factory());
        scheduler.scheduleAtFixedRate(this::safeFlush, 10, 10, TimeUnit.MINUTES);
        long untilNight = Duration.between(LocalDateTime.now(), LocalDate.now().plusDays(1).atTime(LocalTime.of(0, 5)))
                .toMinutes();
        scheduler.scheduleAtFixedRate(() -> {
            try {
                flush();
                // a publication like a load: after the admin API's jobs, and the new values read before visitors ask
                tissu.model().publishing(() -> Bootstrap.recomputeIndicators(tissu));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "nightly recomputation of the indicators failed", e);
            }
        }, untilNight, TimeUnit.DAYS.toMinutes(1), TimeUnit.MINUTES);
    }

    private void safeFlush() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "request counts could not be written", e);
        }
    }

    @Override
    public void afterStop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        safeFlush();
    }
}
