/**
 * HTTP mechanics every protocol shares, each in one place: content negotiation ({@link fr.tissu.api.http.Negotiation}),
 * HEAD for every GET route, CORS for every response, and errors as problem details or an HTML page.
 */
package fr.tissu.api.http;
