package fr.tissu.loader.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import fr.tissu.loader.Territory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tissu validate}: the same checks as {@code load}, without touching the store. The store is read when there
 * is one (to find the activities' associations); a data directory held by a running server, or {@code --server},
 * validates through that server.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check source files without loading them (the same as load --dry-run).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file is valid", "1:some rows are invalid", "3:a file could not be read",
            "4:the service could not be reached, or refused the token", "64:bad usage"})
public class ValidateCommand implements Callable<Integer> {
    private final String defaultBase;
    private final Territory territory;

    @Mixin
    Destination to = new Destination();

    @Option(names = "--format", paramLabel = "FORMAT", description = "force the format: rna, activities, indicators, "
            + "support-points or rdf")
    String format;

    @Option(names = "--report", paramLabel = "FILE", description = "write a JSON report")
    Path report;

    @Option(names = "--require-associations", description = "an activity whose association is not published is an "
            + "error, not a warning")
    boolean requireAssociations;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "files to check")
    List<Path> files = new ArrayList<>();

    /** A validate command whose URIs default to {@code defaultBase}. */
    public ValidateCommand(String defaultBase) {
        this(defaultBase, Territory.EVERYWHERE);
    }

    /** A validate command whose URIs default to {@code defaultBase}, keeping the rows of {@code territory}. */
    public ValidateCommand(String defaultBase, Territory territory) {
        this.defaultBase = defaultBase;
        this.territory = territory;
    }

    @Override
    public Integer call() {
        LoadCommand load = new LoadCommand(defaultBase, null, territory);
        load.dryRun = true;
        load.to = to;
        load.format = format;
        load.report = report;
        load.requireAssociations = requireAssociations;
        load.files = files;
        return load.call();
    }
}
