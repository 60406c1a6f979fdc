/**
 * The DCAT-AP 3 catalogue: {@link fr.tissu.api.catalog.Catalog} describes the datasets, their distributions
 * (the endpoints and the dumps that exist) and their licence; {@link fr.tissu.api.catalog.CatalogService} serves it
 * in every RDF syntax and as a page.
 */
package fr.tissu.api.catalog;
