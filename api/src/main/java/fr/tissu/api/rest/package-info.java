/**
 * The REST API under {@code /api/v1}: lists with the shared filters, cursor paging and sorting, and items, as
 * JSON, with caching headers from the store's data version and CORS open for GET.
 */
package fr.tissu.api.rest;
