package fr.tissu.loader;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.tissu.store.read.ReferenceData;
import fr.tissu.vocabulary.Ids;
import fr.tissu.vocabulary.Tissu;
import fr.tissu.vocabulary.Vocab.Core;
import fr.tissu.vocabulary.Vocab.DCT;
import fr.tissu.vocabulary.Vocab.Geo;
import fr.tissu.vocabulary.Vocab.Org;
import fr.tissu.vocabulary.Vocab.Schema;
import fr.tissu.vocabulary.Vocab.Skos;
import org.apache.jena.graph.Node;

/**
 * Maps the national digital-inclusion places standard (lieux de médiation numérique, CSV v1.0.2) to
 * digital-support points. Each row is first checked against the standard's own Table Schema.
 */
public final class SupportPointMapper implements Mapper {
    private static final TableSchema SCHEMA = TableSchema.fromResource("lmn/schema.json");

    /** The national standard's columns, in its order (from its own schema). */
    public static List<String> standardColumns() {
        return SCHEMA.fieldNames();
    }

    private final Ids ids;
    private final ReferenceData reference;

    SupportPointMapper(Ids ids, ReferenceData reference) {
        this.ids = ids;
        this.reference = reference;
    }

    @Override
    public String communeColumn() {
        return "code_insee";
    }

    @Override
    public Map<Node, String> columns() {
        return Map.of(Schema.name, "nom", Org.address, "adresse", DCT.modified, "date_maj", Schema.telephone,
                "telephone", Schema.description, "presentation_resume", Geo.lat, "latitude", Geo.lon, "longitude",
                Org.postCode, "code_postal");
    }

    @Override
    public void map(Row row, RowTriples out) {
        SCHEMA.check(row);
        String insee = row.text("code_insee");
        Optional<ReferenceData.Commune> commune = reference.commune(insee);
        if (insee != null && commune.isEmpty()) {
            row.reject("code_insee", "unknown INSEE commune code");
        }
        BigDecimal lat = row.decimal("latitude");
        BigDecimal lon = row.decimal("longitude");
        if (!row.valid()) {
            return;
        }
        String id = row.text("id");
        Node point = ids.thing("support-point", id);
        out.add(point, Core.type, Tissu.SupportPoint);
        out.add(point, Core.type, Schema.Place);
        out.text(point, DCT.identifier, id);
        out.text(point, Schema.name, row.text("nom"));
        Node pivot = Ids.part(point, "pivot");
        out.add(point, Org.identifier, pivot);
        out.add(pivot, Core.type, Org.Identifier);
        out.text(pivot, Skos.notation, row.text("pivot"));
        out.text(pivot, Org.schemaAgency, row.text("pivot").startsWith("W") ? "Répertoire national des associations"
                : "INSEE (SIRENE)");
        commune.ifPresent(c -> out.add(point, Tissu.commune, ids.commune(c.code())));
        out.address(point, RowTriples.join(", ", row.text("adresse"), row.text("complement_adresse"),
                RowTriples.join(" ", row.text("code_postal"), row.text("commune"))), row.text("adresse"),
                row.text("code_postal"), row.text("commune"));
        GeoPoint.add(out, point, lat, lon);
        row.list("telephone").forEach(t -> out.text(point, Schema.telephone, t));
        row.list("courriels").forEach(e -> out.text(point, Schema.email, e));
        row.list("site_web").forEach(url -> out.link(point, Org.homepage, url));
        out.text(point, Schema.openingHours, row.text("horaires"));
        out.text(point, Schema.description, row.text("presentation_resume"));
        out.text(point, DCT.description, row.text("presentation_detail"));
        out.date(point, DCT.modified, row.date("date_maj"));
        row.list("services").forEach(s -> out.text(point, Tissu.service, s));
        row.list("frais_a_charge").stream().filter("Gratuit"::equals).findFirst()
                .ifPresent(free -> out.bool(point, Schema.isAccessibleForFree, true));
        out.add(point, DCT.subject, Tissu.concept("theme", "aide-numerique"));
    }
}
