package fr.tissu.loader.reference;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Derives the reference files Tissu ships (communes, EPCIs, départements, régions) from the official
 * administrative division published by Etalab ({@code @etalab/decoupage-administratif}, MIT licence, figures from
 * INSEE). Run once per new release of that package; the output is committed beside {@code ReferenceData}, which reads
 * it.
 *
 * <p>One row per INSEE code: where a code is both a current commune and a delegated or associated commune, the
 * current commune wins and the other records are kept only as their parent's former parts.
 *
 * <p>With a third argument, the {@code dist/communes.json} of the npm package {@code @etalab/fr-bounding-boxes} 0.1.3
 * (Etalab; bounding boxes of IGN ADMIN EXPRESS contours, 2017, Licence Ouverte 2.0), it also writes
 * {@code commune-boxes.csv.gz}: each current commune's box, or for a commune created since by merging, the box
 * around its delegated communes; delegated and associated communes keep their own box where they have one.
 */
public final class ReferenceDeriver {
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator('\n').get();

    private ReferenceDeriver() {
    }

    /** {@code ReferenceDeriver SOURCE_DIR TARGET_DIR [BOXES_JSON]}. */
    public static void main(String[] args) throws IOException {
        Path source = Path.of(args[0]);
        Path target = Path.of(args[1]);
        ObjectMapper json = new ObjectMapper();
        Files.createDirectories(target);

        try (CSVPrinter out = printer(target.resolve("regions.csv.gz"), "code", "nom")) {
            for (JsonNode r : json.readTree(source.resolve("regions.json").toFile())) {
                out.printRecord(r.path("code").asText(), r.path("nom").asText());
            }
        }
        try (CSVPrinter out = printer(target.resolve("departements.csv.gz"), "code", "nom", "region")) {
            for (JsonNode d : json.readTree(source.resolve("departements.json").toFile())) {
                out.printRecord(d.path("code").asText(), d.path("nom").asText(), d.path("region").asText());
            }
        }
        Map<String, String> epciOf = new HashMap<>();
        try (CSVPrinter out = printer(target.resolve("epci.csv.gz"), "siren", "nom", "type", "population", "membres")) {
            for (JsonNode e : json.readTree(source.resolve("epci.json").toFile())) {
                List<String> members = new ArrayList<>();
                e.path("membres").forEach(m -> {
                    members.add(m.path("code").asText());
                    epciOf.put(m.path("code").asText(), e.path("code").asText());
                });
                out.printRecord(e.path("code").asText(), e.path("nom").asText(), e.path("type").asText(),
                        e.path("populationMunicipale").asText(), String.join("|", members));
            }
        }
        Map<String, JsonNode> byCode = new LinkedHashMap<>();
        for (JsonNode c : json.readTree(source.resolve("communes.json").toFile())) {
            String code = c.path("code").asText();
            JsonNode seen = byCode.get(code);
            if (seen == null || rank(c) < rank(seen)) {
                byCode.put(code, c);
            }
        }
        try (CSVPrinter out = printer(target.resolve("communes.csv.gz"), "code", "type", "nom", "departement",
                "region", "epci", "population", "codes_postaux", "siren", "parent")) {
            for (JsonNode c : byCode.values()) {
                String code = c.path("code").asText();
                String parent = c.has("commune") ? c.path("commune").asText() : c.path("chefLieu").asText("");
                List<String> postCodes = new ArrayList<>();
                c.path("codesPostaux").forEach(p -> postCodes.add(p.asText()));
                out.printRecord(code, c.path("type").asText(), c.path("nom").asText(), c.path("departement").asText(),
                        c.path("region").asText(), epciOf.getOrDefault(code, ""),
                        c.has("population") ? c.path("population").asText() : "", String.join("|", postCodes),
                        c.path("siren").asText(""), parent.equals(code) ? "" : parent);
            }
        }
        System.out.println("derived " + byCode.size() + " communes into " + target);
        if (args.length > 2) {
            boxes(json.readTree(Path.of(args[2]).toFile()), byCode, target.resolve("commune-boxes.csv.gz"));
        }
    }

    /** Writes {@code code;west;south;east;north} (WGS84 degrees) for every commune a box is known for. */
    static void boxes(JsonNode source, Map<String, JsonNode> byCode, Path file) throws IOException {
        Map<String, double[]> box = new HashMap<>();
        for (JsonNode b : source) {
            String id = b.path("id").asText();
            if (id.startsWith("fr:commune:")) {
                JsonNode c = b.path("bbox");
                box.put(id.substring("fr:commune:".length()), new double[] {c.get(0).asDouble(), c.get(1).asDouble(),
                    c.get(2).asDouble(), c.get(3).asDouble()});
            }
        }
        Map<String, List<String>> parts = new HashMap<>();
        for (JsonNode c : byCode.values()) {
            String type = c.path("type").asText();
            if ((type.equals("commune-deleguee") || type.equals("commune-associee")) && c.has("chefLieu")) {
                parts.computeIfAbsent(c.path("chefLieu").asText(), k -> new ArrayList<>()).add(c.path("code").asText());
            }
        }
        Map<String, double[]> out = new TreeMap<>();
        for (JsonNode c : byCode.values()) {
            String code = c.path("code").asText();
            String type = c.path("type").asText();
            if (box.containsKey(code) && !type.equals("arrondissement-municipal")) {
                out.put(code, box.get(code));
            } else if (type.equals("commune-actuelle")) {
                double[] union = null;
                for (String part : parts.getOrDefault(code, List.of())) {
                    double[] b = box.get(part);
                    if (b != null) {
                        union = union == null ? b.clone() : new double[] {Math.min(union[0], b[0]),
                            Math.min(union[1], b[1]), Math.max(union[2], b[2]), Math.max(union[3], b[3])};
                    }
                }
                if (union != null) {
                    out.put(code, union);
                }
            }
        }
        try (CSVPrinter printer = printer(file, "code", "west", "south", "east", "north")) {
            for (Map.Entry<String, double[]> e : out.entrySet()) {
                double[] b = e.getValue();
                printer.printRecord(e.getKey(), fmt(b[0]), fmt(b[1]), fmt(b[2]), fmt(b[3]));
            }
        }
        System.out.println("derived " + out.size() + " commune boxes into " + file);
    }

    private static String fmt(double degrees) {
        return String.format(Locale.ROOT, "%.4f", degrees);
    }

    private static int rank(JsonNode commune) {
        return switch (commune.path("type").asText()) {
            case "commune-actuelle" -> 0;
            case "arrondissement-municipal" -> 1;
            case "commune-deleguee" -> 2;
            default -> 3;
        };
    }

    private static CSVPrinter printer(Path file, String... header) throws IOException {
        Writer writer = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)),
                StandardCharsets.UTF_8);
        return new CSVPrinter(writer, FORMAT.builder().setHeader(header).get());
    }
}
