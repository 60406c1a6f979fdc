package fr.tissu.loader.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tissu validate}: the same checks as {@code load}, without touching the store. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check source files without loading them (the same as load --dry-run).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file is valid", "1:some rows are invalid", "3:a file could not be read",
            "64:bad usage"})
public class ValidateCommand implements Callable<Integer> {
    private final String defaultBase;

    @Option(names = "--format", paramLabel = "FORMAT", description = "force the format: rna, activities, indicators, "
            + "support-points or rdf")
    String format;

    @Option(names = "--report", paramLabel = "FILE", description = "write a JSON report")
    Path report;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "files to check")
    List<Path> files = new ArrayList<>();

    /** A validate command whose URIs default to {@code defaultBase}. */
    public ValidateCommand(String defaultBase) {
        this.defaultBase = defaultBase;
    }

    @Override
    public Integer call() {
        LoadCommand load = new LoadCommand(defaultBase);
        load.dryRun = true;
        load.format = format;
        load.report = report;
        load.files = files;
        return load.call();
    }
}
