/**
 * HTTP mechanics every protocol shares, each in one place: content negotiation ({@link Negotiation}),
 * HEAD for every GET route, CORS for every response, and errors as problem details or an HTML page.
 */
package fr.tissu.api.http;
