package fr.tissu.loader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What happened to one file.
 *
 * @param file          the file's name
 * @param format        the detected or forced format
 * @param graph         the named graph it went to (or would go to, for a dry run)
 * @param status        the outcome
 * @param rows          rows (or, for RDF, triples) read
 * @param accepted      rows loaded
 * @param rejected      rows rejected
 * @param outside       rows left out because they are about a commune outside the instance's territory
 * @param triples       triples written
 * @param millis        time taken
 * @param sha256        the file's checksum
 * @param encoding      the encoding it was read in
 * @param problemCount  number of problems found (all of them)
 * @param problems      the problems, the first {@link Loader#MAX_PROBLEMS} of them
 * @param warningCount  number of warnings (things loaded that deserve a look, e.g. an activity whose association
 *                      is not published)
 * @param warnings      the warnings, the first {@link Loader#MAX_PROBLEMS} of them
 */
public record FileReport(String file, String format, String graph, Status status, long rows, long accepted,
                         long rejected, long outside, long triples, long millis, String sha256, String encoding,
                         long problemCount, List<Problem> problems, long warningCount, List<Problem> warnings) {

    /** Copies the lists. */
    public FileReport {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** The outcome for a file. */
    public enum Status {
        /** Every row loaded. */
        LOADED,
        /** Valid rows loaded, invalid rows skipped (--skip-invalid). */
        LOADED_WITH_REJECTIONS,
        /** Invalid rows found in strict mode: nothing loaded, the store is unchanged. */
        REFUSED,
        /** The file could not be read (unknown format, malformed CSV or RDF): nothing loaded. */
        FAILED,
        /** Dry run: every row is valid. */
        VALID,
        /** Dry run: some rows are invalid. */
        INVALID
    }

    /** Rows per second. */
    public long rowsPerSecond() {
        return millis == 0 ? rows * 1000 : rows * 1000 / millis;
    }

    /** Triples per second. */
    public long triplesPerSecond() {
        return millis == 0 ? triples * 1000 : triples * 1000 / millis;
    }

    /** One line for people. */
    public String summary() {
        return String.format("%s: %s (%s) %d rows, %d accepted, %d rejected%s, %d triples in %.1f s (%d rows/s, %d "
                + "triples/s)%s",
                file, status.name().toLowerCase().replace('_', ' '), format, rows, accepted, rejected,
                outside == 0 ? "" : ", " + outside + " outside the territory", triples, millis / 1000.0,
                rowsPerSecond(), triplesPerSecond(), warningCount == 0 ? "" : ", " + warningCount + " warnings");
    }

    /** The report as JSON members, in the order of the {@code --report} file. */
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file);
        m.put("format", format);
        m.put("graph", graph);
        m.put("status", status.name().toLowerCase(Locale.ROOT));
        m.put("rows", rows);
        m.put("accepted", accepted);
        m.put("rejected", rejected);
        m.put("outside", outside);
        m.put("triples", triples);
        m.put("millis", millis);
        m.put("rowsPerSecond", rowsPerSecond());
        m.put("triplesPerSecond", triplesPerSecond());
        m.put("sha256", sha256);
        m.put("encoding", encoding);
        m.put("problemCount", problemCount);
        m.put("problems", json(problems));
        m.put("warningCount", warningCount);
        m.put("warnings", json(warnings));
        return m;
    }

    private static List<Map<String, Object>> json(List<Problem> problems) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Problem p : problems) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("line", p.line());
            pm.put("column", p.column());
            pm.put("value", p.value());
            pm.put("reason", p.reason());
            list.add(pm);
        }
        return list;
    }

    /** A report read back from its JSON ({@link #json()}), as a running service's admin API sends it. */
    public static FileReport fromJson(JsonNode j) {
        return new FileReport(j.path("file").asText(), j.path("format").asText(), text(j.path("graph")),
                Status.valueOf(j.path("status").asText().toUpperCase(Locale.ROOT)), j.path("rows").asLong(),
                j.path("accepted").asLong(), j.path("rejected").asLong(), j.path("outside").asLong(),
                j.path("triples").asLong(), j.path("millis").asLong(), text(j.path("sha256")),
                text(j.path("encoding")), j.path("problemCount").asLong(), problems(j, "problems"),
                j.path("warningCount").asLong(), problems(j, "warnings"));
    }

    private static List<Problem> problems(JsonNode j, String member) {
        List<Problem> problems = new ArrayList<>();
        j.path(member).forEach(p -> problems.add(new Problem(j.path("file").asText(), p.path("line").asLong(),
                text(p.path("column")), text(p.path("value")), p.path("reason").asText())));
        return problems;
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }
}
