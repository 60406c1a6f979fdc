package fr.tissu.api;

import java.util.concurrent.Callable;

import fr.tissu.api.core.TissuConfig;
import fr.tissu.loader.cli.CompactCommand;
import fr.tissu.loader.cli.ExitCode;
import fr.tissu.loader.cli.GenerateCommand;
import fr.tissu.loader.cli.HarvestCommand;
import fr.tissu.loader.cli.LoadCommand;
import fr.tissu.loader.cli.ReindexCommand;
import fr.tissu.loader.cli.UnloadCommand;
import fr.tissu.loader.cli.ValidateCommand;
import io.helidon.config.Config;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code tissu} command: serve, load, validate, generate, compact, reindex, harvest, token. */
@Command(name = "tissu", mixinStandardHelpOptions = true, version = "tissu 0.1.0",
        description = "Publish a territory's associations, activities and indicators as open, linked data.",
        subcommands = {ServeCommand.class, TokenCommand.class, CommandLine.HelpCommand.class})
public final class TissuCommand implements Callable<Integer> {
    /** Returned by {@code serve}: the server runs until the process is stopped. */
    static final int KEEP_RUNNING = Integer.MIN_VALUE;

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return ExitCode.USAGE.code();
    }

    /** Runs the command line; returns the exit code, or {@link #KEEP_RUNNING} when a server was started. */
    static int run(String... args) {
        TissuConfig config = TissuConfig.create(Config.create().get("tissu"));
        String base = config.baseUri();
        CommandLine cli = new CommandLine(new TissuCommand())
                .addSubcommand("load", new LoadCommand(base, config.catalog().spatial(), config.admin().territory()))
                .addSubcommand("validate", new ValidateCommand(base, config.admin().territory()))
                .addSubcommand("unload", new UnloadCommand(base, config.catalog().spatial()))
                .addSubcommand("generate", new GenerateCommand())
                .addSubcommand("compact", new CompactCommand())
                .addSubcommand("reindex", new ReindexCommand())
                .addSubcommand("harvest", new HarvestCommand(base));
        cli.setParameterExceptionHandler((e, arguments) -> {
            e.getCommandLine().getErr().println(e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return ExitCode.USAGE.code();
        });
        return cli.execute(args);
    }
}
