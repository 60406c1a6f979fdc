package fr.tissu.loader.computed;

import java.util.Map;

import fr.tissu.store.read.Bindings;

/**
 * 1.3: associations whose RNA dissolution date falls in the year, for the last {@link #YEARS} years. An aggregate
 * rather than the association projection: at France scale it counts two million associations in the store itself.
 */
final class Dissolutions implements Computation {
    /** How many years back dissolutions are counted. */
    static final int YEARS = 5;

    @Override
    public void compute(Context c) {
        Map<Integer, Map<String, Long>> dissolved = c.zeros(c.thisYear() - YEARS + 1, c.thisYear());
        c.store().select("""
                PREFIX schema: <https://schema.org/> PREFIX tissu: <https://w3id.org/tissu/ns#>
                SELECT ?c ?y (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a schema:dissolutionDate ?d ; tissu:commune ?c . }
                GROUP BY ?c (YEAR(?d) AS ?y)""", Context.TIMEOUT, r -> {
                    int y = r.getLiteral("y").getInt();
                    String commune = Bindings.lastSegment(r.getResource("c").getURI());
                    if (dissolved.containsKey(y) && c.served().contains(commune)) {
                        dissolved.get(y).put(commune, r.getLiteral("n").getLong());
                    }
                });
        c.values().put("1.3", dissolved);
    }
}
