package fr.tissu.store;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Which store to open.
 *
 * @param kind     {@code tdb2} (embedded, on disk), {@code memory} (embedded, for tests) or {@code remote} (an engine
 *                 reached over the SPARQL 1.1 protocols)
 * @param location the TDB2 directory
 * @param remote   the engine's endpoints, for {@code remote}
 */
public record StoreConfig(String kind, Path location, Remote remote) {

    /** An embedded store. */
    public StoreConfig(String kind, Path location) {
        this(kind, location, null);
    }

    /** An embedded TDB2 store in {@code location}. */
    public static StoreConfig tdb2(Path location) {
        return new StoreConfig("tdb2", location);
    }

    /** A remote store. */
    public static StoreConfig remote(Remote remote) {
        return new StoreConfig("remote", null, remote);
    }

    /**
     * A SPARQL 1.1 service: its query, update and Graph Store Protocol endpoints, the account Tissu writes with (read
     * from the environment, never from a file: {@code TISSU_STORE_USER} and {@code TISSU_STORE_PASSWORD}), how long
     * Tissu waits for an answer before it gives up on the engine, and how often it checks for another instance's
     * writes.
     *
     * @param query      the query endpoint ({@code …/query} on Fuseki, {@code …/sparql} on Virtuoso)
     * @param update     the update endpoint
     * @param graphStore the Graph Store Protocol endpoint (graph uploads)
     * @param user       basic-authentication user, or {@code null}
     * @param password   its password
     * @param readTimeout the longest silence of the engine during a request (connection set-up or between two bytes of
     *                    an answer): past it the request fails, whatever the query's own timeout
     * @param poll       how old the store's list of graphs and data version may get before a query reads them again
     * @param timeoutParameter the query parameter that gives the engine each query's time limit in seconds
     *                   ({@code timeout} for Fuseki, GraphDB and RDF4J Server); empty to send none (Virtuoso reads
     *                   {@code timeout} in milliseconds: give it its own limit, {@code MaxQueryExecutionTime})
     * @param repository the repository's address in the RDF4J REST API ({@code …/repositories/ID} on RDF4J Server
     *                   and GraphDB), or {@code null} for any other engine: where it is set, a graph is replaced
     *                   and the data version bumped in one engine transaction
     * @param unionGraph the IRI by which the engine names the union of its named graphs ({@code urn:x-arq:UnionGraph}
     *                   on Fuseki and any Jena engine), or {@code null}: where it is set, a query naming no dataset
     *                   is sent with that one graph as its default graph, which the engine answers from its own
     *                   indexes (on Fuseki 15 times faster than a list of graphs), and the store's record is kept in
     *                   the engine's default graph, out of that union; the engine's dataset must then hold Tissu's
     *                   graphs only, and its default graph must not be configured as the union
     */
    public record Remote(URI query, URI update, URI graphStore, String user, String password, Duration readTimeout,
                         Duration poll, String timeoutParameter, URI repository, String unionGraph) {

        /**
         * The endpoints, the account from {@code env}, and the defaults: 2 min of silence, 2 s of staleness, the
         * time limit sent as {@code timeout}.
         */
        public static Remote of(URI query, URI update, URI graphStore, Map<String, String> env) {
            return new Remote(query, update, graphStore, env.get("TISSU_STORE_USER"), env.get("TISSU_STORE_PASSWORD"),
                    Duration.ofMinutes(2), Duration.ofSeconds(2), "timeout", null, null);
        }

        /**
         * A repository of RDF4J Server or GraphDB, at {@code repository} ({@code …/repositories/ID}): its SPARQL
         * endpoints are derived from it (queries on it, updates on {@code /statements}, graph uploads on
         * {@code /rdf-graphs/service}) and writes go through its transactions.
         */
        public static Remote rdf4j(URI repository, Map<String, String> env) {
            String r = repository.toString().endsWith("/") ? repository.toString().substring(0,
                    repository.toString().length() - 1) : repository.toString();
            Remote plain = of(URI.create(r), URI.create(r + "/statements"), URI.create(r + "/rdf-graphs/service"), env);
            return plain.withRepository(URI.create(r));
        }

        /** The same engine, read again after {@code poll}. */
        public Remote withPoll(Duration poll) {
            return new Remote(query, update, graphStore, user, password, readTimeout, poll, timeoutParameter,
                    repository, unionGraph);
        }

        /** The same engine, its own union of named graphs named {@code unionGraph} (see the record's parameters). */
        public Remote withUnionGraph(String unionGraph) {
            return new Remote(query, update, graphStore, user, password, readTimeout, poll, timeoutParameter,
                    repository, unionGraph);
        }

        /** The same engine, with writes through the RDF4J REST API's transactions at {@code repository}. */
        public Remote withRepository(URI repository) {
            return new Remote(query, update, graphStore, user, password, readTimeout, poll, timeoutParameter,
                    repository, unionGraph);
        }

        @Override
        public String toString() { // never the password, in logs or errors
            return "Remote[query=" + query + ", update=" + update + ", graphStore=" + graphStore + ", repository="
                    + repository + ", unionGraph=" + unionGraph + ", user=" + user + "]";
        }
    }
}
