package fr.tissu.api.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import fr.tissu.api.core.Instance;
import fr.tissu.api.html.Html;
import fr.tissu.api.http.Problem;
import fr.tissu.api.linkeddata.RdfMedia;
import fr.tissu.api.linkeddata.RdfWriting;
import fr.tissu.loader.Dumps;
import fr.tissu.store.read.ReferenceData;
import fr.tissu.vocabulary.Prefixes;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The DCAT-AP catalogue for national and European portals: {@code /catalog} by content negotiation (Turtle,
 * JSON-LD, RDF/XML, N-Triples, HTML) or extension ({@code /catalog.ttl}, {@code .jsonld}, {@code .rdf}, {@code .nt}),
 * paged with Hydra ({@code ?page=}); {@code /catalog/validation}, the catalogue's own report against the official
 * DCAT-AP 3.0.1 shapes; {@code /catalog/{name}}, each dataset's landing page; {@code /dataset/{name}}, its
 * description.
 */
public final class CatalogService implements HttpService {
    private static final Map<String, RdfMedia> EXTENSIONS = Map.of("ttl", RdfMedia.TURTLE, "jsonld", RdfMedia.JSONLD,
            "rdf", RdfMedia.RDFXML, "nt", RdfMedia.NTRIPLES);
    private static volatile Shapes shapes;

    private final Instance tissu;
    private final Path downloads;

    /** The catalogue of {@code tissu}. */
    public CatalogService(Instance tissu) {
        this.tissu = tissu;
        this.downloads = tissu.config().dataDir().resolve("downloads");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/catalog", (req, res) -> catalog(req, res, null));
        EXTENSIONS.forEach((ext, media) -> rules.get("/catalog." + ext, (req, res) -> catalog(req, res, media)));
        rules.get("/catalog/validation", this::validation)
                .get("/catalog/{name}", this::landingPage)
                .get("/dataset/{name}", this::dataset);
    }

    /** What the catalogue of one state of the data is, and its validation report (computed when first asked). */
    private record Built(String state, Model model, ValidationReport[] report) {
    }

    private volatile Built first;

    /**
     * The catalogue model of the current dumps, page {@code page}. The first page (the whole catalogue on most
     * instances) is kept until the store or the dumps' manifest change.
     */
    public Model model(int page) {
        return page == 1 ? current().model() : build(page);
    }

    private Model build(int page) {
        return Catalog.build(tissu, Dumps.available(downloads), Dumps.temporal(downloads), page);
    }

    private Built current() {
        Path manifest = downloads.resolve(Dumps.MANIFEST);
        String state = tissu.store().version() + "/" + manifest.toFile().lastModified();
        Built built = first;
        if (built == null || !built.state().equals(state)) {
            Model model = build(1);
            // writers set these prefixes on every response: set them now, so that the shared model only ever
            // sees the same values written again (no structural change while another request reads it)
            model.getGraph().getPrefixMapping().setNsPrefixes(Prefixes.MAP);
            built = new Built(state, model, new ValidationReport[1]);
            first = built;
        }
        return built;
    }

    /** The current catalogue's report against the DCAT-AP shapes, validated once per state of the data. */
    private ValidationReport report() {
        Built built = current();
        synchronized (built) {
            if (built.report()[0] == null) {
                built.report()[0] = validate(built.model());
            }
            return built.report()[0];
        }
    }

    /** The DCAT-AP 3.0.1 shapes (core constraints and class ranges) shipped with Tissu. */
    public static Shapes shapes() {
        if (shapes == null) {
            Graph g = GraphFactory.createDefaultGraph();
            for (String file : List.of("shapes.ttl", "range.ttl")) {
                try (InputStream in = CatalogService.class.getResourceAsStream("dcat-ap-3.0.1/" + file)) {
                    RDFParser.source(in).lang(Lang.TURTLE).parse(g);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            shapes = Shapes.parse(g);
        }
        return shapes;
    }

    /** The validation report of a catalogue graph against the DCAT-AP shapes. */
    public static ValidationReport validate(Model catalog) {
        return ShaclValidator.get().validate(shapes(), catalog.getGraph());
    }

    private void catalog(ServerRequest req, ServerResponse res, RdfMedia forced) {
        int page = page(req);
        if (page < 1) {
            throw new Problem(Status.BAD_REQUEST_400, "page: a number from 1");
        }
        RdfMedia media = forced != null ? forced : RdfMedia.choose(req).orElse(null);
        if (media == null) {
            throw new Problem(Status.NOT_ACCEPTABLE_406, "the catalogue is available as " + RdfMedia.offered());
        }
        res.header(HeaderNames.VARY, "Accept");
        Model model = model(page);
        if (media == RdfMedia.HTML) {
            res.header(HeaderNames.CONTENT_TYPE, media.contentType());
            res.send(html(req));
            return;
        }
        RdfWriting.write(res, model.getGraph(), media);
    }

    private void validation(ServerRequest req, ServerResponse res) {
        ValidationReport report = report();
        RdfMedia media = RdfMedia.choose(req).filter(m -> m != RdfMedia.HTML).orElse(RdfMedia.TURTLE);
        res.header("Tissu-Conforms", Boolean.toString(report.conforms()));
        RdfWriting.write(res, report.getGraph(), media);
    }

    private void dataset(ServerRequest req, ServerResponse res) {
        String name = req.path().pathParameters().get("name");
        if (Catalog.DATASETS.stream().noneMatch(d -> d.name().equals(name))) {
            throw new Problem(Status.NOT_FOUND_404, "no dataset '" + name + "'");
        }
        RdfMedia media = RdfMedia.choose(req).orElse(RdfMedia.TURTLE);
        if (media == RdfMedia.HTML) {
            res.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, "/catalog/" + name).send();
            return;
        }
        Model all = model(1);
        Model one = ModelFactory.createDefaultModel();
        one.setNsPrefixes(all.getNsPrefixMap());
        var ds = all.createResource(Catalog.datasetUri(tissu.config().publicUrl(), name));
        closure(all, ds, one);
        RdfWriting.write(res, one.getGraph(), media);
    }

    /** The resource's statements and those of the blank nodes and distributions it points to. */
    private static void closure(Model all, Resource r, Model into) {
        all.listStatements(r, null, (RDFNode) null).forEach(s -> {
            into.add(s);
            if (s.getObject().isAnon() || (s.getObject().isURIResource()
                    && s.getObject().asResource().getURI().startsWith(r.getURI() + "/"))) {
                closure(all, s.getObject().asResource(), into);
            }
        });
    }

    private void landingPage(ServerRequest req, ServerResponse res) {
        String name = req.path().pathParameters().get("name");
        var dataset = Catalog.DATASETS.stream().filter(d -> d.name().equals(name)).findFirst();
        if (dataset.isEmpty()) {
            throw new Problem(Status.NOT_FOUND_404, "no dataset '" + name + "'");
        }
        boolean en = "en".equals(req.query().first("lang").orElse("fr"));
        Catalog.Dataset d = dataset.get();
        StringBuilder body = new StringBuilder();
        body.append("<h1>").append(Html.esc(en ? d.titleEn() : d.titleFr())).append("</h1>\n<p>")
                .append(Html.esc(en ? d.descEn() : d.descFr())).append("</p>\n");
        List<Dumps.Dump> files = Dumps.available(downloads).values().stream()
                .filter(f -> f.isOf(name))
                .sorted(Comparator.comparingInt(f -> FORMATS.indexOf(format(f, name)))).toList();
        about(body, d, files, en);
        body.append("<h2>").append(en ? "Get the data" : "Obtenir les données").append("</h2>\n<ul>\n");
        for (Dumps.Dump file : files) {
            String format = format(file, name);
            boolean table = format.equals("csv") || format.equals("lmn");
            body.append("<li><a href=\"/downloads/").append(Html.esc(file.path())).append("\">")
                    .append(label(format, en)).append("</a> — ").append(size(file.bytes(), en)).append(", ")
                    .append(String.format(en ? Locale.UK : Locale.FRANCE, "%,d", file.triples()))
                    .append(table ? (en ? " rows" : " lignes") : (en ? " triples" : " triplets"));
            if (file.versionedPath() != null) {
                body.append(" — <a href=\"/downloads/").append(Html.esc(file.versionedPath())).append("\">")
                        .append(en ? "this version's permanent link" : "lien permanent de cette version")
                        .append("</a>");
            }
            body.append(" <span class=\"meta\">SHA-256 <code>").append(file.sha256()).append("</code></span></li>\n");
        }
        if (d.rest() != null) {
            body.append("<li><a href=\"").append(d.rest()).append("\">")
                    .append(en ? "REST API (JSON)" : "API REST (JSON)")
                    .append("</a> — <a href=\"/openapi/ui\">").append(en ? "documentation" : "documentation")
                    .append("</a></li>\n");
        }
        body.append("<li><a href=\"/sparql\">SPARQL</a></li>\n<li><a href=\"/graphql\">GraphQL</a></li>\n</ul>\n<p><a "
                + "href=\"")
                .append("/dataset/").append(name).append("?format=ttl\">")
                .append(en ? "This dataset in DCAT-AP (Turtle)"
                        : "Ce jeu de données en DCAT-AP (Turtle)").append("</a> · <a href=\"/catalog\">")
                .append(en ? "The whole catalogue" : "Tout le catalogue").append("</a></p>\n");
        res.header(HeaderNames.CONTENT_TYPE, RdfMedia.HTML.contentType());
        res.send(Html.page(en ? "en" : "fr", en ? d.titleEn() : d.titleFr(), body.toString(),
                "/catalog/" + name + "?lang=" + (en ? "fr" : "en"), List.of(new Html.Alternate(
                        "/dataset/" + name + "?format=ttl", "text/turtle", "Turtle")), tissu.config().dataLicense()));
    }

    /** The formats of a dataset's files, in the order a page lists them: tables first, for people. */
    private static final List<String> FORMATS = List.of("csv", "lmn", "nt", "ttl", "jsonld");

    private static String format(Dumps.Dump file, String dataset) {
        String suffix = file.dataset().substring(dataset.length());
        return suffix.isEmpty() ? "nt" : suffix.substring(1);
    }

    private static String label(String format, boolean en) {
        return switch (format) {
            case "csv" -> en ? "CSV (for spreadsheets)" : "CSV (pour tableur)";
            case "lmn" -> en ? "CSV, national schema of digital-support places (lieux de médiation numérique)"
                    : "CSV, schéma national des lieux de médiation numérique";
            case "nt" -> "N-Triples (gzip)";
            case "ttl" -> "Turtle (gzip)";
            case "jsonld" -> "JSON-LD (gzip)";
            default -> format;
        };
    }

    /** "42.1 MB", "42,1 Mo". */
    private static String size(long bytes, boolean en) {
        Locale locale = en ? Locale.UK : Locale.FRANCE;
        if (bytes < 1_000_000) {
            return String.format(locale, "%.1f %s", bytes / 1e3, en ? "kB" : "ko");
        }
        return String.format(locale, "%.1f %s", bytes / 1e6, en ? "MB" : "Mo");
    }

    /** What a data portal's dataset page says first: licence, publisher, last update, period and territory. */
    private void about(StringBuilder body, Catalog.Dataset d, List<Dumps.Dump> files, boolean en) {
        body.append("<dl>\n");
        String license = tissu.config().dataLicense();
        if (license != null) {
            body.append("<dt>Licence</dt><dd>").append(Html.licenseLink(license, en)).append("</dd>\n");
        }
        body.append("<dt>").append(en ? "Publisher" : "Producteur").append("</dt><dd>")
                .append(Html.esc(tissu.config().catalog().publisher())).append("</dd>\n");
        files.stream().map(Dumps.Dump::modified).filter(Objects::nonNull).max(String::compareTo)
                .ifPresent(m -> body.append("<dt>").append(en ? "Last updated" : "Dernière mise à jour")
                        .append("</dt><dd><time datetime=\"").append(Html.esc(m)).append("\">")
                        .append(Html.esc(m.length() >= 10 ? m.substring(0, 10) : m)).append("</time></dd>\n"));
        List<String> period = Dumps.temporal(downloads).get(d.name());
        if (period != null) {
            body.append("<dt>").append(en ? "Period covered" : "Période couverte").append("</dt><dd>")
                    .append(en ? "from " : "du ").append(Html.esc(period.get(0))).append(en ? " to " : " au ")
                    .append(Html.esc(period.get(1))).append("</dd>\n");
        }
        String spatial = tissu.config().catalog().spatial();
        if (spatial != null) {
            String area = ReferenceData.get().epci(spatial).map(ReferenceData.Epci::name)
                    .or(() -> ReferenceData.get().commune(spatial).map(ReferenceData.Commune::name))
                    .orElse(spatial);
            body.append("<dt>").append(en ? "Territory" : "Territoire").append("</dt><dd>").append(Html.esc(area))
                    .append("</dd>\n");
        }
        body.append("</dl>\n");
    }

    private String html(ServerRequest req) {
        boolean en = "en".equals(req.query().first("lang").orElse("fr"));
        StringBuilder body = new StringBuilder("<h1>").append(en ? "Data catalogue" : "Catalogue des données")
                .append("</h1>\n<p>").append(Html.esc(tissu.config().catalog().description())).append("</p>\n<ul>\n");
        for (Catalog.Dataset d : Catalog.DATASETS) {
            body.append("<li><a href=\"/catalog/").append(d.name()).append(en ? "?lang=en" : "").append("\">")
                    .append(Html.esc(en ? d.titleEn() : d.titleFr())).append("</a></li>\n");
        }
        body.append("</ul>\n<p>DCAT-AP 3.0.1: <a href=\"/catalog.ttl\">Turtle</a> · <a "
                + "href=\"/catalog.jsonld\">JSON-LD</a>")
                .append(" · <a href=\"/catalog.rdf\">RDF/XML</a> · <a href=\"/catalog.nt\">N-Triples</a> · <a href=\"")
                .append("/catalog/validation\">").append(en ? "validation report" : "rapport de validation")
                .append("</a></p>\n");
        return Html.page(en ? "en" : "fr", en ? "Data catalogue" : "Catalogue des données", body.toString(),
                "/catalog?lang=" + (en ? "fr" : "en"),
                List.of(new Html.Alternate("/catalog.ttl", "text/turtle", "Turtle"),
                        new Html.Alternate("/catalog.jsonld", "application/ld+json", "JSON-LD")),
                tissu.config().dataLicense());
    }

    private static int page(ServerRequest req) {
        try {
            return Integer.parseInt(req.query().first("page").orElse("1"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
