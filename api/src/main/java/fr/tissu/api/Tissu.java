package fr.tissu.api;

import fr.tissu.store.Store;
import fr.tissu.store.StoreConfig;
import fr.tissu.vocabulary.Ids;

/**
 * The service's object graph, built by hand: configuration, URI policy and store.
 *
 * @param config the configuration
 * @param ids    the URIs this instance mints
 * @param store  the store
 */
public record Tissu(TissuConfig config, Ids ids, Store store) implements AutoCloseable {

    /** Opens the store the configuration names. */
    public static Tissu open(TissuConfig config) {
        Store store = Store.create(new StoreConfig(config.storeKind(), config.dataDir().resolve("tdb2")));
        return new Tissu(config, new Ids(config.baseUri()), store);
    }

    @Override
    public void close() {
        store.close();
    }
}
