/**
 * What the protocols ask of the data, independent of how they are asked: filters parsed and checked once into
 * records that test the rows of the read model ({@link fr.tissu.api.domain.ActivityFilter},
 * {@link fr.tissu.api.domain.AssociationFilter}, {@link fr.tissu.api.domain.ActivityListing}), the charter
 * ({@link fr.tissu.api.domain.Charter}) and the indicator comparison. REST, GraphQL and the pages call these; they
 * never depend on a protocol package.
 */
package fr.tissu.api.domain;
