package fr.tissu.store.read;

import java.time.LocalDate;
import java.util.List;

/**
 * A digital-support point (a place or association helping people with digital services), as every protocol and
 * export reads it.
 *
 * @param iri          its URI
 * @param graph        the source graph it is typed in
 * @param key          the last segment of its URI
 * @param identifier   its identifier in the source ({@code dct:identifier}), or {@code null}
 * @param name         its name
 * @param pivot        its structure's identifier (SIRET or RNA number), or {@code null}
 * @param commune      INSEE code of its commune, or {@code null}
 * @param address      its full address, or {@code null}
 * @param street       street and number, or {@code null}
 * @param postCode     postal code, or {@code null}
 * @param town         the postal address's town, or {@code null}
 * @param lat          latitude, or {@code null}
 * @param lon          longitude, or {@code null}
 * @param openingHours opening hours (OpenStreetMap syntax), or {@code null}
 * @param telephones   telephone numbers
 * @param emails       e-mail addresses
 * @param websites     websites
 * @param summary      a short presentation, or {@code null}
 * @param description  a longer presentation, or {@code null}
 * @param services     the services offered
 * @param themes       theme codes, sorted
 * @param free         free of charge, or {@code null} when unknown
 * @param modified     last update in the source, or {@code null}
 */
public record SupportPoint(String iri, String graph, String key, String identifier, String name, String pivot,
                           String commune, String address, String street, String postCode, String town, Double lat,
                           Double lon, String openingHours, List<String> telephones, List<String> emails,
                           List<String> websites, String summary, String description, List<String> services,
                           List<String> themes, Boolean free, LocalDate modified) implements Located {

    /** The one projection of digital-support points. */
    public static final Projection<SupportPoint> PROJECTION = new Projection<>("?s a tissu:SupportPoint", """
              ?s schema:name ?name .
              OPTIONAL { ?s dct:identifier ?id }
              OPTIONAL { ?s adms:identifier/skos:notation ?pivot }
              OPTIONAL { ?s tissu:commune ?commune }
              OPTIONAL { ?s locn:address ?a OPTIONAL { ?a locn:fullAddress ?address }
                         OPTIONAL { ?a locn:thoroughfare ?street } OPTIONAL { ?a locn:postCode ?postCode }
                         OPTIONAL { ?a locn:postName ?town } }
              OPTIONAL { ?s geo:lat ?lat ; geo:long ?lon }
              OPTIONAL { ?s schema:openingHours ?hours }
              OPTIONAL { ?s schema:telephone ?telephone }
              OPTIONAL { ?s schema:email ?email }
              OPTIONAL { ?s foaf:homepage ?website }
              OPTIONAL { ?s schema:description ?summary }
              OPTIONAL { ?s dct:description ?description }
              OPTIONAL { ?s tissu:service ?service }
              OPTIONAL { ?s dct:subject ?theme }
              OPTIONAL { ?s schema:isAccessibleForFree ?free }
              OPTIONAL { ?s dct:modified ?modified }
            """) {
        @Override
        protected SupportPoint build(String iri, String graph, Bindings b) {
            return new SupportPoint(iri, graph, Bindings.lastSegment(iri), b.text("id"), b.text("name"),
                    b.text("pivot"),
                    b.code("commune"), b.text("address"), b.text("street"), b.text("postCode"), b.text("town"),
                    b.number("lat"), b.number("lon"), b.text("hours"), b.texts("telephone"), b.texts("email"),
                    b.texts("website"), b.text("summary"), b.text("description"), b.texts("service"),
                    b.codes("theme"), b.bool("free"), b.date("modified"));
        }
    };
}
