package fr.tissu.store.read;

import java.util.function.LongFunction;

import fr.tissu.store.Store;

/**
 * A value derived from the store and kept until the store's data version changes (projections, statistics).
 * Built at most once per version, by the first caller that needs it.
 */
public final class PerVersion<T> {
    private record Entry<T>(long version, T value) {
    }

    private final Store store;
    private final LongFunction<T> build;
    private volatile Entry<T> entry;

    /** {@code build} computes the value for a data version. */
    public PerVersion(Store store, LongFunction<T> build) {
        this.store = store;
        this.build = build;
    }

    /** The value for the store's current data version. */
    public T get() {
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
