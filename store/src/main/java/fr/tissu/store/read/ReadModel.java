package fr.tissu.store.read;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongFunction;

import fr.tissu.store.Store;

/**
 * The read model of one store: the records every protocol reads, and the projections kept in memory per data
 * version (the activity lists, places, digital-support points, and whatever a service derives). They all refresh
 * the one same way, {@link PerVersion}: a new data version rebuilds them on first use, and {@link #refresh()}
 * rebuilds them at once (at start, after a load), so that a request never waits for one.
 */
public final class ReadModel {
    private final Store store;
    private final Duration timeout;
    private final List<PerVersion<?>> projections = new CopyOnWriteArrayList<>();
    private final PerVersion<ActivitySnapshot> activities;
    private final PerVersion<Listing<Place>> places;
    private final PerVersion<Listing<SupportPoint>> supportPoints;

    /** The read model of {@code store}; {@code timeout} bounds the reads of single things. */
    public ReadModel(Store store, Duration timeout) {
        this.store = store;
        this.timeout = timeout;
        this.activities = derived(version -> ActivitySnapshot.read(store, version));
        this.places = derived(version -> Listing.of(all(Place.PROJECTION), Place::key));
        this.supportPoints = derived(version -> Listing.of(all(SupportPoint.PROJECTION), SupportPoint::key));
    }

    /** The store read. */
    public Store store() {
        return store;
    }

    /** A projection derived from the store, kept per data version and refreshed with the others. */
    public <T> PerVersion<T> derived(LongFunction<T> build) {
        PerVersion<T> p = new PerVersion<>(store, build);
        projections.add(p);
        return p;
    }

    /** Builds every projection for the store's current data version now (each that is not already current). */
    public void refresh() {
        for (PerVersion<?> p : projections) {
            p.get();
        }
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
