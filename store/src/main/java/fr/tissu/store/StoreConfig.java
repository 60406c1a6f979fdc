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
     */
    public record Remote(URI query, URI update, URI graphStore, String user, String password, Duration readTimeout,
                         Duration poll, String timeoutParameter) {

        /**
         * The endpoints, the account from {@code env}, and the defaults: 2 min of silence, 2 s of staleness, the
         * time limit sent as {@code timeout}.
         */
        public static Remote of(URI query, URI update, URI graphStore, Map<String, String> env) {
            return new Remote(query, update, graphStore, env.get("TISSU_STORE_USER"), env.get("TISSU_STORE_PASSWORD"),
                    Duration.ofMinutes(2), Duration.ofSeconds(2), "timeout");
        }

        /** The same engine, read again after {@code poll}. */
        public Remote withPoll(Duration poll) {
            return new Remote(query, update, graphStore, user, password, readTimeout, poll, timeoutParameter);
        }

        @Override
        public String toString() { // never the password, in logs or errors
            return "Remote[query=" + query + ", update=" + update + ", graphStore=" + graphStore + ", user=" + user
                    + "]";
        }
    }
}
