/**
 * The read model: what the service reads from the store, as records. One record and one SPARQL projection per kind
 * of thing (association, activity, place, digital-support point, indicator observation), the reference data of the
 * administrative division, and the in-memory projections derived from them, kept per data version. REST, GraphQL,
 * pages, exports, search documents, dumps and computed indicators all read through it.
 */
package fr.tissu.store.read;
