/**
 * SPARQL 1.1 Protocol, query operation only: {@code /sparql} (GET, form POST, direct POST), every standard result
 * format, row cap, timeout, concurrency cap, no federation and no custom code; the service description, the VoID
 * description at {@code /.well-known/void}, and the query page with the example gallery.
 */
package fr.tissu.api.sparql;
