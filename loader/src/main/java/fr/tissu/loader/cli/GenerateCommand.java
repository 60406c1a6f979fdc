package fr.tissu.loader.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import fr.tissu.loader.sample.SampleGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tissu generate}: writes synthetic source files, for demonstrations and benchmarks. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write synthetic, realistic source files (RNA, activities, indicators, support points) for "
                + "real communes. The same options give the same files.",
            "The data is fictitious and says so in every association's object and activity's description."})
public class GenerateCommand implements Callable<Integer> {
    @Option(names = "--epci", paramLabel = "SIREN", description = "the EPCI whose communes to use (default: "
            + "${DEFAULT-VALUE}, Rennes Métropole)")
    String epci = "243500139";

    @Option(names = "--france", description = "use every commune of France (benchmark scale)")
    boolean france;

    @Option(names = "--associations", description = "number of associations (default: ${DEFAULT-VALUE})")
    int associations = 2000;

    @Option(names = "--activities", description = "number of activities (default: ${DEFAULT-VALUE})")
    int activities = 4000;

    @Option(names = "--seed", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed = 35;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "where to write the files")
    Path out;

    @Override
    public Integer call() {
        SampleGenerator.Spec spec = france ? SampleGenerator.france(associations, activities, seed)
                : SampleGenerator.epci(epci, associations, activities, seed);
        SampleGenerator.Files4 files = new SampleGenerator().generate(spec, out);
        System.out.println("wrote " + files.rna() + ", " + files.activities() + ", " + files.indicators() + ", "
                + files.supportPoints());
        return 0;
    }
}
