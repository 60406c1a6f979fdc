package fr.tissu.store.read;

import java.time.LocalDate;
import java.util.List;

/**
 * An association, as every protocol and export reads it.
 *
 * @param iri               its URI
 * @param graph             the source graph it is typed in
 * @param rna               its RNA number ({@code dct:identifier})
 * @param name              its name
 * @param alternateName     another name, or {@code null}
 * @param status            {@code active} or {@code dissolved}, or {@code null}
 * @param founded           founding date, or {@code null}
 * @param dissolved         dissolution date, or {@code null}
 * @param commune           INSEE code of its seat's commune, or {@code null}
 * @param themes            theme codes, sorted
 * @param socialObjectCodes RNA social-object codes, in the order met
 * @param description       its object as registered, or {@code null}
 * @param website           its website, or {@code null}
 * @param address           its seat's address, or {@code null}
 */
public record Association(String iri, String graph, String rna, String name, String alternateName, String status,
                          LocalDate founded, LocalDate dissolved, String commune, List<String> themes,
                          List<String> socialObjectCodes, String description, String website, String address) {

    /** The one projection of associations. */
    public static final Projection<Association> PROJECTION = new Projection<>("?s a schema:NGO", """
              ?s dct:identifier ?id ; schema:name ?name .
              OPTIONAL { ?s schema:alternateName ?alt }
              OPTIONAL { ?s tissu:commune ?commune }
              OPTIONAL { ?s rov:orgStatus ?status }
              OPTIONAL { ?s schema:foundingDate ?founded }
              OPTIONAL { ?s schema:dissolutionDate ?dissolved }
              OPTIONAL { ?s dct:subject ?theme }
              OPTIONAL { ?s tissu:socialObjectCode ?object }
              OPTIONAL { ?s foaf:homepage ?website }
              OPTIONAL { ?s locn:address/locn:fullAddress ?address }
              OPTIONAL { ?s dct:description ?description }
            """) {
        @Override
        protected Association build(String iri, String graph, Bindings b) {
            return new Association(iri, graph, b.text("id"), b.text("name"), b.text("alt"), b.code("status"),
                    b.date("founded"), b.date("dissolved"), b.code("commune"), b.codes("theme"), b.texts("object"),
                    b.text("description"), b.text("website"), b.text("address"));
        }
    };
}
