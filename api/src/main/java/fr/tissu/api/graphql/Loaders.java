package fr.tissu.api.graphql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import fr.tissu.api.core.Instance;
import fr.tissu.store.read.Association;
import fr.tissu.store.read.Observation;
import fr.tissu.store.read.Selection;
import fr.tissu.vocabulary.Sparql;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.BatchLoader;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;

/**
 * The data loaders of one request: each batches the loads of a level of the query into one SPARQL query with
 * {@code VALUES}, sent to the request's counting store.
 */
final class Loaders {
    private Loaders() {
    }

    /** A new registry for one request on {@code store}, each query limited to {@code timeout}. */
    static DataLoaderRegistry forRequest(Instance tissu, CountingStore store, Duration timeout) {
        DataLoaderRegistry registry = new DataLoaderRegistry();
        BatchLoader<String, Association> details = iris -> CompletableFuture.supplyAsync(() -> {
            Map<String, Association> found = new HashMap<>();
            Association.PROJECTION.read(store, Selection.things(iris), timeout, a -> found.putIfAbsent(a.iri(), a));
            return iris.stream().map(found::get).toList();
        }, Runnable::run);
        DataLoader<String, Association> associations = DataLoaderFactory.newDataLoader(details);
        BatchLoader<String, List<Observation>> byCommune = codes -> CompletableFuture.supplyAsync(() -> {
            Map<String, List<Observation>> found = new HashMap<>();
            String where = "VALUES ?area { " + Sparql.terms(codes.stream().map(c -> tissu.ids().commune(c))
                    .toList()) + "} ?s sdmxd:refArea ?area";
            Observation.PROJECTION.read(store, Selection.where(where), timeout,
                    o -> found.computeIfAbsent(o.commune(), k -> new ArrayList<>()).add(o));
            found.values().forEach(list -> list.sort(Comparator.comparing(Observation::indicator)
                    .thenComparing(o -> o.year() == null ? 0 : o.year())));
            return codes.stream().map(c -> found.getOrDefault(c, List.of())).toList();
        }, Runnable::run);
        DataLoader<String, List<Observation>> observations = DataLoaderFactory.newDataLoader(byCommune);
        registry.register("associations", associations);
        registry.register("observations", observations);
        return registry;
    }

    /**
     * The request's association loader, taken from the environment (not from the registry directly): graphql-java
     * only dispatches the loads it sees this way at the end of each level.
     */
    static DataLoader<String, Association> associations(DataFetchingEnvironment env) {
        return env.getDataLoader("associations");
    }

    /** The request's loader of a commune's indicator values. */
    static DataLoader<String, List<Observation>> observations(DataFetchingEnvironment env) {
        return env.getDataLoader("observations");
    }
}
