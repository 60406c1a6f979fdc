/**
 * The store: one interface every reader and writer goes through, with the embedded Jena TDB2 implementation as
 * the default. Reads are SPARQL only, so a remote implementation (RDF4J client) can follow without changing callers.
 * Each source is one named graph; queries see the union of all named graphs as their default graph.
 */
package fr.tissu.store;
