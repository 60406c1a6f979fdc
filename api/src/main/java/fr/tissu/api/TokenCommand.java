package fr.tissu.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import fr.tissu.api.core.AdminConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tissu token NAME}: makes a new publishing token and prints it once, with the configuration lines that
 * declare it (its SHA-256 only: the service never stores the token itself).
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Make a publishing token for the admin API (POST /admin/loads, the /admin page).",
            "The token is printed once; the configuration keeps only its SHA-256."})
public final class TokenCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "who will hold it (recorded in the provenance of "
            + "what it publishes), e.g. mairie-bruz")
    String name;

    @Option(names = "--source", paramLabel = "PATTERN", description = "a source file it may publish or remove, "
            + "* for any characters (repeatable; default: every source)")
    List<String> sources = new ArrayList<>();

    @Override
    public Integer call() {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            System.err.println("a token name is letters, digits, '.', '_' and '-' (at most 64)");
            return 64;
        }
        String token = AdminConfig.newToken();
        System.out.println("token (give it to " + name + "; it is not shown again): " + token);
        System.out.println();
        System.out.println("in application.yaml, under tissu.admin.tokens:");
        System.out.println("  - name: \"" + name + "\"");
        System.out.println("    sha256: \"" + AdminConfig.sha256(token) + "\"");
        if (!sources.isEmpty()) {
            System.out.println("    sources: [" + String.join(", ", sources.stream().map(s -> "\"" + s + "\"")
                    .toList()) + "]");
        }
        return 0;
    }
}
