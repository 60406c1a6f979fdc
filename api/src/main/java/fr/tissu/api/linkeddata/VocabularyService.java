package fr.tissu.api.linkeddata;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import fr.tissu.api.core.Instance;
import fr.tissu.api.html.Html;
import fr.tissu.api.html.Labels;
import fr.tissu.api.html.ThingPage;
import fr.tissu.api.http.Problem;
import fr.tissu.vocabulary.Tissu;
import fr.tissu.vocabulary.Vocab;
import fr.tissu.vocabulary.Vocabulary;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The vocabulary: {@code GET /vocabulary} as HTML documentation or, by negotiation, as RDF (ontology and concept
 * schemes); {@code GET /vocabulary/context.jsonld} is the JSON-LD context; {@code GET /vocabulary/shapes.ttl} the
 * SHACL shapes.
 *
 * <p>Example: {@code curl -H 'Accept: text/turtle' http://localhost:8080/vocabulary}
 */
public final class VocabularyService implements HttpService {
    private final Instance tissu;

    /** The vocabulary service. */
    public VocabularyService(Instance tissu) {
        this.tissu = tissu;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/vocabulary", this::vocabulary)
                .get("/vocabulary/context.jsonld", (req, res) -> res.header(HeaderNames.CONTENT_TYPE,
                "application/ld+json")
                        .send(Vocabulary.text(Vocabulary.CONTEXT)))
                .get("/vocabulary/shapes.ttl", (req, res) -> res.header(HeaderNames.CONTENT_TYPE,
                        "text/turtle; charset=UTF-8").send(Vocabulary.text(Vocabulary.SHAPES)));
    }

    private void vocabulary(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.VARY, "Accept");
        Optional<RdfMedia> media = RdfMedia.choose(req);
        if (media.isEmpty()) {
            throw new Problem(Status.NOT_ACCEPTABLE_406, "the vocabulary is available as "
                    + String.join(", ", RdfMedia.offered()));
        }
        Graph all = GraphFactory.createDefaultGraph();
        Vocabulary.get().ontology().find().forEach(all::add);
        Vocabulary.get().schemes().find().forEach(all::add);
        if (media.get() != RdfMedia.HTML) {
            RdfWriting.write(res, all, media.get());
            return;
        }
        String lang = ThingPage.language(req);
        res.header(HeaderNames.CONTENT_TYPE, RdfMedia.HTML.contentType())
                .send(html(lang).getBytes(StandardCharsets.UTF_8));
    }

    private String html(String lang) {
        boolean en = "en".equals(lang);
        Graph ontology = Vocabulary.get().ontology();
        StringBuilder body = new StringBuilder();
        body.append("<h1>").append(en ? "The Tissu vocabulary" : "Le vocabulaire Tissu").append("</h1>\n<p>")
                .append(en ? "Tissu reuses schema.org, W3C and EU vocabularies, and mints the terms below only where "
                + "none"
                        + " fits. Namespace: "
                        : "Tissu réutilise schema.org et les vocabulaires du W3C et de l'UE, et ne"
                        + " crée les termes ci-dessous que lorsqu'aucun ne convient. Espace de noms : ")
                .append("<code>").append(Tissu.NS).append("</code></p>\n");
        body.append("<h2>").append(en ? "Classes and properties" : "Classes et propriétés").append("</h2>\n<dl>\n");
        List<Node> terms = ontology.find(Node.ANY, Vocab.Core.type, Node.ANY).mapWith(Triple::getSubject)
                .filterKeep(s -> s.isURI() && s.getURI().startsWith(Tissu.NS)).toSet().stream()
                .sorted((a, b) -> a.getURI().compareTo(b.getURI())).toList();
        for (Node term : terms) {
            String comment = ontology.find(term, Vocab.Core.comment, Node.ANY).mapWith(Triple::getObject)
                    .filterKeep(o -> lang.equals(o.getLiteralLanguage())).nextOptional()
                    .map(Node::getLiteralLexicalForm).orElse("");
            body.append("<dt id=\"").append(Html.esc(term.getLocalName())).append("\"><code>tissu:")
                    .append(Html.esc(term.getLocalName())).append("</code> — ").append(Html.esc(Labels.of(term, lang)))
                    .append("</dt><dd>").append(Html.esc(comment)).append("</dd>\n");
        }
        body.append("</dl>\n<h2>").append(en ? "Concept schemes" : "Schémas de concepts").append("</h2>\n<ul>\n")
                .append("<li><a href=\"/id/indicator/1.1").append(en ? "?lang=en" : "").append("\">")
                .append(en ? "The commune charter: 7 axes, 21 commitments, 21 indicators"
                        : "La charte communale : 7 axes, 21 engagements, 21 indicateurs").append("</a></li>\n")
                .append("<li><a href=\"/id/theme/sport").append(en ? "?lang=en" : "").append("\">")
                .append(en ? "Themes" : "Thèmes").append("</a></li>\n")
                .append("<li><a href=\"/vocabulary/shapes.ttl\">").append(en ? "SHACL shapes" : "Formes SHACL")
                .append("</a>, <a href=\"/vocabulary/context.jsonld\">")
                .append(en ? "JSON-LD context" : "contexte JSON-LD")
                .append("</a></li>\n</ul>\n");
        return Html.page(lang, en ? "Vocabulary" : "Vocabulaire", body.toString(),
                "/vocabulary?lang=" + (en ? "fr" : "en"), LinkedDataService.alternates("/vocabulary"),
                tissu.config().dataLicense());
    }
}
