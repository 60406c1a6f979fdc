package fr.tissu.api.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import fr.tissu.loader.Territory;
import fr.tissu.store.read.ReferenceData;
import io.helidon.config.Config;

/**
 * The {@code tissu.admin} node of the configuration: who may publish through the admin API, and its limits.
 * Tokens are stored as their SHA-256, never in clear: a token is 32 random bytes, so a fast hash is enough (a slow
 * password hash protects guessable secrets, which these are not), and it is compared in constant time.
 *
 * @param tokens         the publishing tokens
 * @param maxUploadBytes the largest file accepted in one upload (413 beyond)
 * @param territory      the communes loads keep rows for ({@code tissu.territory}); the other rows are counted as
 *                       outside the territory
 */
public record AdminConfig(List<Token> tokens, long maxUploadBytes, Territory territory) {
    /** Nobody may publish over HTTP. */
    public static final AdminConfig NONE = new AdminConfig(List.of(), 0);
    /** The default upload limit: 1 GiB, the size of the national RNA file with room to spare. */
    public static final long DEFAULT_MAX_UPLOAD = 1L << 30;

    /** Copies the list; everywhere when no territory is given. */
    public AdminConfig {
        tokens = List.copyOf(tokens);
        territory = territory == null ? Territory.EVERYWHERE : territory;
    }

    /** Tokens and a limit, everywhere. */
    public AdminConfig(List<Token> tokens, long maxUploadBytes) {
        this(tokens, maxUploadBytes, Territory.EVERYWHERE);
    }

    /**
     * One publishing token.
     *
     * @param name    who holds it (recorded in the provenance of what it publishes, and in the audit log)
     * @param sha256  the token's SHA-256, in hexadecimal
     * @param sources the source files it may publish or remove, as file names where {@code *} stands for any
     *                characters (e.g. {@code activites-*.csv}); empty: every source
     */
    public record Token(String name, String sha256, List<String> sources) {
        /** Normalises the hash and copies the list. */
        public Token {
            sha256 = sha256.toLowerCase(Locale.ROOT);
            sources = List.copyOf(sources);
        }

        /** Whether this token may publish or remove the source file {@code name}. */
        public boolean mayPublish(String name) {
            return sources.isEmpty() || sources.stream().anyMatch(glob -> name.matches(
                    java.util.regex.Pattern.quote(glob).replace("*", "\\E.*\\Q")));
        }
    }

    /**
     * Reads the {@code admin} node ({@code tokens}: a list of name, sha256, sources; {@code max-upload-bytes}) and the
     * {@code territory} node: a list of codes, or one value with codes separated by commas or spaces (so that the
     * environment variable {@code TISSU_TERRITORY=243500139} works).
     *
     * @throws IllegalArgumentException for a token without name or hash, or a code the reference data does not know
     */
    public static AdminConfig create(Config admin, Config territory) {
        List<String> codes = new ArrayList<>();
        if (territory.isLeaf()) {
            territory.asString().ifPresent(v -> codes.addAll(List.of(v.strip().split("[,\\s]+"))));
        }
        // a YAML list, or keys by index (TISSU_TERRITORY_0=35) as environment variables give them
        for (int i = 0; territory.get(Integer.toString(i)).exists(); i++) {
            territory.get(Integer.toString(i)).asString().ifPresent(codes::add);
        }
        codes.removeIf(String::isBlank);
        return create(admin).withTerritory(Territory.of(codes, ReferenceData.get()));
    }

    /** The same configuration for {@code t}. */
    public AdminConfig withTerritory(Territory t) {
        return new AdminConfig(tokens, maxUploadBytes, t);
    }

    /** Reads the node: {@code tokens} (a list of name, sha256, sources), {@code max-upload-bytes}. */
    public static AdminConfig create(Config admin) {
        List<Token> tokens = new ArrayList<>();
        // by index rather than as a list node: environment variables (TISSU_ADMIN_TOKENS_0_NAME=…) give keys only
        for (int i = 0; admin.get("tokens." + i + ".name").exists() || admin.get("tokens." + i + ".sha256").exists();
                i++) {
            Config t = admin.get("tokens." + i);
            String name = t.get("name").asString().orElseThrow(() -> new IllegalArgumentException(
                    "tissu.admin.tokens: a token without a name"));
            String hash = t.get("sha256").asString().filter(h -> h.matches("[0-9a-fA-F]{64}"))
                    .orElseThrow(() -> new IllegalArgumentException("tissu.admin.tokens: token '" + name
                            + "' needs sha256, 64 hexadecimal digits (tissu token " + name + " prints it)"));
            tokens.add(new Token(name, hash, t.get("sources").asList(String.class).orElse(List.of())));
        }
        return new AdminConfig(tokens, admin.get("max-upload-bytes").asLong().orElse(DEFAULT_MAX_UPLOAD));
    }

    /** The token an {@code Authorization} header carries, if it is one of ours ({@code Bearer <token>}). */
    public Optional<Token> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        byte[] presented = HexFormat.of().parseHex(sha256(authorization.substring(7).strip()));
        Token found = null;
        for (Token t : tokens) { // every token compared, in constant time: no timing tells which is close
            if (MessageDigest.isEqual(presented, HexFormat.of().parseHex(t.sha256())) && found == null) {
                found = t;
            }
        }
        return Optional.ofNullable(found);
    }

    /** A new random token: 32 bytes from {@link SecureRandom}, URL-safe Base64 without padding. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 of a token, in hexadecimal: what the configuration stores. */
    public static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
