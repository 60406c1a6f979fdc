package fr.tissu.loader.computed;

import java.util.Map;
import java.util.TreeMap;

/**
 * 2.1: this service is the single entry point of the communes it serves: 1 for each of them, every year since data
 * was first loaded (the earliest load of a source graph that is not reference data, harvested or computed).
 */
final class EntryPoint implements Computation {
    /** When the first source file was loaded. */
    private static final String FIRST_LOAD = """
            PREFIX tissu: <https://w3id.org/tissu/ns#> PREFIX prov: <http://www.w3.org/ns/prov#>
            SELECT (MIN(?t) AS ?first) WHERE { GRAPH ?g { ?g tissu:sourceFormat ?f ; prov:generatedAtTime ?t }
              FILTER(?f NOT IN ("computed", "reference", "harvest")) }""";

    @Override
    public void compute(Context c) {
        int[] first = {c.thisYear()};
        c.store().select(FIRST_LOAD, Context.TIMEOUT, r -> {
            if (r.contains("first")) {
                first[0] = Math.min(c.thisYear(), Integer.parseInt(r.getLiteral("first").getLexicalForm()
                        .substring(0, 4)));
            }
        });
        Map<Integer, Map<String, Long>> entryPoint = new TreeMap<>();
        for (int y = first[0]; y <= c.thisYear(); y++) {
            Map<String, Long> ones = new TreeMap<>();
            c.served().forEach(commune -> ones.put(commune, 1L));
            entryPoint.put(y, ones);
        }
        c.values().put("2.1", entryPoint);
    }
}
