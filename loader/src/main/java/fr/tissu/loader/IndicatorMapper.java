package fr.tissu.loader;

import java.math.BigDecimal;
import java.time.Year;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import fr.tissu.store.read.ReferenceData;
import fr.tissu.vocabulary.Ids;
import fr.tissu.vocabulary.Tissu;
import fr.tissu.vocabulary.Vocab.Core;
import fr.tissu.vocabulary.Vocab.Cube;
import fr.tissu.vocabulary.Vocab.DCT;
import fr.tissu.vocabulary.Vocab.Skos;
import fr.tissu.vocabulary.Vocabulary;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Maps declared indicator values ({@code commune, indicator, year, value[, unit, note, publisher]}) to Data Cube
 * observations. Each observation belongs to the data set of its publisher: the {@code publisher} column (an INSEE
 * commune code or an EPCI's SIREN), or the commune itself when it is empty. A second value for the same commune,
 * indicator and year in one file is rejected (the Data Cube's "no duplicate observations" rule, IC-12, enforced at
 * load time, where it costs a set lookup instead of a quadratic query).
 */
final class IndicatorMapper implements Mapper {
    private final Ids ids;
    private final ReferenceData reference;
    private final int lastYear;
    private final Map<Node, String> unitOf = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final Set<String> dataSetsWritten = new HashSet<>();

    IndicatorMapper(Ids ids, ReferenceData reference) {
        this.ids = ids;
        this.reference = reference;
        this.lastYear = Year.now().getValue();
        Vocabulary vocabulary = Vocabulary.get();
        vocabulary.indicators().values().forEach(ind -> vocabulary.schemes().find(ind, Tissu.unit, Node.ANY)
                .forEach(t -> vocabulary.schemes().find(t.getObject(), Skos.notation, Node.ANY)
                        .forEach(n -> unitOf.put(ind, n.getObject().getLiteralLexicalForm()))));
    }

    /** Kept whole: a commune's indicators are compared with those of its EPCI, département and region. */
    @Override
    public String communeColumn() {
        return null;
    }

    @Override
    public Map<Node, String> columns() {
        return Map.of(Tissu.indicator, "indicator", Cube.refArea, "commune", Cube.refPeriod, "year",
                Tissu.value, "value");
    }

    @Override
    public void map(Row row, RowTriples out) {
        String code = row.required("commune");
        if (code != null && reference.commune(code).isEmpty()) {
            row.reject("commune", "unknown INSEE commune code");
        }
        String indicatorCode = row.required("indicator");
        Node indicator = indicatorCode == null ? null : Vocabulary.get().indicator(indicatorCode).orElse(null);
        if (indicatorCode != null && indicator == null) {
            row.reject("indicator", "unknown indicator (expected a charter code from 1.1 to 7.3)");
        }
        String year = row.required("year");
        if (year != null && !year.matches("[0-9]{4}")) {
            row.reject("year", "year must have 4 digits, e.g. 2025");
        } else if (year != null && (Integer.parseInt(year) < ComputedIndicators.FIRST_YEAR
                || Integer.parseInt(year) > lastYear)) {
            row.reject("year", "year out of range: expected " + ComputedIndicators.FIRST_YEAR + " to " + lastYear);
        }
        String publisher = row.text("publisher");
        if (publisher != null && reference.commune(publisher).isEmpty() && reference.epci(publisher).isEmpty()) {
            row.reject("publisher", "publisher must be an INSEE commune code or an EPCI's SIREN");
        }
        String unit = indicator == null ? null : unitOf.get(indicator);
        String givenUnit = row.text("unit");
        if (givenUnit != null && unit != null && !givenUnit.toLowerCase(Locale.ROOT).equals(unit)) {
            row.reject("unit", "indicator " + indicatorCode + " is expressed in '" + unit + "'");
        }
        BigDecimal value = value(row, unit);
        if (row.text("value") == null) {
            row.reject("value", "required value is missing");
        }
        if (!row.valid()) {
            return;
        }
        if (!seen.add(code + "|" + indicatorCode + "|" + year)) {
            row.reject("indicator", "a value for commune " + code + ", indicator " + indicatorCode + " and year "
                    + year + " appears earlier in this file");
            return;
        }
        String publisherCode = publisher == null ? code : publisher;
        Node dataSet = dataSet(ids, publisherCode);
        if (dataSetsWritten.add(publisherCode)) {
            describeDataSet(out, ids, reference, publisherCode, "Indicateurs de la charte déclarés par ");
        }
        observation(out, ids, ids.thing("observation", code + "/" + indicatorCode + "/" + year), dataSet, code,
                indicatorCode, year, value, unit, "declared", row.text("note") == null ? List.of()
                        : List.of(NodeFactory.createLiteralString(row.text("note"))));
    }

    private static BigDecimal value(Row row, String unit) {
        String text = row.text("value");
        if (text == null) {
            return null;
        }
        if ("boolean".equals(unit)) {
            Boolean yes = row.bool("value");
            return yes == null ? null : (yes ? BigDecimal.ONE : BigDecimal.ZERO);
        }
        BigDecimal value = row.decimal("value");
        if (value != null && "count".equals(unit) && (value.signum() < 0 || value.stripTrailingZeros().scale() > 0)) {
            row.reject("value", "a count must be a whole number, 0 or more");
            return null;
        }
        return value;
    }

    /** The triples of one observation: the cube's shape, written here for declared and computed values alike. */
    static void observation(RowTriples out, Ids ids, Node obs, Node dataSet, String commune, String indicator,
                            String year, BigDecimal value, String unit, String origin, List<Node> notes) {
        out.add(obs, Core.type, Cube.Observation);
        out.add(obs, Cube.dataSet, dataSet);
        out.add(obs, Tissu.indicator, Tissu.indicatorConcept(indicator));
        out.add(obs, Cube.refArea, ids.commune(commune));
        out.add(obs, Cube.refPeriod, NodeFactory.createLiteralDT(year, XSDDatatype.XSDgYear));
        out.decimal(obs, Tissu.value, value);
        out.add(obs, Cube.unitMeasure, Tissu.concept("unit", unit));
        out.add(obs, Tissu.origin, Tissu.concept("origin", origin));
        notes.forEach(n -> out.add(obs, Cube.comment, n));
    }

    /** The data set of the values {@code publisher} (an INSEE commune code or an EPCI's SIREN) declares. */
    static Node dataSet(Ids ids, String publisher) {
        return ids.thing("dataset", "indicators-" + publisher);
    }

    /** The publishing commune or EPCI's URI. */
    static Node publisher(Ids ids, String code) {
        return code.length() == 9 ? ids.thing("epci", code) : ids.commune(code);
    }

    /** Types the data set of {@code publisher}, links it to the indicators' structure and its publisher. */
    static void describeDataSet(RowTriples out, Ids ids, ReferenceData reference, String publisher, String title) {
        String name = publisher.length() == 9 ? reference.epci(publisher).map(ReferenceData.Epci::name)
                .orElse(publisher)
                : reference.commune(publisher).map(ReferenceData.Commune::name).orElse(publisher);
        describeDataSet(out, dataSet(ids, publisher), publisher(ids, publisher),
                List.of(NodeFactory.createLiteralLang(title + name, "fr")));
    }

    /** Types {@code dataSet}, links it to the indicators' structure, to its publisher (if any) and gives its titles. */
    static void describeDataSet(RowTriples out, Node dataSet, Node publisher, List<Node> titles) {
        out.add(dataSet, Core.type, Cube.DataSet);
        out.add(dataSet, Cube.structure, Tissu.indicatorStructure());
        out.add(dataSet, DCT.publisher, publisher);
        titles.forEach(t -> out.add(dataSet, DCT.title, t));
    }
}
