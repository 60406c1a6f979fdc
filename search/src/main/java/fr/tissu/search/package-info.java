/**
 * The full-text index: associations, activities, places and digital-support points as Lucene documents with French
 * analysis, facets and geo points; derived from the store, recording the store's data version it reflects.
 */
package fr.tissu.search;
