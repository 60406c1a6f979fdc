package fr.tissu.api.html;

import java.util.HashMap;
import java.util.Map;

import fr.tissu.vocabulary.Tissu;
import fr.tissu.vocabulary.Vocab;
import fr.tissu.vocabulary.Vocabulary;
import org.apache.jena.graph.Node;

/**
 * French and English labels of the properties and classes shown on pages: Tissu's own terms from the ontology,
 * the reused ones from the table below; otherwise the IRI's local name.
 */
public final class Labels {
    private static final Map<String, String[]> LABELS = new HashMap<>();

    static {
        String[][] table = {
            {"http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "type", "type"},
            {"https://schema.org/name", "nom", "name"},
            {"https://schema.org/alternateName", "autre nom", "other name"},
            {"http://www.w3.org/ns/regorg#legalName", "dénomination", "legal name"},
            {"http://purl.org/dc/terms/identifier", "identifiant", "identifier"},
            {"http://purl.org/dc/terms/description", "description", "description"},
            {"https://schema.org/description", "présentation", "summary"},
            {"http://purl.org/dc/terms/subject", "thème", "theme"},
            {"http://purl.org/dc/terms/audience", "public", "audience"},
            {"http://purl.org/dc/terms/modified", "mise à jour", "updated"},
            {"http://purl.org/dc/terms/isPartOf", "fait partie de", "part of"},
            {"http://www.w3.org/ns/regorg#orgStatus", "situation", "status"},
            {"https://schema.org/foundingDate", "date de création", "founded"},
            {"https://schema.org/dissolutionDate", "date de dissolution", "dissolved"},
            {"http://www.w3.org/ns/adms#identifier", "identifiant officiel", "official identifier"},
            {"http://www.w3.org/2004/02/skos/core#notation", "code", "code"},
            {"http://www.w3.org/ns/adms#schemaAgency", "attribué par", "issued by"},
            {"http://www.w3.org/ns/locn#address", "adresse", "address"},
            {"http://www.w3.org/ns/locn#fullAddress", "adresse complète", "full address"},
            {"http://www.w3.org/ns/locn#thoroughfare", "voie", "street"},
            {"http://www.w3.org/ns/locn#postCode", "code postal", "postal code"},
            {"http://www.w3.org/ns/locn#postName", "localité", "town"},
            {"http://xmlns.com/foaf/0.1/homepage", "site web", "website"},
            {"https://schema.org/organizer", "organisé par", "organised by"},
            {"https://schema.org/location", "lieu", "place"},
            {"https://schema.org/eventSchedule", "horaires", "schedule"},
            {"https://schema.org/byDay", "jour", "day"},
            {"https://schema.org/startTime", "début", "starts"},
            {"https://schema.org/endTime", "fin", "ends"},
            {"https://schema.org/startDate", "début de saison", "season starts"},
            {"https://schema.org/endDate", "fin de saison", "season ends"},
            {"https://schema.org/repeatFrequency", "fréquence", "frequency"},
            {"https://schema.org/audience", "âges", "ages"},
            {"https://schema.org/suggestedMinAge", "âge minimum", "minimum age"},
            {"https://schema.org/suggestedMaxAge", "âge maximum", "maximum age"},
            {"https://schema.org/typicalAgeRange", "tranche d'âge", "age range"},
            {"https://schema.org/offers", "tarif", "price"},
            {"https://schema.org/price", "prix (€ par an)", "price (€ a year)"},
            {"https://schema.org/priceCurrency", "devise", "currency"},
            {"https://schema.org/url", "inscription", "registration"},
            {"https://schema.org/isAccessibleForFree", "gratuit", "free"},
            {"https://schema.org/inLanguage", "langue", "language"},
            {"https://schema.org/email", "courriel", "e-mail"},
            {"https://schema.org/telephone", "téléphone", "telephone"},
            {"https://schema.org/openingHours", "horaires d'ouverture", "opening hours"},
            {"https://schema.org/postalCode", "code postal", "postal code"},
            {"http://www.w3.org/2003/01/geo/wgs84_pos#lat", "latitude", "latitude"},
            {"http://www.w3.org/2003/01/geo/wgs84_pos#long", "longitude", "longitude"},
            {"http://www.opengis.net/ont/geosparql#hasGeometry", "géométrie", "geometry"},
            {"http://www.opengis.net/ont/geosparql#asWKT", "point (WKT)", "point (WKT)"},
            {"http://rdf.insee.fr/def/geo#codeINSEE", "code INSEE", "INSEE code"},
            {"http://purl.org/linked-data/cube#dataSet", "jeu de données", "data set"},
            {"http://purl.org/linked-data/sdmx/2009/dimension#refArea", "territoire", "area"},
            {"http://purl.org/linked-data/sdmx/2009/dimension#refPeriod", "année", "year"},
            {"http://purl.org/linked-data/sdmx/2009/attribute#unitMeasure", "unité", "unit"},
            {"http://www.w3.org/2000/01/rdf-schema#comment", "note", "note"},
            {"http://www.w3.org/2000/01/rdf-schema#label", "libellé", "label"},
            {"http://www.w3.org/2004/02/skos/core#prefLabel", "libellé", "label"},
            {"http://www.w3.org/2004/02/skos/core#definition", "définition", "definition"},
            {"http://www.w3.org/2004/02/skos/core#broader", "relève de", "broader"},
            {"http://www.w3.org/2004/02/skos/core#narrower", "comprend", "narrower"},
            {"http://www.w3.org/2004/02/skos/core#inScheme", "dans", "in scheme"},
            {"https://schema.org/NGO", "association", "association"},
            {"http://www.w3.org/ns/regorg#RegisteredOrganization", "organisation enregistrée", "registered organisation"},
            {"http://www.w3.org/ns/org#FormalOrganization", "organisation", "organisation"},
            {"https://schema.org/Event", "événement", "event"},
            {"https://schema.org/Place", "lieu", "place"},
            {"http://rdf.insee.fr/def/geo#Commune", "commune", "commune"},
            {"http://rdf.insee.fr/def/geo#Departement", "département", "département"},
            {"http://rdf.insee.fr/def/geo#Region", "région", "region"},
            {"http://purl.org/linked-data/cube#Observation", "valeur d'indicateur", "indicator value"},
            {"http://www.w3.org/2004/02/skos/core#Concept", "concept", "concept"},
        };
        for (String[] row : table) {
            LABELS.put(row[0], new String[] {row[1], row[2]});
        }
        Vocabulary.get().ontology().find(Node.ANY, Vocab.Core.label, Node.ANY).forEach(t -> {
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(Tissu.NS)) {
                String[] pair = LABELS.computeIfAbsent(t.getSubject().getURI(), k -> new String[2]);
                pair["fr".equals(t.getObject().getLiteralLanguage()) ? 0 : 1] = t.getObject().getLiteralLexicalForm();
            }
        });
    }

    private Labels() {
    }

    /** The label of a property or class in {@code lang} ({@code fr} or {@code en}). */
    public static String of(Node term, String lang) {
        String[] pair = term.isURI() ? LABELS.get(term.getURI()) : null;
        if (pair != null) {
            String label = pair["en".equals(lang) ? 1 : 0];
            if (label != null) {
                return label;
            }
        }
        return term.isURI() ? term.getLocalName() : term.toString();
    }
}
