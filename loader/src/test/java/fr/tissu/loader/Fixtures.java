package fr.tissu.loader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.tissu.loader.sample.SampleGenerator;

/** Small real-format source files written by the tests. */
final class Fixtures {
    static final String BASE = "http://data.example.org";

    private Fixtures() {
    }

    /** A valid RNA row for {@code id}, with some columns changed. */
    static Map<String, String> association(String id, String... overrides) {
        Map<String, String> row = new LinkedHashMap<>();
        for (String column : SampleGenerator.RNA_COLUMNS) {
            row.put(column, "");
        }
        row.put("id", id);
        row.put("gestion", "351P");
        row.put("date_creat", "1998-03-14");
        row.put("date_decla", "1998-03-20");
        row.put("date_publi", "1998-04-11");
        row.put("date_disso", "0001-01-01");
        row.put("nature", "D");
        row.put("groupement", "S");
        row.put("titre", "Judo Club de Rennes " + id);
        row.put("objet", "Pratique et enseignement du judo");
        row.put("objet_social1", "011050");
        row.put("adrs_numvoie", "12");
        row.put("adrs_typevoie", "RUE");
        row.put("adrs_libvoie", "de Brest");
        row.put("adrs_codeinsee", "35238");
        row.put("adrs_codepostal", "35000");
        row.put("adrs_libcommune", "RENNES");
        row.put("dir_civilite", "MME");
        row.put("siteweb", "www.judo-rennes.example");
        row.put("position", "A");
        row.put("maj_time", "2021-08-10 13:45:21");
        for (int i = 0; i < overrides.length; i += 2) {
            row.put(overrides[i], overrides[i + 1]);
        }
        return row;
    }

    /** A {@code ;}-separated, quoted CSV of {@code rows} (header from the first row's keys). */
    static String csv(List<Map<String, String>> rows) {
        StringBuilder s = new StringBuilder();
        s.append(String.join(";", rows.get(0).keySet().stream().map(Fixtures::quote).toList())).append("\r\n");
        for (Map<String, String> row : rows) {
            s.append(String.join(";", row.values().stream().map(Fixtures::quote).toList())).append("\r\n");
        }
        return s.toString();
    }

    static List<Map<String, String>> associations(int n) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            rows.add(association(String.format("W35%07d", i)));
        }
        return rows;
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    static Path write(Path dir, String name, String content, Charset charset) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, content, charset);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path dir, String name, byte[] content) {
        try {
            Path file = dir.resolve(name);
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String activities(String... rows) {
        return String.join(";", SampleGenerator.ACTIVITY_COLUMNS) + "\n" + String.join("\n", rows) + "\n";
    }

    /** A valid activity row (columns as in the template), with the given fields replaced by index. */
    static String activity(String id, String... overrides) {
        String[] values = {id, "W350000001", "Judo enfants", "Cours de judo pour les 6-11 ans", "judo",
            "Dojo Colette", "12 rue de Brest", "35000", "35238", "48.1113", "-1.6800", "mercredi|samedi", "16:30",
            "17:30", "2025-09-01", "2026-06-30", "6", "11", "enfants", "120", "oui", "fr", "https://judo.example/inscription",
            "contact@judo.example", "02 99 00 00 00"};
        for (int i = 0; i < overrides.length; i += 2) {
            int index = List.of(SampleGenerator.ACTIVITY_COLUMNS).indexOf(overrides[i]);
            values[index] = overrides[i + 1];
        }
        return String.join(";", values);
    }
}
