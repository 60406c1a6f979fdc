package fr.tissu.loader;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tissu.loader.cli.LoadCommand;
import fr.tissu.loader.cli.UnloadCommand;
import fr.tissu.loader.cli.ValidateCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The load and validate commands: exit codes and the JSON report. */
class CommandsTest {
    @TempDir
    Path dir;

    int run(Object command, String... args) {
        return new CommandLine(command).execute(args);
    }

    @Test
    void validateExitsWithOneAndReportsRowsAsJson() throws Exception {
        List<Map<String, String>> rows = new ArrayList<>(Fixtures.associations(3));
        rows.set(2, Fixtures.association("W350000003", "date_creat", "31/12/1999"));
        Path file = Fixtures.write(dir, "rna.csv", Fixtures.csv(rows), UTF_8);
        Path report = dir.resolve("report.json");
        assertEquals(1, run(new ValidateCommand(Fixtures.BASE), "--report", report.toString(), file.toString()));
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertEquals(1, json.path("exitCode").asInt());
        JsonNode problem = json.path("files").get(0).path("problems").get(0);
        assertEquals(4, problem.path("line").asInt());
        assertEquals("date_creat", problem.path("column").asText());
        assertEquals("31/12/1999", problem.path("value").asText());
        assertTrue(problem.path("reason").asText().contains("not a date"));
        assertTrue(Files.notExists(dir.resolve("data")), "validate must not create a store");
    }

    @Test
    void loadExitCodesSayWhatHappened() {
        Path good = Fixtures.write(dir, "good.csv", Fixtures.csv(Fixtures.associations(2)), UTF_8);
        List<Map<String, String>> rows = new ArrayList<>(Fixtures.associations(2));
        rows.add(Fixtures.association("W350000003", "position", "Z"));
        Path bad = Fixtures.write(dir, "bad.csv", Fixtures.csv(rows), UTF_8);
        String data = dir.resolve("data").toString();
        assertEquals(0, run(new LoadCommand(Fixtures.BASE), "--data", data, good.toString()));
        assertEquals(2, run(new LoadCommand(Fixtures.BASE), "--data", data, bad.toString()));
        assertEquals(1, run(new LoadCommand(Fixtures.BASE), "--data", data, "--skip-invalid", bad.toString()));
        assertEquals(3, run(new LoadCommand(Fixtures.BASE), "--data", data, dir.resolve("missing.csv").toString()));
    }

    @Test
    void aFileWithAnotherDelimiterIsUnreadableNotRejectedRows() throws Exception {
        Path pipes = Fixtures.write(dir, "rna.csv", Fixtures.csv(Fixtures.associations(2)).replace("\";\"", "\"|\""),
                UTF_8);
        Path report = dir.resolve("report.json");
        assertEquals(3, run(new ValidateCommand(Fixtures.BASE), "--report", report.toString(), pipes.toString()));
        assertEquals(3, run(new ValidateCommand(Fixtures.BASE), "--format", "rna", pipes.toString()),
                "even with its format forced");
        JsonNode file = new ObjectMapper().readTree(report.toFile()).path("files").get(0);
        assertEquals("failed", file.path("status").asText());
        assertTrue(file.path("problems").get(0).path("reason").asText().contains("delimiter"), file.toString());
    }

    @Test
    void unloadRemovesASourceByItsFileName() {
        Path good = Fixtures.write(dir, "good.csv", Fixtures.csv(Fixtures.associations(2)), UTF_8);
        String data = dir.resolve("data").toString();
        assertEquals(0, run(new LoadCommand(Fixtures.BASE), "--data", data, good.toString()));
        assertEquals(0, run(new UnloadCommand(Fixtures.BASE, null), "--data", data, "good.csv"));
        assertEquals(2, run(new UnloadCommand(Fixtures.BASE, null), "--data", data, "good.csv"),
                "removed already: nothing to remove");
        assertEquals(0, run(new LoadCommand(Fixtures.BASE), "--data", data, good.toString()), "and loads again");
    }
}
