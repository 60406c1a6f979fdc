package fr.tissu.api.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerResponse;

/**
 * The security headers of every response, errors included: no MIME sniffing, the referrer cut to the origin across
 * sites, no framing, and a Content-Security-Policy that allows only this site's own scripts, styles, images and
 * fetches, plus the inline {@code <style>} and {@code <script>} blocks a page names by hash. The default policy is
 * that of the site's pages (their one inline style block); a page with other inline blocks sets its own with
 * {@link #policy(ServerResponse, String)}, which hashes them from the page itself.
 */
public final class SecurityHeaders implements Filter {
    static final HeaderName CSP = HeaderNames.create("Content-Security-Policy");
    private static final HeaderName REFERRER_POLICY = HeaderNames.create("Referrer-Policy");
    private static final HeaderName NO_SNIFF = HeaderNames.create("X-Content-Type-Options");
    private static final HeaderName FRAME_OPTIONS = HeaderNames.create("X-Frame-Options");
    private static final Pattern INLINE = Pattern.compile("<(style|script)>(.*?)</\\1>", Pattern.DOTALL);
    private final String defaultPolicy;

    /** The filter, with the policy fitted to {@code page}: a page of the site, whose inline blocks are allowed. */
    public SecurityHeaders(String page) {
        this.defaultPolicy = policyFor(page);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        res.header(NO_SNIFF, "nosniff");
        res.header(REFERRER_POLICY, "strict-origin-when-cross-origin");
        res.header(FRAME_OPTIONS, "DENY");
        res.header(CSP, defaultPolicy);
        chain.proceed();
    }

    /** Sets the policy of {@code html}, a page with inline blocks of its own, and returns the page. */
    public static String policy(ServerResponse res, String html) {
        res.header(CSP, policyFor(html));
        return html;
    }

    /**
     * Sets the headers of {@code html}, a page made to be framed by any site (the widget): its policy, with
     * {@code frame-ancestors *} instead of {@code 'none'}, and no {@code X-Frame-Options}; returns the page.
     */
    public static String framable(ServerResponse res, String html) {
        res.headers().remove(FRAME_OPTIONS);
        res.header(CSP, policyFor(html).replace("frame-ancestors 'none'", "frame-ancestors *"));
        return html;
    }

    /**
     * The policy for {@code html}: nothing from other sites, no plugin, no framing, no {@code <base>}; the inline
     * {@code <style>} and {@code <script>} blocks it holds allowed by their SHA-256 (as written, between the tags).
     */
    static String policyFor(String html) {
        StringBuilder styles = new StringBuilder("'self'");
        StringBuilder scripts = new StringBuilder("'self'");
        Matcher m = INLINE.matcher(html);
        while (m.find()) {
            (m.group(1).equals("style") ? styles : scripts).append(" 'sha256-").append(sha256(m.group(2))).append('\'');
        }
        return "default-src 'none'; script-src " + scripts + "; style-src " + styles + "; img-src 'self' data:; "
                + "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
