package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import fr.tissu.api.core.TissuConfig;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

/**
 * {@code tissu.territory} as YAML lists it and as an environment variable gives it; a remote store's engine as its
 * keys name it.
 */
class AdminConfigTest {
    private static TissuConfig read(Map<String, String> keys) {
        return TissuConfig.create(Config.just(ConfigSources.create(keys)).get("tissu"));
    }

    @Test
    void aTerritoryIsAListOrOneValueOfCodes() {
        assertEquals(List.of("243500139", "35288"), read(Map.of("tissu.territory", "243500139, 35288")).admin()
                .territory().codes(), "one value, as TISSU_TERRITORY gives it");
        TissuConfig list = read(Map.of("tissu.territory.0", "35", "tissu.territory.1", "29019"));
        assertEquals(List.of("35", "29019"), list.admin().territory().codes());
        assertTrue(list.admin().territory().size() > 300, "Ille-et-Vilaine's communes and Brest");
        assertEquals(-1, read(Map.of("tissu.title", "x")).admin().territory().size(), "none: everywhere");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read(Map.of("tissu.territory", "243500000")));
        assertTrue(e.getMessage().contains("unknown EPCI SIREN '243500000'"), e.getMessage());
    }

    @Test
    void aRemoteStoreIsOneRepositoryOrThreeEndpoints() {
        TissuConfig rdf4j = read(Map.of("tissu.store.kind", "remote", "tissu.store.repository-url",
                "http://engine:8080/rdf4j-server/repositories/tissu/", "tissu.store.poll", "PT5S"));
        assertEquals("http://engine:8080/rdf4j-server/repositories/tissu", rdf4j.remote().repository().toString());
        assertEquals("http://engine:8080/rdf4j-server/repositories/tissu/statements",
                rdf4j.remote().update().toString());
        assertEquals("http://engine:8080/rdf4j-server/repositories/tissu/rdf-graphs/service",
                rdf4j.remote().graphStore().toString());
        assertEquals(Duration.ofSeconds(5), rdf4j.remote().poll());
        TissuConfig sparql = read(Map.of("tissu.store.kind", "remote", "tissu.store.query-url", "http://e/q",
                "tissu.store.graph-store-url", "http://e/data"));
        assertEquals("http://e/q", sparql.remote().update().toString(), "updates go to the query URL if none is set");
        assertEquals(null, sparql.remote().repository(), "no RDF4J transactions on a plain SPARQL service");
        assertEquals(null, sparql.remote().unionGraph(), "each graph in the query's dataset unless told otherwise");
        assertEquals("urn:x-arq:UnionGraph", read(Map.of("tissu.store.kind", "remote", "tissu.store.query-url",
                "http://e/q", "tissu.store.graph-store-url", "http://e/data", "tissu.store.union-graph",
                "urn:x-arq:UnionGraph")).remote().unionGraph());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read(Map.of("tissu.store.kind", "remote")));
        assertTrue(e.getMessage().contains("repository-url"), e.getMessage());
    }
}
