package fr.tissu.api;

import fr.tissu.search.SearchIndex;

import fr.tissu.store.Store;
import fr.tissu.store.StoreConfig;
import fr.tissu.vocabulary.Ids;

/**
 * The service's object graph, built by hand: configuration, URI policy and store.
 *
 * @param config the configuration
 * @param ids    the URIs this instance mints
 * @param store  the store
 * @param index  the search index derived from it
 */
public record Tissu(TissuConfig config, Ids ids, Store store, SearchIndex index) implements AutoCloseable {

    /** Opens the store the configuration names, and its search index (in the data directory's search folder). */
    public static Tissu open(TissuConfig config) {
        Store store = Store.create(new StoreConfig(config.storeKind(), config.dataDir().resolve("tdb2")));
        SearchIndex index;
        try {
            index = config.storeKind().equals("memory") ? SearchIndex.inMemory()
                    : SearchIndex.open(config.dataDir().resolve("search"));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        fr.tissu.api.sparql.TextSearch.attach(store, index);
        return new Tissu(config, new Ids(config.baseUri()), store, index);
    }

    @Override
    public void close() {
        index.close();
        store.close();
    }
}
