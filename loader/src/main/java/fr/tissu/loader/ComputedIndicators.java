package fr.tissu.loader;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import fr.tissu.loader.computed.Computation;
import fr.tissu.loader.computed.Context;
import fr.tissu.store.GraphWriter;
import fr.tissu.store.Store;
import fr.tissu.store.read.ReferenceData;
import fr.tissu.vocabulary.Ids;
import fr.tissu.vocabulary.Tissu;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The charter indicators the service computes from what it holds, published beside the declared ones with
 * {@code origin = computed} and a note saying how, in their own Data Cube data set (one data set cannot hold two
 * observations with the same commune, year and indicator: IC-12). The whole graph is replaced at each run, in one
 * transaction; each indicator is one unit of {@link fr.tissu.loader.computed}, reading the read model's projections
 * or one aggregate (no query per commune).
 *
 * <ul>
 * <li>1.2 activities of the season starting in the year whose association offered an activity with the same title
 *     in the season before (for years where the previous season is in the data);</li>
 * <li>1.3 associations whose RNA dissolution date falls in the year (the last five years);</li>
 * <li>2.1 1 for every commune the instance serves, every year since data was first loaded;</li>
 * <li>2.2 and 6.1 the service's own request counts ({@link UsageLog}), per year;</li>
 * <li>3.1 associations (RNA number) listed as digital-support points; 3.2 weekly opening slots of those points
 *     (OpenStreetMap {@code opening_hours}) × 52, both for the current year.</li>
 * </ul>
 * Counts are published for every served commune, zeros included, so that comparisons see a zero as a zero.
 */
public final class ComputedIndicators {
    /** The graph name ({@link Ids#graph}). */
    public static final String GRAPH = "computed-indicators";
    /** The source format recorded on the graph (the catalogue puts it in the indicators dataset). */
    public static final String FORMAT = "computed";
    /** The first year an indicator value may be given for (declared, computed or asked for). */
    public static final int FIRST_YEAR = 2000;
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final System.Logger LOG = System.getLogger(ComputedIndicators.class.getName());

    /** How each indicator is computed, in French and English (the observations' note). */
    public static final Map<String, String[]> METHODS = methods();

    /**
     * What a run produced.
     *
     * @param observations observations written
     * @param perIndicator observations per indicator code
     * @param unreadableHours opening-hours texts that could not be read (their points count no session)
     * @param millis       duration
     */
    public record Result(long observations, Map<String, Long> perIndicator, List<String> unreadableHours, long millis) {
    }

    private ComputedIndicators() {
    }

    /**
     * The communes an instance serves: the members of its territory (an EPCI's SIREN or an INSEE commune code), or,
     * without a territory, every commune with at least one activity in {@code store}.
     */
    public static Set<String> served(Store store, String territory) {
        ReferenceData ref = ReferenceData.get();
        if (territory != null && territory.length() == 9 && ref.epci(territory).isPresent()) {
            return new TreeSet<>(ref.epci(territory).get().members());
        }
        if (territory != null && ref.commune(territory).isPresent()) {
            return new TreeSet<>(Set.of(territory));
        }
        Set<String> codes = new TreeSet<>();
        store.select("SELECT DISTINCT ?c WHERE { ?a <" + Tissu.commune.getURI() + "> ?c ; a <"
                + Tissu.Activity.getURI() + "> }", TIMEOUT, r -> codes.add(code(r.getResource("c").getURI())));
        return codes;
    }

    /** Recomputes for an instance serving {@code territory}, with the request counts of its data directory. */
    public static Result recompute(Store store, Ids ids, String territory, Path dataDir) {
        return recompute(store, ids, served(store, territory), territory, dataDir.resolve(UsageLog.FILE));
    }

    /** Recomputes every computed indicator into the graph {@link #GRAPH} of {@code store}. */
    public static Result recompute(Store store, Ids ids, Set<String> served, String territory, Path usage) {
        long start = System.currentTimeMillis();
        Context context = new Context(store, served, Year.now().getValue(), usage, new TreeMap<>(), new ArrayList<>());
        for (Computation computation : Computation.ALL) {
            computation.compute(context);
        }
        Map<String, Map<Integer, Map<String, Long>>> values = context.values();
        List<String> unreadable = context.unreadable();

        // One transaction replaces the whole graph.
        Node graph = ids.graph(GRAPH);
        Node dataSet = IndicatorMapper.dataSet(ids, "computed");
        Map<String, Long> perIndicator = new LinkedHashMap<>();
        long[] written = {0};
        try (GraphWriter writer = store.replace(graph)) {
            RowTriples out = new RowTriples();
            IndicatorMapper.describeDataSet(out, dataSet, territory == null || territory.isBlank() ? null
                    : IndicatorMapper.publisher(ids, territory), List.of(
                            NodeFactory.createLiteralLang("Indicateurs de la charte calculés par le service", "fr"),
                            NodeFactory.createLiteralLang("Charter indicators computed by the service", "en")));
            out.triples.forEach(writer::add);
            out.triples.clear();
            for (var byIndicator : values.entrySet()) {
                String indicator = byIndicator.getKey();
                String unit = indicator.equals("2.1") ? "boolean" : "count";
                String[] method = METHODS.get(indicator);
                List<Node> notes = List.of(NodeFactory.createLiteralLang(method[0], "fr"),
                        NodeFactory.createLiteralLang(method[1], "en"));
                for (var byYear : byIndicator.getValue().entrySet()) {
                    String year = Integer.toString(byYear.getKey());
                    for (var v : byYear.getValue().entrySet()) {
                        IndicatorMapper.observation(out, ids, ids.thing("observation", v.getKey() + "/" + indicator
                                + "/" + year + "/computed"), dataSet, v.getKey(), indicator, year,
                                BigDecimal.valueOf(v.getValue()), unit, "computed", notes);
                        out.triples.forEach(writer::add);
                        out.triples.clear();
                        written[0]++;
                        perIndicator.merge(indicator, 1L, Long::sum);
                    }
                }
            }
            Provenance.add(writer, graph, "tissu (computed indicators)", FORMAT, null, written[0], 0,
                    Instant.ofEpochMilli(start));
            writer.commit();
        }
        long millis = System.currentTimeMillis() - start;
        LOG.log(System.Logger.Level.INFO, "computed indicators: {0} observations for {1} communes in {2} ms",
                written[0], served.size(), millis);
        return new Result(written[0], perIndicator, unreadable, millis);
    }

    private static String code(String uri) {
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    private static Map<String, String[]> methods() {
        Map<String, String[]> m = new LinkedHashMap<>();
        m.put("1.2", new String[] {
            "Calculée par le service : activités de la saison commençant dans l'année dont l'association proposait "
                    + "une activité de même intitulé la saison précédente.",
            "Computed by the service: activities of the season starting in the year whose association offered an "
                    + "activity with the same title the season before."});
        m.put("1.3", new String[] {
            "Calculée par le service : associations de la commune dont la date de dissolution au RNA tombe dans "
                    + "l'année.",
            "Computed by the service: the commune's associations whose RNA dissolution date falls in the year."});
        m.put("2.1", new String[] {
            "Calculée par le service : ce service publie l'offre associative de la commune (point d'entrée unique).",
            "Computed by the service: this service publishes the commune's associative offer (single entry point)."});
        m.put("2.2", new String[] {
            "Calculée par le service : requêtes réussies de l'annuaire (listes, recherche, pages) portant sur la "
                    + "commune, comptées par jour sans aucune donnée personnelle.",
            "Computed by the service: successful directory requests (lists, search, pages) about the commune, "
                    + "counted per day without any personal data."});
        m.put("3.1", new String[] {
            "Calculée par le service : associations (numéro RNA) de la commune inscrites comme points d'appui "
                    + "numérique.",
            "Computed by the service: the commune's associations (RNA number) listed as digital-support points."});
        m.put("3.2", new String[] {
            "Calculée par le service : créneaux d'ouverture hebdomadaires des points d'appui de la commune "
                    + "(horaires OpenStreetMap) multipliés par 52 semaines.",
            "Computed by the service: weekly opening slots of the commune's support points (OpenStreetMap hours) "
                    + "times 52 weeks."});
        m.put("6.1", new String[] {
            "Calculée par le service : consultations des pages des associations de la commune (page web ou API), "
                    + "comptées par jour sans aucune donnée personnelle.",
            "Computed by the service: views of the commune's association pages (web page or API), counted per day "
                    + "without any personal data."});
        return m;
    }
}
