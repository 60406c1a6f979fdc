package fr.tissu.store.read;

import java.math.BigDecimal;

/**
 * One value of a charter indicator for a commune and a year (a Data Cube observation), as every protocol and export
 * reads it.
 *
 * @param iri       its URI
 * @param graph     the source graph it is typed in (declared, computed or harvested values)
 * @param commune   INSEE code of the commune ({@code sdmx-dimension:refArea})
 * @param indicator the charter indicator's code ({@code 1.1} … {@code 7.3})
 * @param year      the year, or {@code null} when it is not a four-digit year
 * @param value     the value
 * @param unit      the unit's code ({@code count}, {@code boolean}, {@code percent}), or {@code null}
 * @param origin    {@code declared} or {@code computed}
 * @param note      the note in French (or without language), or {@code null}
 * @param dataSet   the Data Cube data set it belongs to, or {@code null}
 */
public record Observation(String iri, String graph, String commune, String indicator, Integer year, BigDecimal value,
                          String unit, String origin, String note, String dataSet) {

    /** The pattern every indicator value has: its dimensions, measure and origin. */
    private static final String FIGURES = """
              ?s sdmxd:refArea ?area ; tissu:indicator ?indicator ; sdmxd:refPeriod ?year ; tissu:value ?value ;
                 tissu:origin ?origin .
            """;

    /** The one projection of indicator values. */
    public static final Projection<Observation> PROJECTION = new Projection<>("?s a qb:Observation", FIGURES + """
              OPTIONAL { ?s sdmxa:unitMeasure ?unit }
              OPTIONAL { ?s sdmxa:comment ?note FILTER(LANG(?note) = "" || LANG(?note) = "fr") }
              OPTIONAL { ?s qb:dataSet ?dataSet }
            """) {
        @Override
        protected Observation build(String iri, String graph, Bindings b) {
            return figures(iri, graph, b, b.code("unit"), b.text("note"), b.iri("dataSet"));
        }
    };

    /**
     * The same records with their figures only (unit, note and data set {@code null}): what the comparison arrays
     * read in bulk, a third of the full projection's time (the three optional parts cost the rest).
     */
    public static final Projection<Observation> FIGURES_ONLY = new Projection<>("?s a qb:Observation", FIGURES) {
        @Override
        protected Observation build(String iri, String graph, Bindings b) {
            return figures(iri, graph, b, null, null, null);
        }
    };

    private static Observation figures(String iri, String graph, Bindings b, String unit, String note,
                                       String dataSet) {
        String year = b.text("year");
        return new Observation(iri, graph, b.code("area"), b.code("indicator"),
                year != null && year.matches("\\d{4}") ? Integer.valueOf(year) : null, b.decimal("value"), unit,
                b.code("origin"), note, dataSet);
    }
}
