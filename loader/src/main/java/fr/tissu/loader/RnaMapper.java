package fr.tissu.loader;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import fr.tissu.store.read.ReferenceData;
import fr.tissu.vocabulary.Ids;
import fr.tissu.vocabulary.Tissu;
import fr.tissu.vocabulary.Vocab.Core;
import fr.tissu.vocabulary.Vocab.DCT;
import fr.tissu.vocabulary.Vocab.Org;
import fr.tissu.vocabulary.Vocab.Schema;
import fr.tissu.vocabulary.Vocab.Skos;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Maps the national register of associations ({@code rna_waldec}, 39 columns) to associations. The directors'
 * civility ({@code dir_civilite}) is personal data and is never read. RNA writes "no date" as {@code 0001-01-01}.
 */
final class RnaMapper implements Mapper {
    private static final String NO_DATE = "0001-01-01";

    private final Ids ids;
    private final ReferenceData reference;

    RnaMapper(Ids ids, ReferenceData reference) {
        this.ids = ids;
        this.reference = reference;
    }

    /** The association's seat. */
    @Override
    public String communeColumn() {
        return "adrs_codeinsee";
    }

    @Override
    public Map<Node, String> columns() {
        return Map.of(DCT.identifier, "id", Schema.name, "titre", Schema.foundingDate, "date_creat",
                Schema.dissolutionDate, "date_disso", Org.orgStatus, "position", Tissu.socialObjectCode,
                "objet_social1", Tissu.commune, "adrs_codeinsee", Org.postCode, "adrs_codepostal");
    }

    /** The line each RNA number was first seen on in this file. */
    private final Map<String, Long> seen = new HashMap<>();

    /** xsd:dateTime needs the seconds, which LocalDateTime.toString() leaves out when they are zero. */
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    @Override
    public void map(Row row, RowTriples out) {
        String id = row.rnaNumber("id");
        if (id != null) {
            Long first = seen.putIfAbsent(id, row.line());
            if (first != null) {
                row.reject("id", "duplicate id (first seen at line " + first + ")");
            }
        }
        String title = row.required("titre");
        String position = row.required("position");
        Node status = null;
        if (position != null) {
            status = switch (position) {
                case "A" -> Tissu.concept("status", "active");
                case "D" -> Tissu.concept("status", "dissolved");
                default -> {
                    row.reject("position", "position must be A (active) or D (dissolved)");
                    yield null;
                }
            };
        }
        LocalDate created = date(row, "date_creat");
        LocalDate dissolved = date(row, "date_disso");
        String insee = row.text("adrs_codeinsee");
        Optional<ReferenceData.Commune> commune = reference.commune(insee);
        if (insee != null && commune.isEmpty()) {
            row.reject("adrs_codeinsee", "unknown INSEE commune code");
        }
        String postCode = row.text("adrs_codepostal");
        if (postCode != null && !postCode.matches("[0-9][0-9AB][0-9]{3}")) {
            row.reject("adrs_codepostal", "postal code must have 5 characters");
        }
        List<String> objects = List.of(nonEmpty(row.text("objet_social1")), nonEmpty(row.text("objet_social2")));
        for (int i = 0; i < objects.size(); i++) {
            if (!objects.get(i).isEmpty() && !objects.get(i).matches("[0-9]{6}")) {
                row.reject("objet_social" + (i + 1), "social-object code must have 6 digits");
            }
        }
        if (!row.valid()) {
            return;
        }
        Node a = ids.association(id);
        out.add(a, Core.type, Org.RegisteredOrganization);
        out.add(a, Core.type, Org.FormalOrganization);
        out.add(a, Core.type, Schema.NGO);
        out.text(a, DCT.identifier, id);
        out.text(a, Schema.name, title);
        out.text(a, Org.legalName, title);
        out.text(a, Schema.alternateName, row.text("titre_court"));
        out.text(a, DCT.description, row.text("objet"));
        out.add(a, Org.orgStatus, status);
        out.date(a, Schema.foundingDate, created);
        out.date(a, Schema.dissolutionDate, dissolved);
        for (String code : objects) {
            if (!code.isEmpty() && !code.equals("000000")) {
                out.text(a, Tissu.socialObjectCode, code);
                SocialObjects.theme(code).ifPresent(theme -> out.add(a, DCT.subject, theme));
            }
        }
        identifier(out, a, "rna", id, "Répertoire national des associations");
        String siret = row.text("siret");
        if (siret != null && siret.matches("[0-9]{14}")) {
            identifier(out, a, "siret", siret, "INSEE (SIRENE)");
        }
        commune.ifPresent(c -> out.add(a, Tissu.commune, ids.commune(c.code())));
        address(row, out, a, postCode);
        out.link(a, Org.homepage, row.text("siteweb"));
        String updated = row.text("maj_time");
        if (updated != null) {
            try {
                out.add(a, DCT.modified, NodeFactory.createLiteralDT(
                        LocalDateTime.parse(updated.replace(' ', 'T')).format(DATE_TIME), XSDDatatype.XSDdateTime));
            } catch (DateTimeParseException e) {
                out.date(a, DCT.modified, row.date("maj_time"));
            }
        }
    }

    private static LocalDate date(Row row, String column) {
        return NO_DATE.equals(row.text(column)) ? null : row.date(column);
    }

    private static String nonEmpty(String value) {
        return value == null ? "" : value;
    }

    private static void identifier(RowTriples out, Node a, String kind, String value, String agency) {
        Node id = Ids.part(a, kind);
        out.add(a, Org.identifier, id);
        out.add(id, Core.type, Org.Identifier);
        out.text(id, Skos.notation, value);
        out.text(id, Org.schemaAgency, agency);
    }

    private static void address(Row row, RowTriples out, Node a, String postCode) {
        String street = RowTriples.join(" ", row.text("adrs_numvoie"), row.text("adrs_repetition"),
                row.text("adrs_typevoie"), row.text("adrs_libvoie"));
        String town = row.text("adrs_libcommune");
        String full = RowTriples.join(", ", row.text("adrs_complement"), street, row.text("adrs_distrib"),
                RowTriples.join(" ", postCode, town));
        out.address(a, full, street, postCode, town);
    }
}
