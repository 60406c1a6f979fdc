package fr.tissu.store.read;

import java.util.function.BooleanSupplier;
import java.util.function.LongFunction;

import fr.tissu.store.Store;

/**
 * A value derived from the store and kept until the store's data version changes (projections, statistics).
 * Built at most once per version, by the first caller that needs it; while the data is being published (a load in
 * the running service, see {@link ReadModel#publishing}), callers keep the previous version's value rather than wait
 * for the new one, which the publication builds once it has committed.
 */
public final class PerVersion<T> {
    private record Entry<T>(long version, T value) {
    }

    private final Store store;
    private final LongFunction<T> build;
    private final BooleanSupplier publishing;
    private volatile Entry<T> entry;

    /** {@code build} computes the value for a data version. */
    public PerVersion(Store store, LongFunction<T> build) {
        this(store, build, () -> false);
    }

    /** The same, serving the previous value while {@code publishing} says a publication is under way. */
    PerVersion(Store store, LongFunction<T> build, BooleanSupplier publishing) {
        this.store = store;
        this.build = build;
        this.publishing = publishing;
    }

    /** The value for the store's current data version (or the previous one's, during a publication). */
    public T get() {
        long version = store.version();
        Entry<T> e = entry;
        if (e != null && e.version() != version && publishing.getAsBoolean()) {
            return e.value();
        }
        return fresh();
    }

    /** The value for the store's current data version, built now if it is not there. */
    T fresh() {
        long version = store.version();
        Entry<T> e = entry;
        if (e == null || e.version() != version) {
            synchronized (this) {
                e = entry;
                if (e == null || e.version() != version) {
                    e = new Entry<>(version, build.apply(version));
                    entry = e;
                }
            }
        }
        return e.value();
    }
}
