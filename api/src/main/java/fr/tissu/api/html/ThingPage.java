package fr.tissu.api.html;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import fr.tissu.api.core.Instance;
import fr.tissu.store.read.Describer;
import fr.tissu.vocabulary.Tissu;
import fr.tissu.vocabulary.Vocab;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * The HTML page of one thing: its name, its kind, its properties (parts such as the address or the schedule shown
 * inline), and the first things that link to it. French by default, English with {@code ?lang=en} or an
 * English {@code Accept-Language}.
 */
public final class ThingPage {
    private static final int INCOMING = 50;
    private static final List<String> ORDER = List.of("https://schema.org/name", "http://www.w3.org/ns/regorg#legalName",
            "http://purl.org/dc/terms/description", "https://schema.org/description", "http://purl.org/dc/terms/subject",
            "https://schema.org/organizer", "https://schema.org/eventSchedule", "https://schema.org/byDay",
            "https://schema.org/startTime", "https://schema.org/endTime", "https://schema.org/startDate",
            "https://schema.org/endDate", "https://schema.org/repeatFrequency", "https://schema.org/location",
            "https://schema.org/suggestedMinAge", "https://schema.org/suggestedMaxAge", "https://schema.org/price");

    private final Instance tissu;
    private final Describer describer;
    private final String lang;
    private final boolean en;

    /** A page renderer in {@code lang}. */
    public ThingPage(Instance tissu, Describer describer, String lang) {
        this.tissu = tissu;
        this.describer = describer;
        this.lang = lang;
        this.en = "en".equals(lang);
    }

    /** {@code en} when asked by {@code ?lang=en} or by an English {@code Accept-Language}; {@code fr} otherwise. */
    public static String language(ServerRequest req) {
        String param = req.query().first("lang").orElse("");
        if (!param.isEmpty()) {
            return param.startsWith("en") ? "en" : "fr";
        }
        String accept = req.headers().first(HeaderNames.ACCEPT_LANGUAGE).orElse("fr").toLowerCase(Locale.ROOT).trim();
        return accept.startsWith("en") ? "en" : "fr";
    }

    /**
     * The page of {@code thing}, described by {@code graph}, with {@code extra} (escaped HTML) after its description.
     */
    public String render(Node thing, Graph graph, String path, List<Html.Alternate> alternates, String extra) {
        return render(thing, graph, path, alternates, "", extra);
    }

    /**
     * The page of {@code thing} with {@code lead} (escaped HTML: what a resident needs first) before its Linked Data
     * description and {@code extra} after it.
     */
    public String render(Node thing, Graph graph, String path, List<Html.Alternate> alternates, String lead,
                         String extra) {
        Set<Node> objects = new HashSet<>();
        graph.find().forEachRemaining(t -> objects.add(t.getObject()));
        graph.find().forEachRemaining(t -> objects.add(t.getPredicate()));
        List<Describer.Incoming> incoming = describer.incoming(thing, INCOMING + 1);
        Map<Node, String> labels = describer.labels(objects, lang);
        String title = label(thing, graph, labels);

        StringBuilder body = new StringBuilder();
        body.append("<h1>").append(Html.esc(title)).append("</h1>\n");
        List<String> kinds = graph.find(thing, Vocab.Core.type, Node.ANY).mapWith(Triple::getObject)
                .mapWith(k -> Labels.of(k, lang)).toList().stream().distinct().toList();
        body.append("<p class=\"kind\">").append(Html.esc(String.join(" · ", kinds))).append(" — <code>")
                .append(Html.esc(thing.getURI())).append("</code></p>\n");
        body.append(lead).append("<section aria-labelledby=\"props\"><h2 id=\"props\">")
                .append(lead.isEmpty() ? "Description" : en ? "All the data (Linked Data)"
                        : "Toutes les données (Linked Data)").append("</h2>\n");
        properties(body, thing, graph, labels, 0);
        body.append("</section>\n").append(extra);
        if (!incoming.isEmpty()) {
            body.append("<section aria-labelledby=\"links\"><h2 id=\"links\">")
                    .append(en ? "Linked from" : "Liés à cette page")
                    .append("</h2>\n<ul>\n");
            incoming.stream().limit(INCOMING).sorted(Comparator.comparing(i -> i.label() == null ? "" : i.label()))
                    .forEach(i -> body.append("<li>").append(link(i.subject(), name(i.subject(), i.label())))
                            .append(" <span class=\"kind\">(")
                            .append(Html.esc(Labels.of(i.property(), lang))).append(")</span></li>\n"));
            body.append("</ul>\n");
            if (incoming.size() > INCOMING) {
                body.append("<p>").append(en ? "Only the first " + INCOMING + " are listed; query the SPARQL endpoint "
                        + "or the API for all of them." : "Seuls les " + INCOMING + " premiers sont listés ; le point "
                        + "d'accès SPARQL ou l'API donnent tout.").append("</p>\n");
            }
            body.append("</section>\n");
        }
        String other = path + "?lang=" + (en ? "fr" : "en");
        return Html.page(lang, title, body.toString(), other, alternates, tissu.config().dataLicense());
    }

    private void properties(StringBuilder body, Node subject, Graph graph, Map<Node, String> labels, int depth) {
        Map<Node, List<Node>> byProperty = new LinkedHashMap<>();
        List<Triple> triples = new ArrayList<>(graph.find(subject, Node.ANY, Node.ANY).toList());
        triples.sort(Comparator.comparingInt((Triple t) -> {
            int i = ORDER.indexOf(t.getPredicate().getURI());
            return i < 0 ? ORDER.size() : i;
        }).thenComparing(t -> t.getPredicate().getURI()));
        for (Triple t : triples) {
            if (t.getPredicate().equals(Vocab.Core.type)) {
                continue;
            }
            byProperty.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(t.getObject());
        }
        body.append("<dl>\n");
        for (Map.Entry<Node, List<Node>> e : byProperty.entrySet()) {
            List<Node> values = preferLanguage(e.getValue());
            body.append("<dt>").append(Html.esc(Labels.of(e.getKey(), lang))).append("</dt><dd>");
            if (values.size() > 1) {
                body.append("<ul>");
            }
            for (Node value : values) {
                body.append(values.size() > 1 ? "<li>" : "");
                boolean part = value.isURI() && value.getURI().startsWith(subject.getURI() + "#") && depth < 2;
                if (part && graph.contains(value, Node.ANY, Node.ANY)) {
                    properties(body, value, graph, labels, depth + 1);
                } else {
                    body.append(value(value, labels));
                }
                body.append(values.size() > 1 ? "</li>" : "");
            }
            if (values.size() > 1) {
                body.append("</ul>");
            }
            body.append("</dd>\n");
        }
        body.append("</dl>\n");
    }

    /** Of several language-tagged literals, the ones in the page's language. */
    private List<Node> preferLanguage(List<Node> values) {
        List<Node> inLang = values.stream().filter(v -> v.isLiteral() && lang.equals(v.getLiteralLanguage())).toList();
        if (inLang.isEmpty()) {
            return values;
        }
        return values.stream().filter(v -> !v.isLiteral() || v.getLiteralLanguage().isEmpty()
                || lang.equals(v.getLiteralLanguage())).toList();
    }

    private String value(Node value, Map<Node, String> labels) {
        if (value.isURI()) {
            String label = labels.get(value);
            if (label == null && value.getURI().startsWith("https://schema.org/")) {
                label = day(value.getLocalName());
            }
            return link(value, label != null ? label : value.getURI());
        }
        if (value.isLiteral()) {
            String lex = value.getLiteralLexicalForm();
            String dt = value.getLiteralDatatypeURI();
            if (dt != null && dt.endsWith("#boolean")) {
                return "true".equals(lex) ? (en ? "yes" : "oui") : (en ? "no" : "non");
            }
            if (dt != null && dt.endsWith("#time") && lex.length() >= 5) {
                return Html.esc(lex.substring(0, 5));
            }
            if (dt != null && dt.endsWith("#decimal") && lex.endsWith(".0")) {
                return Html.esc(lex.substring(0, lex.length() - 2));
            }
            if ("P1W".equals(lex)) {
                return en ? "every week" : "chaque semaine";
            }
            String langTag = value.getLiteralLanguage();
            if (!langTag.isEmpty() && !langTag.equals(lang)) {
                return "<span lang=\"" + Html.esc(langTag) + "\">" + Html.esc(lex) + "</span>";
            }
            return Html.esc(lex);
        }
        return Html.esc(value.toString());
    }

    private String day(String name) {
        if (en) {
            return name;
        }
        return switch (name) {
            case "Monday" -> "lundi";
            case "Tuesday" -> "mardi";
            case "Wednesday" -> "mercredi";
            case "Thursday" -> "jeudi";
            case "Friday" -> "vendredi";
            case "Saturday" -> "samedi";
            case "Sunday" -> "dimanche";
            default -> name;
        };
    }

    /**
     * The text of a link to {@code thing}: its label, else its IRI's local name, else (an IRI ending in a number, such
     * as an indicator value's) its path in this site without {@code /id/}: never an empty link.
     */
    private String name(Node thing, String label) {
        if (label != null && !label.isBlank()) {
            return label;
        }
        if (!thing.getLocalName().isBlank()) {
            return thing.getLocalName();
        }
        String href = href(thing.getURI());
        return href.startsWith("/id/") ? href.substring(4).replace('/', ' ') : href;
    }

    /** A link; URIs of this instance and of the shared schemes become links into this site. */
    private String link(Node target, String text) {
        String href = href(target.getURI());
        String suffix = en && href.startsWith("/") ? (href.contains("?") ? "&lang=en" : "?lang=en") : "";
        return "<a href=\"" + Html.esc(href + suffix) + "\">" + Html.esc(text) + "</a>";
    }

    private String href(String uri) {
        String base = tissu.config().baseUri();
        if (uri.startsWith(base + "/")) {
            return uri.substring(base.length());
        }
        String shared = Tissu.BASE;
        if (uri.startsWith(shared + "charter/indicator/")) {
            return "/id/indicator/" + uri.substring((shared + "charter/indicator/").length());
        }
        if (uri.startsWith(shared + "theme/") || uri.startsWith(shared + "audience/")) {
            return "/id/" + uri.substring(shared.length());
        }
        return uri;
    }

    private String label(Node thing, Graph graph, Map<Node, String> labels) {
        for (Node p : List.of(Vocab.Schema.name, Vocab.Skos.prefLabel, Vocab.Core.label, Vocab.DCT.title)) {
            List<Node> names = preferLanguage(graph.find(thing, p, Node.ANY).mapWith(Triple::getObject).toList());
            if (!names.isEmpty()) {
                return names.get(0).getLiteralLexicalForm();
            }
        }
        return labels.getOrDefault(thing, thing.getLocalName().isEmpty() ? thing.getURI() : thing.getLocalName());
    }

    /** The home page. */
    public static String home(Instance tissu, Describer describer, String lang) {
        boolean en = "en".equals(lang);
        String q = en ? "?lang=en" : "";
        String body = "<h1>" + (en ? "The associations of the territory, as open data"
                : "Le tissu associatif du territoire en données ouvertes") + "</h1>\n<p>"
                + (en ? "Associations, their activities and places, digital-support points and the commune charter's "
                + "indicators, published as linked open data."
                : "Les associations, leurs activités et leurs lieux, les points d'appui numériques et les indicateurs "
                + "de la "
                + "charte communale, publiés en données liées ouvertes.") + "</p>\n"
                + "<form method=\"get\" action=\"/trouver\" role=\"search\" class=\"pick\">"
                + (en ? "<input type=\"hidden\" name=\"lang\" value=\"en\">" : "")
                + "<label for=\"home-q\">" + (en ? "Find an activity" : "Trouver une activité") + "</label>"
                + "<input id=\"home-q\" name=\"q\" type=\"search\" placeholder=\""
                + (en ? "e.g. judo, choir" : "ex. : judo, chorale") + "\">"
                + "<label for=\"home-where\">" + (en ? "where" : "où") + "</label>"
                + "<input id=\"home-where\" name=\"where\" type=\"text\" placeholder=\""
                + (en ? "commune or postcode" : "commune ou code postal") + "\">"
                + "<button type=\"submit\">" + (en ? "Search" : "Rechercher") + "</button></form>\n<h2>"
                + (en ? "Start here" : "Pour commencer") + "</h2>\n<ul>\n"
                + "<li><a href=\"/id/commune/35238" + q + "\">Rennes</a> (" + (en ? "commune" : "commune") + ")</li>\n"
                + "<li><a href=\"/id/epci/243500139" + q + "\">Rennes Métropole</a> (EPCI)</li>\n"
                + "<li><a href=\"/id/indicator/1.1" + q + "\">" + (en ? "Indicator 1.1" : "Indicateur 1.1")
                + "</a></li>\n"
                + "<li><a href=\"/vocabulary" + q + "\">" + (en ? "The vocabulary" : "Le vocabulaire") + "</a></li>\n"
                + "<li><a href=\"/sparql" + q + "\">" + (en ? "Query the data in SPARQL, with examples"
                : "Interroger les données en SPARQL, avec des exemples") + "</a></li>\n"
                + "<li><a href=\"/health\">" + (en ? "Service health" : "État du service") + "</a></li>\n</ul>\n";
        return Html.page(lang, "Tissu", body, en ? "/?lang=fr" : "/?lang=en", List.of(), tissu.config().dataLicense());
    }
}
