package fr.tissu.vocabulary;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** Terms Tissu reuses from W3C vocabularies and schema.org, as Jena nodes, grouped by namespace. */
public final class Vocab {
    private Vocab() {
    }

    static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    /** RDF, RDFS, XSD-independent core terms. */
    public static final class Core {
        /** {@code rdf:type}. */
        public static final Node type = uri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
        /** {@code rdfs:label}. */
        public static final Node label = uri("http://www.w3.org/2000/01/rdf-schema#label");
        /** {@code rdfs:comment}. */
        public static final Node comment = uri("http://www.w3.org/2000/01/rdf-schema#comment");

        private Core() {
        }
    }

    /** schema.org. */
    public static final class Schema {
        /** Namespace. */
        public static final String NS = "https://schema.org/";
        /** Class of associations (with ROV and ORG classes). */
        public static final Node NGO = uri(NS + "NGO");
        /** Recurring activities are events. */
        public static final Node Event = uri(NS + "Event");
        /** Places. */
        public static final Node Place = uri(NS + "Place");
        /** Recurring schedule of an activity. */
        public static final Node Schedule = uri(NS + "Schedule");
        /** Price offer of an activity. */
        public static final Node Offer = uri(NS + "Offer");
        /** Age range of an activity's audience. */
        public static final Node PeopleAudience = uri(NS + "PeopleAudience");
        /** Name. */
        public static final Node name = uri(NS + "name");
        /** Short name. */
        public static final Node alternateName = uri(NS + "alternateName");
        /** Short presentation. */
        public static final Node description = uri(NS + "description");
        /** Founding date. */
        public static final Node foundingDate = uri(NS + "foundingDate");
        /** Dissolution date. */
        public static final Node dissolutionDate = uri(NS + "dissolutionDate");
        /** Organising association of an activity. */
        public static final Node organizer = uri(NS + "organizer");
        /** Place of an activity. */
        public static final Node location = uri(NS + "location");
        /** Schedule of an activity. */
        public static final Node eventSchedule = uri(NS + "eventSchedule");
        /** Day of week of a schedule. */
        public static final Node byDay = uri(NS + "byDay");
        /** Start time of day. */
        public static final Node startTime = uri(NS + "startTime");
        /** End time of day. */
        public static final Node endTime = uri(NS + "endTime");
        /** Season start. */
        public static final Node startDate = uri(NS + "startDate");
        /** Season end. */
        public static final Node endDate = uri(NS + "endDate");
        /** ISO 8601 duration between occurrences. */
        public static final Node repeatFrequency = uri(NS + "repeatFrequency");
        /** Audience of an activity. */
        public static final Node audience = uri(NS + "audience");
        /** Minimum age. */
        public static final Node suggestedMinAge = uri(NS + "suggestedMinAge");
        /** Maximum age. */
        public static final Node suggestedMaxAge = uri(NS + "suggestedMaxAge");
        /** Human-readable age range. */
        public static final Node typicalAgeRange = uri(NS + "typicalAgeRange");
        /** Offer. */
        public static final Node offers = uri(NS + "offers");
        /** Price. */
        public static final Node price = uri(NS + "price");
        /** Currency. */
        public static final Node priceCurrency = uri(NS + "priceCurrency");
        /** URL (registration page for an offer). */
        public static final Node url = uri(NS + "url");
        /** Free of charge. */
        public static final Node isAccessibleForFree = uri(NS + "isAccessibleForFree");
        /** Language of an activity (BCP 47 code). */
        public static final Node inLanguage = uri(NS + "inLanguage");
        /** Contact e-mail. */
        public static final Node email = uri(NS + "email");
        /** Contact telephone. */
        public static final Node telephone = uri(NS + "telephone");
        /** Opening hours (OpenStreetMap-like syntax). */
        public static final Node openingHours = uri(NS + "openingHours");
        /** Postal code. */
        public static final Node postalCode = uri(NS + "postalCode");

        private Schema() {
        }

        /** schema.org day of the week from its English name, e.g. {@code Wednesday}. */
        public static Node day(String englishName) {
            return uri(NS + englishName);
        }
    }

    /** Dublin Core terms. */
    public static final class DCT {
        /** Namespace. */
        public static final String NS = "http://purl.org/dc/terms/";
        /** Local key of a thing (RNA number, INSEE code...). */
        public static final Node identifier = uri(NS + "identifier");
        /** Description. */
        public static final Node description = uri(NS + "description");
        /** Theme (a SKOS concept). */
        public static final Node subject = uri(NS + "subject");
        /** Audience category (a SKOS concept). */
        public static final Node audience = uri(NS + "audience");
        /** Last modification. */
        public static final Node modified = uri(NS + "modified");
        /** Territorial membership. */
        public static final Node isPartOf = uri(NS + "isPartOf");
        /** Source file. */
        public static final Node source = uri(NS + "source");
        /** Title. */
        public static final Node title = uri(NS + "title");
        /** Licence. */
        public static final Node license = uri(NS + "license");
        /** Publisher. */
        public static final Node publisher = uri(NS + "publisher");

        private DCT() {
        }
    }

    /** Registered Organization, ORG, ADMS, LOCN, FOAF. */
    public static final class Org {
        /** ROV class. */
        public static final Node RegisteredOrganization = uri("http://www.w3.org/ns/regorg#RegisteredOrganization");
        /** ROV legal name. */
        public static final Node legalName = uri("http://www.w3.org/ns/regorg#legalName");
        /** ROV status. */
        public static final Node orgStatus = uri("http://www.w3.org/ns/regorg#orgStatus");
        /** ORG class. */
        public static final Node FormalOrganization = uri("http://www.w3.org/ns/org#FormalOrganization");
        /** ADMS identifier class. */
        public static final Node Identifier = uri("http://www.w3.org/ns/adms#Identifier");
        /** ADMS identifier property. */
        public static final Node identifier = uri("http://www.w3.org/ns/adms#identifier");
        /** ADMS agency that issued an identifier. */
        public static final Node schemaAgency = uri("http://www.w3.org/ns/adms#schemaAgency");
        /** LOCN address class. */
        public static final Node Address = uri("http://www.w3.org/ns/locn#Address");
        /** LOCN address property. */
        public static final Node address = uri("http://www.w3.org/ns/locn#address");
        /** Full address on one line. */
        public static final Node fullAddress = uri("http://www.w3.org/ns/locn#fullAddress");
        /** Street part. */
        public static final Node thoroughfare = uri("http://www.w3.org/ns/locn#thoroughfare");
        /** Postal code. */
        public static final Node postCode = uri("http://www.w3.org/ns/locn#postCode");
        /** Post town. */
        public static final Node postName = uri("http://www.w3.org/ns/locn#postName");
        /** Website. */
        public static final Node homepage = uri("http://xmlns.com/foaf/0.1/homepage");

        private Org() {
        }
    }

    /** SKOS. */
    public static final class Skos {
        /** Namespace. */
        public static final String NS = "http://www.w3.org/2004/02/skos/core#";
        /** Concept. */
        public static final Node Concept = uri(NS + "Concept");
        /** Notation (code). */
        public static final Node notation = uri(NS + "notation");
        /** Preferred label. */
        public static final Node prefLabel = uri(NS + "prefLabel");
        /** Broader concept. */
        public static final Node broader = uri(NS + "broader");
        /** Scheme membership. */
        public static final Node inScheme = uri(NS + "inScheme");

        private Skos() {
        }
    }

    /** Geography: WGS84, GeoSPARQL, INSEE geography. */
    public static final class Geo {
        /** WGS84 latitude. */
        public static final Node lat = uri("http://www.w3.org/2003/01/geo/wgs84_pos#lat");
        /** WGS84 longitude. */
        public static final Node lon = uri("http://www.w3.org/2003/01/geo/wgs84_pos#long");
        /** GeoSPARQL geometry link. */
        public static final Node hasGeometry = uri("http://www.opengis.net/ont/geosparql#hasGeometry");
        /** GeoSPARQL WKT serialisation. */
        public static final Node asWKT = uri("http://www.opengis.net/ont/geosparql#asWKT");
        /** GeoSPARQL geometry class. */
        public static final Node Geometry = uri("http://www.opengis.net/ont/geosparql#Geometry");
        /** Datatype of WKT literals. */
        public static final String wktLiteral = "http://www.opengis.net/ont/geosparql#wktLiteral";
        /** INSEE commune class. */
        public static final Node Commune = uri("http://rdf.insee.fr/def/geo#Commune");
        /** INSEE département class. */
        public static final Node Departement = uri("http://rdf.insee.fr/def/geo#Departement");
        /** INSEE région class. */
        public static final Node Region = uri("http://rdf.insee.fr/def/geo#Region");
        /** INSEE code. */
        public static final Node codeINSEE = uri("http://rdf.insee.fr/def/geo#codeINSEE");

        private Geo() {
        }
    }

    /** RDF Data Cube and SDMX. */
    public static final class Cube {
        /** Observation. */
        public static final Node Observation = uri("http://purl.org/linked-data/cube#Observation");
        /** Data set. */
        public static final Node DataSet = uri("http://purl.org/linked-data/cube#DataSet");
        /** Observation to data set. */
        public static final Node dataSet = uri("http://purl.org/linked-data/cube#dataSet");
        /** Area dimension. */
        public static final Node refArea = uri("http://purl.org/linked-data/sdmx/2009/dimension#refArea");
        /** Period dimension. */
        public static final Node refPeriod = uri("http://purl.org/linked-data/sdmx/2009/dimension#refPeriod");
        /** Unit attribute. */
        public static final Node unitMeasure = uri("http://purl.org/linked-data/sdmx/2009/attribute#unitMeasure");
        /** Note attribute. */
        public static final Node comment = uri("http://purl.org/linked-data/sdmx/2009/attribute#comment");
        /** Data set to its structure. */
        public static final Node structure = uri("http://purl.org/linked-data/cube#structure");

        private Cube() {
        }
    }

    /** PROV-O and SPDX checksums. */
    public static final class Prov {
        /** Entity. */
        public static final Node Entity = uri("http://www.w3.org/ns/prov#Entity");
        /** Activity (a load). */
        public static final Node Activity = uri("http://www.w3.org/ns/prov#Activity");
        /** Generated by. */
        public static final Node wasGeneratedBy = uri("http://www.w3.org/ns/prov#wasGeneratedBy");
        /** Generation time. */
        public static final Node generatedAtTime = uri("http://www.w3.org/ns/prov#generatedAtTime");
        /** Start of a load. */
        public static final Node startedAtTime = uri("http://www.w3.org/ns/prov#startedAtTime");
        /** End of a load. */
        public static final Node endedAtTime = uri("http://www.w3.org/ns/prov#endedAtTime");
        /** Derivation. */
        public static final Node wasDerivedFrom = uri("http://www.w3.org/ns/prov#wasDerivedFrom");
        /** Who ran the load. */
        public static final Node wasAssociatedWith = uri("http://www.w3.org/ns/prov#wasAssociatedWith");
        /** Who a source graph is attributed to (the publishing token's name). */
        public static final Node wasAttributedTo = uri("http://www.w3.org/ns/prov#wasAttributedTo");
        /** Agent. */
        public static final Node Agent = uri("http://www.w3.org/ns/prov#Agent");
        /** SPDX checksum link. */
        public static final Node checksum = uri("http://spdx.org/rdf/terms#checksum");
        /** SPDX checksum class. */
        public static final Node Checksum = uri("http://spdx.org/rdf/terms#Checksum");
        /** SPDX algorithm. */
        public static final Node algorithm = uri("http://spdx.org/rdf/terms#algorithm");
        /** SPDX SHA-256. */
        public static final Node sha256 = uri("http://spdx.org/rdf/terms#checksumAlgorithm_sha256");
        /** SPDX value. */
        public static final Node checksumValue = uri("http://spdx.org/rdf/terms#checksumValue");

        private Prov() {
        }
    }
}
