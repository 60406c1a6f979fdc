/**
 * The filter model shared by every protocol that lists things (REST now; search and GraphQL later): parameters
 * are parsed and checked once into filter records, which test the rows of in-memory projections of the store.
 */
package fr.tissu.api.filter;
