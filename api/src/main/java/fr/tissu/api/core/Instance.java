package fr.tissu.api.core;

import fr.tissu.search.SearchIndex;
import fr.tissu.search.TextSearch;
import fr.tissu.store.Store;
import fr.tissu.store.StoreConfig;
import fr.tissu.store.read.ReadModel;
import fr.tissu.vocabulary.Ids;

/**
 * The service's object graph, built by hand: configuration, URI policy and store.
 *
 * @param config the configuration
 * @param ids    the URIs this instance mints
 * @param store  the store
 * @param index  the search index derived from it
 * @param model  the read model over the store: the records and in-memory projections every protocol reads
 */
public record Instance(TissuConfig config, Ids ids, Store store, SearchIndex index, ReadModel model)
        implements AutoCloseable {

    /** A service over {@code store} with a read model of its own. */
    public Instance(TissuConfig config, Ids ids, Store store, SearchIndex index) {
        this(config, ids, store, index, new ReadModel(store, ids, config.queryTimeout()));
    }

    /**
     * Opens the store the configuration names, and its search index (in the data directory's search folder). Without
     * a configured base, things keep the base the store's data was named under (URIs do not change with the port).
     */
    public static Instance open(TissuConfig config) {
        Store store = Store.create(config.remote() != null ? StoreConfig.remote(config.remote())
                : new StoreConfig(config.storeKind(), config.dataDir().resolve("tdb2")));
        if (!config.baseConfigured()) {
            String recorded = Ids.baseOf(store.graphs()).orElse(null);
            config = config.withNamingBase(recorded);
            if (recorded != null && !recorded.equals(config.publicUrl())) {
                System.getLogger(Instance.class.getName()).log(System.Logger.Level.WARNING, "the data in {0} names "
                        + "things under {1} (it was loaded for that address); this service is reached at {2}, where "
                        + "its links and downloads point. Configure one public base (tissu.base-uri or serve --base) "
                        + "to have both agree.", config.dataDir(), recorded, config.publicUrl());
            }
        }
        SearchIndex index;
        try {
            index = config.storeKind().equals("memory") ? SearchIndex.inMemory()
                    : SearchIndex.open(config.dataDir().resolve("search"));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        TextSearch.attach(store, index);
        return new Instance(config, new Ids(config.baseUri()), store, index);
    }

    @Override
    public void close() {
        index.close();
        store.close();
    }
}
