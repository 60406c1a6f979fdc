/**
 * Linked Data: every URI {@code {base}/id/{type}/{key}} answers with Turtle, JSON-LD, N-Triples, RDF/XML or an
 * accessible HTML page by content negotiation; {@code /vocabulary} serves the ontology and concept schemes.
 */
package fr.tissu.api.linkeddata;
