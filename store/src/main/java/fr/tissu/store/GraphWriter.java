package fr.tissu.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;

/** The new content of one named graph, written in one transaction: {@link #commit()} or nothing. */
public interface GraphWriter extends AutoCloseable {

    /** Adds a triple to the new content of the graph. */
    void add(Triple triple);

    /**
     * The new content as added so far, readable before the commit (to validate it in place). Use it only from the
     * thread that writes.
     */
    Graph content();

    /** Number of triples added so far. */
    long count();

    /** Makes the new content visible, atomically. */
    void commit();

    /** Abandons the replacement if it was not committed: the store stays as it was. */
    @Override
    void close();
}
