package fr.tissu.api.catalog;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.tissu.api.core.CatalogConfig;
import fr.tissu.api.core.Instance;
import fr.tissu.loader.Dumps;
import fr.tissu.store.read.ReferenceData;
import fr.tissu.vocabulary.Tissu;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;

/**
 * The instance's DCAT-AP 3.0.1 catalogue: the catalogue, its datasets with their distributions (the REST lists and
 * the dumps, with size and checksum), and the three data services (REST, SPARQL, GraphQL). Every resource a
 * DCAT-AP range constrains is typed in the graph, every concept labelled, so that the official shapes find no
 * violation. Identifiers are built from names that never change between runs.
 *
 * <p>Over 300 lines on purpose: one DCAT-AP document, built in the order of the profile (catalogue, datasets,
 * distributions, services, then the small typed resources every range asks for); its helpers share the base URI.
 */
public final class Catalog {
    static final String DCAT = "http://www.w3.org/ns/dcat#";
    static final String DCT = "http://purl.org/dc/terms/";
    static final String FOAF = "http://xmlns.com/foaf/0.1/";
    static final String ADMS = "http://www.w3.org/ns/adms#";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    static final String VCARD = "http://www.w3.org/2006/vcard/ns#";
    static final String SPDX = "http://spdx.org/rdf/terms#";
    static final String HYDRA = "http://www.w3.org/ns/hydra/core#";
    static final String EU = "http://publications.europa.eu/resource/authority/";
    static final String IANA = "https://www.iana.org/assignments/media-types/";
    /** The national schema of digital-support places, the CSV distribution's standard. */
    static final String LMN_SCHEMA = "https://raw.githubusercontent.com/LaMednum/standard-mediation-num/v1.0.2/schema.json";

    /**
     * A dataset of the catalogue.
     *
     * @param name        stable name: identifier, URI and URLs derive from it
     * @param titleFr     title in French
     * @param titleEn     title in English
     * @param descFr      description in French
     * @param descEn      description in English
     * @param rest        its REST list path, or {@code null}
     * @param theme       EU data theme code
     * @param keywords    French keywords
     * @param frequency   EU frequency code
     */
    public record Dataset(String name, String titleFr, String titleEn, String descFr, String descEn, String rest,
                          String theme, List<String> keywords, String frequency) {
    }

    /** The datasets, in catalogue order. */
    public static final List<Dataset> DATASETS = List.of(
            new Dataset("associations", "Associations du territoire", "Associations of the territory",
                    "Les associations déclarées (RNA) : nom, objet, thèmes, siège, dates de création et de "
                    + "dissolution.",
                    "Registered associations (RNA): name, object, themes, seat, founding and dissolution dates.",
                    "/api/v1/associations", "SOCI", List.of("associations", "vie associative", "RNA"), "MONTHLY"),
            new Dataset("activities", "Activités associatives", "Associations' activities",
                    "Les activités régulières des associations : horaires, lieux, publics, tarifs, inscription.",
                    "The associations' recurring activities: schedules, places, audiences, prices, registration.",
                    "/api/v1/activities", "SOCI", List.of("activités", "loisirs", "sport", "culture"), "WEEKLY"),
            new Dataset("places", "Lieux des activités", "Places of the activities",
                    "Les lieux où les activités ont lieu, avec adresse et coordonnées.",
                    "The places where activities take place, with address and coordinates.",
                    "/api/v1/places", "REGI", List.of("lieux", "équipements"), "WEEKLY"),
            new Dataset("support-points", "Points d'appui numérique", "Digital-support points",
                    "Les lieux de médiation numérique et associations points d'appui numérique (axe 3 de la charte).",
                    "Digital-support places and associations (axis 3 of the charter).",
                    "/api/v1/support-points", "SOCI", List.of("médiation numérique", "inclusion numérique"), "MONTHLY"),
            new Dataset("indicators", "Indicateurs de la charte", "Charter indicators",
                    "Les 21 indicateurs annuels de la charte de la transition numérique associative, par commune et "
                    + "par "
                            + "année (cube de données W3C).",
                    "The charter's 21 yearly indicators, by commune and year (W3C Data Cube).",
                    "/api/v1/observations", "GOVE", List.of("indicateurs", "charte", "transition numérique"),
                    "ANNUAL"),
            new Dataset("communes", "Communes de référence", "Reference communes",
                    "Les communes, EPCI, départements et régions (découpage administratif, INSEE).",
                    "Communes, EPCIs, départements and régions (official administrative division, INSEE).",
                    "/api/v1/communes", "REGI", List.of("communes", "EPCI", "référentiel"), "ANNUAL"),
            new Dataset("vocabulary", "Vocabulaire Tissu", "Tissu vocabulary",
                    "L'ontologie, les formes SHACL et les schémas de concepts (thèmes, publics, charte).",
                    "The ontology, SHACL shapes and concept schemes (themes, audiences, charter).",
                    null, "TECH", List.of("ontologie", "vocabulaire", "SKOS"), "IRREG"),
            new Dataset("sparql-examples", "Exemples de requêtes SPARQL", "SPARQL query examples",
                    "Des requêtes SPARQL commentées, en français et en anglais, testées sur les données.",
                    "Commented SPARQL queries, in French and English, tested on the data.",
                    null, "TECH", List.of("SPARQL", "exemples"), "IRREG"));

    private final Model m = ModelFactory.createDefaultModel();
    private final String base;

    private Catalog(String base) {
        this.base = base;
        m.setNsPrefix("dcat", DCAT).setNsPrefix("dct", DCT).setNsPrefix("foaf", FOAF).setNsPrefix("adms", ADMS)
                .setNsPrefix("skos", SKOS).setNsPrefix("vcard", VCARD).setNsPrefix("spdx", SPDX)
                .setNsPrefix("hydra", HYDRA).setNsPrefix("xsd", XSDDatatype.XSD + "#");
    }

    /** The catalogue's URI. */
    public static String uri(String base) {
        return base + "/catalog";
    }

    /** A dataset's URI. */
    public static String datasetUri(String base, String name) {
        return base + "/dataset/" + name;
    }

    /**
     * The catalogue of {@code tissu}, with the dumps listed in {@code dumps}, page {@code page} (1-based) of the
     * datasets.
     */
    public static Model build(Instance tissu, Map<String, Dumps.Dump> dumps, int page) {
        return build(tissu, dumps, Map.of(), page);
    }

    /** The catalogue, with the periods the datasets cover ({@link Dumps#temporal}). */
    public static Model build(Instance tissu, Map<String, Dumps.Dump> dumps, Map<String, List<String>> temporal,
                              int page) {
        Catalog c = new Catalog(tissu.config().publicUrl());
        c.temporal.putAll(temporal);
        return c.catalog(tissu, dumps, page);
    }

    private final Map<String, List<String>> temporal = new HashMap<>();

    private Model catalog(Instance tissu, Map<String, Dumps.Dump> dumps, int page) {
        CatalogConfig config = tissu.config().catalog();
        Instant modified = tissu.store().lastModified();
        Resource catalog = r(uri(base)).addProperty(RDF.type, r(DCAT + "Catalog"));
        catalog.addProperty(p(DCT, "title"), m.createLiteral(tissu.config().title(), "fr"))
                .addProperty(p(DCT, "description"), m.createLiteral(config.description(), "fr"))
                .addProperty(p(DCT, "identifier"), uri(base))
                .addProperty(p(DCT, "publisher"), publisher(config))
                .addProperty(p(FOAF, "homepage"), typed(config.homepage() != null ? config.homepage() : base + "/",
                        FOAF + "Document"))
                .addProperty(p(DCT, "language"), language())
                .addProperty(p(DCT, "license"), license(tissu))
                .addProperty(p(DCT, "spatial"), spatial(tissu, config))
                .addProperty(p(DCT, "modified"), dateTime(modified))
                .addProperty(p(DCAT, "themeTaxonomy"), r(EU + "data-theme")
                .addProperty(RDF.type, r(SKOS + "ConceptScheme"))
                        .addProperty(p(DCT, "title"), m.createLiteral("Data theme", "en")));
        int size = Math.max(1, config.pageSize());
        int pages = Math.max(1, (DATASETS.size() + size - 1) / size);
        int current = Math.min(Math.max(1, page), pages);
        List<Dataset> shown = DATASETS.subList((current - 1) * size, Math.min(DATASETS.size(), current * size));
        for (Dataset d : shown) {
            Resource ds = dataset(tissu, config, d, dumps.get(d.name()), modified);
            catalog.addProperty(p(DCAT, "dataset"), ds);
            Dumps.Dump turtle = dumps.get(d.name() + "-ttl");
            if (turtle != null) {
                ds.addProperty(p(DCAT, "distribution"), download(tissu, d, turtle, "ttl-gz", " (Turtle, gzip)",
                        "RDF_TURTLE", "text/turtle", "application/gzip"));
            }
            Dumps.Dump jsonld = dumps.get(d.name() + "-jsonld");
            if (jsonld != null) {
                ds.addProperty(p(DCAT, "distribution"), download(tissu, d, jsonld, "jsonld-gz", " (JSON-LD, gzip)",
                        "JSON_LD", "application/ld+json", "application/gzip"));
            }
            Dumps.Dump csv = dumps.get(d.name() + "-csv");
            if (csv != null) {
                ds.addProperty(p(DCAT, "distribution"), download(tissu, d, csv, "csv", " (CSV)", "CSV",
                        "text/csv", null));
            }
            Dumps.Dump lmn = dumps.get(d.name() + "-lmn");
            if (lmn != null) {
                ds.addProperty(p(DCT, "conformsTo"), typed(LMN_SCHEMA, DCT + "Standard"));
                ds.addProperty(p(DCAT, "distribution"), download(tissu, d, lmn, "lmn-csv",
                        " (CSV, standard national des lieux de médiation numérique v1.0.2)", "CSV", "text/csv", null)
                        .addProperty(p(DCT, "conformsTo"), r(LMN_SCHEMA)));
            }
        }
        Resource rest = service(tissu, "api", "API REST", "REST API", base + "/api/v1", base + "/openapi",
                "https://spec.openapis.org/oas/v3.1.0");
        Resource sparql = service(tissu, "sparql", "Point d'accès SPARQL", "SPARQL endpoint", base + "/sparql",
                base + "/sparql", "https://www.w3.org/TR/sparql11-protocol/");
        Resource graphql = service(tissu, "graphql", "API GraphQL", "GraphQL API", base + "/graphql",
                base + "/graphql/schema.graphqls", "https://spec.graphql.org/");
        for (Resource s : List.of(rest, sparql, graphql)) {
            catalog.addProperty(p(DCAT, "service"), s);
            for (Dataset d : shown) { // the datasets of this page: each is described here
                if (s != rest || d.rest() != null) {
                    s.addProperty(p(DCAT, "servesDataset"), r(datasetUri(base, d.name())).addProperty(RDF.type,
                            r(DCAT + "Dataset")));
                }
            }
        }
        // Hydra paging, for harvesters of instances that host many publishers' datasets
        catalog.addProperty(RDF.type, r(HYDRA + "Collection"))
                .addLiteral(p(HYDRA, "totalItems"), m.createTypedLiteral(DATASETS.size()));
        Resource view = r(uri(base) + "?page=" + current).addProperty(RDF.type, r(HYDRA + "PartialCollectionView"))
                .addProperty(p(HYDRA, "first"), r(uri(base) + "?page=1"))
                .addProperty(p(HYDRA, "last"), r(uri(base) + "?page=" + pages));
        if (current < pages) {
            view.addProperty(p(HYDRA, "next"), r(uri(base) + "?page=" + (current + 1)));
        }
        if (current > 1) {
            view.addProperty(p(HYDRA, "previous"), r(uri(base) + "?page=" + (current - 1)));
        }
        catalog.addProperty(p(HYDRA, "view"), view);
        return m;
    }

    private Resource dataset(Instance tissu, CatalogConfig config, Dataset d, Dumps.Dump dump, Instant storeModified) {
        Resource ds = r(datasetUri(base, d.name())).addProperty(RDF.type, r(DCAT + "Dataset"))
                .addProperty(p(DCT, "identifier"), datasetUri(base, d.name()))
                .addProperty(p(ADMS, "identifier"), m.createResource().addProperty(RDF.type, r(ADMS + "Identifier"))
                        .addProperty(p(SKOS, "notation"), d.name()))
                .addProperty(p(DCT, "title"), m.createLiteral(d.titleFr(), "fr"))
                .addProperty(p(DCT, "title"), m.createLiteral(d.titleEn(), "en"))
                .addProperty(p(DCT, "description"), m.createLiteral(d.descFr(), "fr"))
                .addProperty(p(DCT, "description"), m.createLiteral(d.descEn(), "en"))
                .addProperty(p(DCAT, "landingPage"), typed(base + "/catalog/" + d.name(), FOAF + "Document"))
                .addProperty(p(DCAT, "theme"), concept(EU + "data-theme/" + d.theme(), EU + "data-theme",
                        d.theme()))
                .addProperty(p(DCT, "spatial"), spatial(tissu, config))
                .addProperty(p(DCT, "publisher"), publisher(config))
                .addProperty(p(DCT, "language"), language())
                .addProperty(p(DCT, "accrualPeriodicity"), typed(EU + "frequency/" + d.frequency(), DCT + "Frequency")
                        .addProperty(RDF.type, r(SKOS + "Concept")).addProperty(p(SKOS, "prefLabel"),
                                m.createLiteral(d.frequency().toLowerCase(), "en")))
                .addProperty(p(DCT, "conformsTo"), typed(Tissu.NS.replaceAll("#$", ""),
                        DCT + "Standard"))
                .addProperty(p(DCAT, "contactPoint"), m.createResource().addProperty(RDF.type, r(VCARD + "Kind"))
                        .addProperty(RDF.type, r(VCARD + "Organization"))
                        .addProperty(p(VCARD, "fn"), config.publisher())
                        .addProperty(p(VCARD, "hasEmail"), r("mailto:" + config.email())))
                .addProperty(p(DCT, "modified"), dateTime(dump != null && dump.modified() != null
                        ? Instant.parse(dump.modified()) : storeModified));
        d.keywords().forEach(k -> ds.addProperty(p(DCAT, "keyword"), m.createLiteral(k, "fr")));
        if (d.name().equals("indicators")) {
            // the W3C Data Cube structure every indicator data set follows
            ds.addProperty(p(DCT, "conformsTo"), typed(Tissu.indicatorStructure().getURI(),
                    DCT + "Standard"));
        }
        List<String> period = temporal.get(d.name());
        if (period != null) {
            ds.addProperty(p(DCT, "temporal"), m.createResource().addProperty(RDF.type, r(DCT + "PeriodOfTime"))
                    .addProperty(p(DCAT, "startDate"), m.createTypedLiteral(period.get(0), XSDDatatype.XSDdate))
                    .addProperty(p(DCAT, "endDate"), m.createTypedLiteral(period.get(1), XSDDatatype.XSDdate)));
        }
        if (d.rest() != null) {
            ds.addProperty(p(DCAT, "distribution"), r(base + "/dataset/" + d.name() + "/distribution/json")
                    .addProperty(RDF.type, r(DCAT + "Distribution"))
                    .addProperty(p(DCT, "title"), m.createLiteral(d.titleFr() + " (API REST, JSON)", "fr"))
                    .addProperty(p(DCAT, "accessURL"), r(base + d.rest()))
                    .addProperty(p(DCAT, "accessService"), r(base + "/service/api"))
                    .addProperty(p(DCT, "format"), format("JSON"))
                    .addProperty(p(DCAT, "mediaType"), mediaType("application/json"))
                    .addProperty(p(DCT, "license"), license(tissu)));
        }
        if (dump != null) {
            ds.addProperty(p(DCAT, "distribution"), download(tissu, d, dump, "nt-gz", " (N-Triples, gzip)",
                    "RDF_N_TRIPLES", "application/n-triples", "application/gzip"));
        }
        return ds;
    }

    /** A downloadable file: URL, format, media type, size, SHA-256, licence. */
    private Resource download(Instance tissu, Dataset d, Dumps.Dump dump, String key, String titleSuffix, String format,
                              String mediaType, String compression) {
        Resource checksum = m.createResource().addProperty(RDF.type, r(SPDX + "Checksum"))
                .addProperty(p(SPDX, "algorithm"), r(SPDX + "checksumAlgorithm_sha256"))
                .addProperty(p(SPDX, "checksumValue"), m.createTypedLiteral(dump.sha256(), XSDDatatype.XSDhexBinary));
        Resource dist = r(base + "/dataset/" + d.name() + "/distribution/" + key)
                .addProperty(RDF.type, r(DCAT + "Distribution"))
                .addProperty(p(DCT, "title"), m.createLiteral(d.titleFr() + titleSuffix, "fr"))
                .addProperty(p(DCAT, "accessURL"), r(base + "/downloads/" + dump.download()))
                .addProperty(p(DCAT, "downloadURL"), r(base + "/downloads/" + dump.download()))
                .addProperty(p(DCT, "format"), format(format))
                .addProperty(p(DCAT, "mediaType"), mediaType(mediaType))
                .addProperty(p(DCAT, "byteSize"), m.createTypedLiteral(Long.toString(dump.bytes()),
                        XSDDatatype.XSDnonNegativeInteger))
                .addProperty(p(SPDX, "checksum"), checksum)
                .addProperty(p(DCT, "license"), license(tissu));
        if (dump.modified() != null) {
            dist.addProperty(p(DCT, "modified"), dateTime(Instant.parse(dump.modified())));
        }
        if (compression != null) {
            dist.addProperty(p(DCAT, "compressFormat"), mediaType(compression));
        }
        return dist;
    }

    private Resource service(Instance tissu, String name, String titleFr, String titleEn, String endpoint,
                             String description, String standard) {
        return r(base + "/service/" + name).addProperty(RDF.type, r(DCAT + "DataService"))
                .addProperty(p(DCT, "title"), m.createLiteral(titleFr, "fr"))
                .addProperty(p(DCT, "title"), m.createLiteral(titleEn, "en"))
                .addProperty(p(DCAT, "endpointURL"), r(endpoint))
                .addProperty(p(DCAT, "endpointDescription"), r(description))
                .addProperty(p(DCT, "conformsTo"), typed(standard, DCT + "Standard"))
                .addProperty(p(DCT, "license"), license(tissu));
    }

    private Resource publisher(CatalogConfig config) {
        return r(base + "/id/organisation/" + config.siren()).addProperty(RDF.type, r(FOAF + "Agent"))
                .addProperty(RDF.type, r(FOAF + "Organization"))
                .addProperty(p(FOAF, "name"), m.createLiteral(config.publisher(), "fr"))
                .addProperty(p(DCT, "identifier"), config.siren())
                .addProperty(p(DCT, "type"), r("http://purl.org/adms/publishertype/LocalAuthority")
                        .addProperty(RDF.type, r(SKOS + "Concept"))
                        .addProperty(p(SKOS, "prefLabel"), m.createLiteral("Local Authority", "en")));
    }

    private Resource spatial(Instance tissu, CatalogConfig config) {
        String code = config.spatial();
        String uri = code.length() == 9 ? tissu.ids().thing("epci", code).getURI() : tissu.ids().commune(code).getURI();
        Resource place = typed(uri, DCT + "Location");
        String name = code.length() == 9 ? ReferenceData.get().epci(code).map(ReferenceData.Epci::name).orElse(null)
                : ReferenceData.get().commune(code).map(ReferenceData.Commune::name).orElse(null);
        if (name != null) {
            place.addProperty(p(SKOS, "prefLabel"), m.createLiteral(name, "fr"));
        }
        return place;
    }

    private Resource language() {
        return concept(EU + "language/FRA", EU + "language", "français").addProperty(RDF.type,
                r(DCT + "LinguisticSystem"));
    }

    private Resource license(Instance tissu) {
        return typed(tissu.config().dataLicense(), DCT + "LicenseDocument");
    }

    private Resource format(String code) {
        return typed(EU + "file-type/" + code, DCT + "MediaTypeOrExtent");
    }

    private Resource mediaType(String type) {
        return typed(IANA + type, DCT + "MediaType");
    }

    private Resource concept(String uri, String scheme, String label) {
        return r(uri).addProperty(RDF.type, r(SKOS + "Concept")).addProperty(p(SKOS, "inScheme"), r(scheme))
                .addProperty(p(SKOS, "prefLabel"), m.createLiteral(label, label.equals(label.toUpperCase()) ? "en"
                : "fr"));
    }

    private Resource typed(String uri, String type) {
        return r(uri).addProperty(RDF.type, r(type));
    }

    private Literal dateTime(Instant instant) {
        return m.createTypedLiteral(instant.toString(), XSDDatatype.XSDdateTime);
    }

    private Resource r(String uri) {
        return m.createResource(uri);
    }

    private Property p(String ns, String local) {
        return m.createProperty(ns, local);
    }
}
