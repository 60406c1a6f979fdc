/**
 * GraphQL over the same data and filters as the REST API: schema in {@code schema.graphqls}, data fetchers over
 * the activity projection, the search index and batched SPARQL (one query per batch, never one per object).
 */
package fr.tissu.api.graphql;
