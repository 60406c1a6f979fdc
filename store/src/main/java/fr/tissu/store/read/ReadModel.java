package fr.tissu.store.read;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongFunction;

import fr.tissu.store.Store;
import fr.tissu.vocabulary.Ids;
import fr.tissu.vocabulary.Vocabulary;

/**
 * The read model of one store: the records every protocol reads, and the projections kept in memory per data
 * version (the activity lists, places, digital-support points, and whatever a service derives). They all refresh
 * the one same way, {@link PerVersion}: a new data version rebuilds them on first use, and {@link #refresh()}
 * rebuilds them at once (at start, after a load), so that a request never waits for one.
 */
public final class ReadModel {
    private final Store store;
    private final Duration timeout;
    private final List<Runnable> refreshers = new CopyOnWriteArrayList<>();
    private final PerVersion<ActivitySnapshot> activities;
    private final PerVersion<Listing<Place>> places;
    private final PerVersion<Listing<SupportPoint>> supportPoints;
    private final PerVersion<IndicatorValues> indicatorValues;
    private volatile boolean warm;
    private volatile boolean publishing;
    /** One publication at a time: the admin API's queue and the nightly recomputation share it. */
    private final ReentrantLock writer = new ReentrantLock(true);

    /**
     * The read model of {@code store}, whose things are named by {@code ids}; {@code timeout} bounds the reads of
     * single things.
     */
    public ReadModel(Store store, Ids ids, Duration timeout) {
        this.store = store;
        this.timeout = timeout;
        this.activities = derived(version -> ActivitySnapshot.read(store, version));
        this.places = derived(version -> Listing.of(all(Place.PROJECTION), Place::key));
        this.supportPoints = derived(version -> Listing.of(all(SupportPoint.PROJECTION), SupportPoint::key));
        this.indicatorValues = derived(version -> new IndicatorValues(store, ids.graph("harvest").getURI()),
                values -> values.warmUp(Vocabulary.get().indicators().keySet()));
    }

    /** The store read. */
    public Store store() {
        return store;
    }

    /** A projection derived from the store, kept per data version and refreshed with the others. */
    public <T> PerVersion<T> derived(LongFunction<T> build) {
        return derived(build, value -> { });
    }

    /**
     * A projection derived from the store, kept per data version; a refresh builds it and then runs {@code warm} on
     * it (what a projection built lazily reads ahead).
     */
    public <T> PerVersion<T> derived(LongFunction<T> build, Consumer<T> warm) {
        PerVersion<T> p = new PerVersion<>(store, build, () -> publishing);
        refreshers.add(() -> warm.accept(p.fresh()));
        return p;
    }

    /**
     * Builds every projection for the store's current data version now (each that is not already current). One that
     * fails is reported and left to be built by its first use; the others are built all the same.
     */
    public void refresh() {
        for (Runnable r : refreshers) {
            try {
                r.run();
            } catch (RuntimeException e) {
                System.getLogger(ReadModel.class.getName()).log(System.Logger.Level.WARNING,
                        "a projection of the read model could not be built ahead; its first use will build it", e);
            }
        }
        warm = true;
    }

    /**
     * Runs {@code publication} (loads and what follows them, or the nightly recomputation, in the running service),
     * one at a time, requests meanwhile served from the projections of the data version before it; then builds the
     * new version's projections and serves them.
     */
    public void publishing(Runnable publication) {
        writer.lock();
        publishing = true;
        try {
            publication.run();
        } finally {
            try {
                refresh();
            } finally {
                publishing = false;
                writer.unlock();
            }
        }
    }

    /**
     * Whether a {@link #refresh()} has run to its end once (what the service's readiness reports: before that, the
     * first requests would each wait for a projection).
     */
    public boolean warm() {
        return warm;
    }

    /** The listed activities of the current data version. */
    public ActivitySnapshot activities() {
        return activities.get();
    }

    /** The places of the current data version. */
    public Listing<Place> places() {
        return places.get();
    }

    /** The digital-support points of the current data version. */
    public Listing<SupportPoint> supportPoints() {
        return supportPoints.get();
    }

    /** The indicator values of the current data version, for comparisons. */
    public IndicatorValues indicatorValues() {
        return indicatorValues.get();
    }

    /** The associations of {@code iris} that exist, by IRI, with one query. */
    public Map<String, Association> associations(Collection<String> iris) {
        Map<String, Association> found = new LinkedHashMap<>();
        if (!iris.isEmpty()) {
            Association.PROJECTION.read(store, Selection.things(iris), timeout, a -> found.putIfAbsent(a.iri(), a));
        }
        return found;
    }

    /** The indicator values {@code selection} reads, in the order met. */
    public List<Observation> observations(Selection selection) {
        List<Observation> out = new ArrayList<>();
        Observation.PROJECTION.read(store, selection, timeout, out::add);
        return out;
    }

    private <T> List<T> all(Projection<T> projection) {
        List<T> out = new ArrayList<>();
        projection.read(store, Selection.ALL, Duration.ofMinutes(5), out::add);
        return out;
    }
}
