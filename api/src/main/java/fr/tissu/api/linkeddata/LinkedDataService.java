package fr.tissu.api.linkeddata;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.tissu.api.core.Instance;
import fr.tissu.api.domain.IndicatorComparison;
import fr.tissu.api.finder.CommuneActivities;
import fr.tissu.api.html.ActivitySummary;
import fr.tissu.api.html.AssociationSummary;
import fr.tissu.api.html.Html;
import fr.tissu.api.html.IndicatorSection;
import fr.tissu.api.html.SchemaOrg;
import fr.tissu.api.html.SupportPointSummary;
import fr.tissu.api.html.ThingPage;
import fr.tissu.api.http.Problem;
import fr.tissu.store.read.Activity;
import fr.tissu.store.read.Association;
import fr.tissu.store.read.Describer;
import fr.tissu.store.read.ReferenceData;
import fr.tissu.store.read.SupportPoint;
import fr.tissu.vocabulary.Ids;
import fr.tissu.vocabulary.Tissu;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;

/**
 * Linked Data: {@code GET /id/{type}/{key}} by content negotiation (Turtle, JSON-LD, N-Triples, RDF/XML, HTML),
 * with {@code Vary: Accept}, 404 for an unknown thing and 406 when nothing acceptable can be produced.
 * {@code GET /} is the home page.
 *
 * <p>Example: {@code curl -H 'Accept: text/turtle' http://localhost:8080/id/commune/35238}
 */
public final class LinkedDataService implements HttpService {
    private final Instance tissu;
    private final Describer describer;
    private final IndicatorComparison comparison;

    /** The Linked Data of {@code tissu}; commune pages show the charter indicators compared by {@code comparison}. */
    public LinkedDataService(Instance tissu, IndicatorComparison comparison) {
        this.comparison = comparison;
        this.tissu = tissu;
        this.describer = new Describer(tissu.store(), tissu.config().queryTimeout());
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::home)
                .get("/id/{type}/{+key}", this::describe);
    }

    private void describe(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.VARY, "Accept");
        String type = req.path().pathParameters().get("type");
        String key = req.path().pathParameters().get("key");
        Optional<Node> thing = resolve(type, key);
        if (thing.isEmpty()) {
            throw new Problem(Status.NOT_FOUND_404, "no such type of thing: '" + type + "' (known: "
                    + String.join(", ", Ids.TYPES) + ", indicator, theme)");
        }
        Optional<RdfMedia> media = RdfMedia.choose(req);
        if (media.isEmpty()) {
            throw new Problem(Status.NOT_ACCEPTABLE_406, "this resource is available as "
                    + String.join(", ", RdfMedia.offered()), Map.of("available", RdfMedia.offered()));
        }
        Graph graph = describer.describe(thing.get());
        if (graph.isEmpty()) {
            throw new Problem(Status.NOT_FOUND_404, "nothing is known about " + thing.get().getURI());
        }
        String path = req.path().rawPath();
        res.header("Link", alternates(path).stream()
                .map(a -> "<" + a.href() + ">; rel=\"alternate\"; type=\"" + a.type() + "\"").toList()
                .toArray(String[]::new));
        if (media.get() == RdfMedia.HTML) {
            String lang = ThingPage.language(req);
            String extra = "";
            if (type.equals("commune")
                    && ReferenceData.get().commune(key).isPresent()) {
                extra = CommuneActivities.render(tissu, key, lang) + IndicatorSection.render(comparison, key,
                        req.query().first("indicator").orElse(null), req.query().first("group").orElse(null), lang,
                        path);
            }
            if (type.equals("epci") && ReferenceData.get().epci(key).isPresent()) {
                extra = CommuneActivities.renderEpci(tissu, key, lang);
            }
            String lead = "";
            if (type.equals("activity")) {
                Activity activity = tissu.model().activities().byKey().get(key);
                if (activity != null) {
                    lead = ActivitySummary.render(activity, lang, LocalDate.now()) + SchemaOrg.activity(activity);
                }
            } else if (type.equals("support-point")) {
                SupportPoint point = tissu.model().supportPoints().byKey().get(key);
                if (point != null) {
                    lead = SupportPointSummary.render(point, lang);
                }
            } else if (type.equals("association")) {
                Association association = tissu.model().associations(List.of(thing.get().getURI()))
                        .get(thing.get().getURI());
                if (association != null) {
                    lead = AssociationSummary.render(association, tissu.model().activities().byOrganizer()
                            .getOrDefault(association.iri(), List.of()), lang, LocalDate.now())
                            + SchemaOrg.association(association);
                }
            }
            String html = new ThingPage(tissu, describer, lang).render(thing.get(), graph, path, alternates(path),
                    lead, extra);
            res.header(HeaderNames.CONTENT_TYPE, RdfMedia.HTML.contentType())
                    .send(html.getBytes(StandardCharsets.UTF_8));
            return;
        }
        RdfWriting.write(res, graph, media.get());
    }

    static List<Html.Alternate> alternates(String path) {
        List<Html.Alternate> list = new ArrayList<>();
        list.add(new Html.Alternate(path + "?format=ttl", "text/turtle", "Turtle"));
        list.add(new Html.Alternate(path + "?format=jsonld", "application/ld+json", "JSON-LD"));
        list.add(new Html.Alternate(path + "?format=nt", "application/n-triples", "N-Triples"));
        list.add(new Html.Alternate(path + "?format=rdf", "application/rdf+xml", "RDF/XML"));
        return list;
    }

    private Optional<Node> resolve(String type, String key) {
        if (key == null || key.isEmpty()) {
            return Optional.empty();
        }
        return switch (type) {
            case "indicator" -> Optional.of(Tissu.indicatorConcept(key));
            case "theme", "audience" -> Optional.of(Tissu.concept(type, key));
            default -> Ids.TYPES.contains(type) ? Optional.of(tissu.ids().thing(type, key)) : Optional.empty();
        };
    }

    private void home(ServerRequest req, ServerResponse res) {
        String lang = ThingPage.language(req);
        res.header(HeaderNames.CONTENT_TYPE, RdfMedia.HTML.contentType())
                .send(ThingPage.home(tissu, describer, lang).getBytes(StandardCharsets.UTF_8));
    }
}
