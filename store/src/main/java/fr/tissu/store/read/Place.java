package fr.tissu.store.read;

/**
 * A place where activities take place (not a digital-support point), as every protocol and export reads it.
 *
 * @param iri      its URI
 * @param graph    the source graph it is typed in
 * @param key      the last segment of its URI
 * @param name     its name
 * @param commune  INSEE code of its commune, or {@code null}
 * @param address  its full address, or {@code null}
 * @param street   street and number, or {@code null}
 * @param postCode postal code, or {@code null}
 * @param town     the postal address's town, or {@code null}
 * @param lat      latitude, or {@code null}
 * @param lon      longitude, or {@code null}
 */
public record Place(String iri, String graph, String key, String name, String commune, String address, String street,
                    String postCode, String town, Double lat, Double lon) implements Located {

    /** The one projection of places. */
    public static final Projection<Place> PROJECTION = new Projection<>(
            "?s a schema:Place FILTER NOT EXISTS { ?s a tissu:SupportPoint }", """
              ?s schema:name ?name .
              OPTIONAL { ?s tissu:commune ?commune }
              OPTIONAL { ?s locn:address ?a OPTIONAL { ?a locn:fullAddress ?address }
                         OPTIONAL { ?a locn:thoroughfare ?street } OPTIONAL { ?a locn:postCode ?postCode }
                         OPTIONAL { ?a locn:postName ?town } }
              OPTIONAL { ?s geo:lat ?lat ; geo:long ?lon }
            """) {
        @Override
        protected Place build(String iri, String graph, Bindings b) {
            return new Place(iri, graph, Bindings.lastSegment(iri), b.text("name"), b.code("commune"),
                    b.text("address"),
                    b.text("street"), b.text("postCode"), b.text("town"), b.number("lat"), b.number("lon"));
        }
    };
}
