package fr.tissu.api.sparql;

import java.time.Duration;
import java.util.Optional;

import fr.tissu.api.core.Instance;
import fr.tissu.api.core.SparqlConfig;
import fr.tissu.api.http.Problem;
import fr.tissu.api.linkeddata.RdfMedia;
import fr.tissu.api.linkeddata.RdfWriting;
import fr.tissu.store.read.PerVersion;
import fr.tissu.vocabulary.Sparql;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;

/**
 * What the endpoint says about itself: the SPARQL 1.1 Service Description (at {@code /sparql} without a query)
 * and a VoID description with statistics (at {@code /.well-known/void}), computed once per data version.
 */
final class ServiceDescription {
    private final Instance tissu;
    private final SparqlConfig config;
    private final PerVersion<Graph> voidGraph;

    ServiceDescription(Instance tissu, SparqlConfig config) {
        this.tissu = tissu;
        this.config = config;
        this.voidGraph = new PerVersion<>(tissu.store(), version -> computeVoid());
    }

    void serviceDescription(ServerRequest req, ServerResponse res) {
        send(req, res, RDFParser.fromString(serviceDescription(), Lang.TURTLE).toGraph());
    }

    void voidDescription(ServerRequest req, ServerResponse res) {
        send(req, res, voidGraph.get());
    }

    private void send(ServerRequest req, ServerResponse res, Graph graph) {
        res.header(HeaderNames.VARY, "Accept");
        Optional<RdfMedia> media = SparqlService.rdfMedia(req);
        if (media.isEmpty()) {
            throw new Problem(Status.NOT_ACCEPTABLE_406, "available as " + String.join(", ",
                    RdfMedia.offered().subList(0, 4)));
        }
        RdfWriting.write(res, graph, media.get());
    }

    String serviceDescription() {
        String endpoint = tissu.config().publicUrl() + "/sparql";
        StringBuilder graphs = new StringBuilder();
        for (Node graph : tissu.store().graphs()) {
            graphs.append("        sd:namedGraph [ a sd:NamedGraph ; sd:name ").append(Sparql.iri(graph))
                    .append(" ] ;\n");
        }
        return """
                @prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
                @prefix formats: <http://www.w3.org/ns/formats/> .
                @prefix dct: <http://purl.org/dc/terms/> .
                @prefix void: <http://rdfs.org/ns/void#> .
                <%1$s> a sd:Service ;
                    sd:endpoint <%1$s> ;
                    sd:supportedLanguage sd:SPARQL11Query ;
                    sd:feature sd:UnionDefaultGraph , sd:DereferencesURIs ;
                    sd:resultFormat formats:SPARQL_Results_JSON , formats:SPARQL_Results_XML ,\s\
                formats:SPARQL_Results_CSV ,
                        formats:SPARQL_Results_TSV , formats:Turtle , formats:N-Triples , formats:JSON-LD ,\s\
                formats:RDF_XML ;
                    dct:description "Point d'accès SPARQL 1.1 en lecture seule : pas de SPARQL Update, pas de SERVICE\s\
                (fédération), pas d'accès aux fichiers. Chaque requête est arrêtée après %2$d s et donne au plus %3$d\s\
                lignes ; %4$d requêtes au plus en même temps."@fr ,
                        "Read-only SPARQL 1.1 endpoint: no SPARQL Update, no SERVICE (federation), no file access.\s\
                Each query is stopped after %2$d s and returns at most %3$d rows; at most %4$d queries at once."@en ;
                    sd:defaultDataset [ a sd:Dataset ;
                        sd:defaultGraph [ a sd:Graph ; dct:description "the union of every named graph"@en ] ;
                %5$s    ] ;
                    void:rootResource <%6$s/.well-known/void> .
                """.formatted(endpoint, config.timeout().toSeconds(), config.maxRows(), config.maxConcurrent(),
                graphs, tissu.config().publicUrl());
    }

    private Graph computeVoid() {
        String base = tissu.config().publicUrl();
        String names = tissu.config().baseUri();
        StringBuilder ttl = new StringBuilder("""
                @prefix void: <http://rdfs.org/ns/void#> .
                @prefix dct: <http://purl.org/dc/terms/> .
                @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
                """);
        String dataset = "<" + base + "/.well-known/void>";
        Duration timeout = Duration.ofMinutes(5);
        long[] triples = {0};
        tissu.store().select("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", timeout,
                r -> triples[0] = r.getLiteral("n").getLong());
        ttl.append(dataset).append(" a void:Dataset ;\n    dct:title \"")
                .append(tissu.config().title().replace("\"", "'"))
                .append("\" ;\n    dct:license <").append(tissu.config().dataLicense()).append("> ;\n")
                .append("    void:sparqlEndpoint <").append(base).append("/sparql> ;\n")
                .append("    void:uriSpace \"").append(names).append("/id/\" ;\n")
                .append("    void:exampleResource <").append(names).append("/id/commune/35238> ;\n")
                .append("    void:triples ").append(triples[0]).append(" .\n");
        int[] i = {0};
        tissu.store().select("SELECT ?class (COUNT(DISTINCT ?s) AS ?n) { ?s a ?class } GROUP BY ?class ORDER BY ?class",
                timeout, r -> ttl.append(dataset).append(" void:classPartition [ void:class ")
                        .append(Sparql.iri(r.getResource("class").getURI())).append(" ; void:entities ")
                        .append(r.getLiteral("n").getLong()).append(" ] .\n"));
        tissu.store().select("SELECT ?p (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY ?p ORDER BY ?p",
                timeout, r -> {
                    i[0]++;
                    ttl.append(dataset).append(" void:propertyPartition [ void:property ")
                            .append(Sparql.iri(r.getResource("p").getURI())).append(" ; void:triples ")
                            .append(r.getLiteral("n").getLong()).append(" ] .\n");
                });
        ttl.append(dataset).append(" void:properties ").append(i[0]).append(" .\n");
        return RDFParser.fromString(ttl.toString(), Lang.TURTLE).toGraph();
    }
}
