package fr.tissu.api;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import fr.tissu.api.core.Instance;
import fr.tissu.search.ChangeLog;
import fr.tissu.search.Changes;
import fr.tissu.store.Store;
import org.apache.jena.graph.Node;

/**
 * Keeps an instance on a shared (remote) store up to date with what other instances write: every poll interval it
 * reads the store's data version (one small query), and when another instance has written, it reads again the graphs
 * that changed into its search index (their documents only, not a rebuild), appends the changes to its change feed,
 * rebuilds its in-memory projections and its dumps. Meanwhile requests are served from the data version before, as
 * during a load: no answer mixes two versions of a projection.
 */
public final class Follower implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Follower.class.getName());
    private final Instance tissu;
    private final ScheduledExecutorService scheduler;

    private Follower(Instance tissu, Duration poll) {
        this.tissu = tissu;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("follower")
                .factory());
        scheduler.scheduleWithFixedDelay(this::safeFollow, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Follows the store of {@code tissu} if it is shared (remote); {@code null} for an embedded store. */
    public static Follower start(Instance tissu) {
        if (tissu.config().remote() == null) {
            return null;
        }
        return new Follower(tissu, tissu.config().remote().poll());
    }

    private void safeFollow() {
        try {
            follow();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "following the store failed; next try in one poll interval: {0}",
                    e.getMessage());
        }
    }

    /** Brings this instance to the store's data version, if another instance moved it; true if it did. */
    boolean follow() {
        Store store = tissu.store();
        if (store.version() == tissu.index().version()) {
            return false;
        }
        boolean[] followed = {false};
        tissu.model().publishing(() -> {
            long at = tissu.index().version();
            long now = store.version();
            if (now == at) {
                return; // this instance's own publication got there first
            }
            long start = System.nanoTime();
            Optional<Set<Node>> changed = store.changedSince(at);
            try (Changes changes = changed.isPresent() ? tissu.index().update(store, changed.get(), at)
                    : tissu.index().catchUp(store)) {
                ChangeLog.append(tissu.config().dataDir().resolve(ChangeLog.FILE), store.version(),
                        store.lastModified(), changes);
                LOG.log(System.Logger.Level.INFO, "followed the store from data version {0} to {1}: {2} graphs "
                        + "changed, {3} search changes, in {4} ms (projections next)", at, now,
                        changed.map(Set::size).map(String::valueOf).orElse("all"), changes.size(),
                        (System.nanoTime() - start) / 1_000_000);
            }
            followed[0] = true;
        });
        if (followed[0]) {
            Bootstrap.refreshDumps(tissu);
        }
        return followed[0];
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
