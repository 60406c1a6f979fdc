package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.helidon.http.ClientResponseHeaders;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every response, errors and downloads included, carries the security headers; every HTML page's policy allows
 * exactly the inline blocks it holds (each one's SHA-256, computed here from the page as served) and the page has
 * no inline style attribute or event handler, which no hash can allow.
 */
@ServerTest
@Tag(SharedSample.TAG)
class SecurityHeadersTest {
    private static final String HTML = "text/html";
    private static final Pattern INLINE = Pattern.compile("<(style|script)>(.*?)</\\1>", Pattern.DOTALL);
    private final Http1Client client;

    SecurityHeadersTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        Main.server(server, TestData.shared());
    }

    @Test
    void everyResponseCarriesThem() {
        String[][] requests = {
            {"/api/v1/associations?limit=2", "application/json"},
            {"/api/v1/activities?limit=2&format=csv", "*/*"},
            {"/api/v1/associations/W999999999", "application/json"},
            {"/api/v1/associations?limit=x", "application/json"},
            {"/sparql?query=ASK%7B%7D", "application/sparql-results+json"},
            {"/downloads/", "*/*"},
            {"/id/commune/35238", "text/turtle"},
            {"/id/commune/35238", HTML},
            {"/id/commune/35238?lang=en", HTML},
            {"/", HTML},
            {"/catalog", HTML},
            {"/sparql", HTML},
            {"/graphql", HTML},
            {"/openapi/ui", HTML},
            {"/admin", HTML},
            {"/id/commune/00000", HTML},
            {"/trouver?where=Rennes&theme=judo", HTML},
            {"/trouver?age=huit", HTML},
        };
        for (String[] r : requests) {
            int q = r[0].indexOf('?');
            Http1ClientRequest req = client.get(q < 0 ? r[0] : r[0].substring(0, q)).header(HeaderNames.ACCEPT, r[1]);
            if (q >= 0) {
                for (String param : r[0].substring(q + 1).split("&")) {
                    String[] pair = param.split("=", 2);
                    req.queryParam(pair[0], URLDecoder.decode(pair[1], StandardCharsets.UTF_8));
                }
            }
            try (Http1ClientResponse res = req.request()) {
                check(r[0] + " (" + r[1] + ", " + res.status().code() + ")", res.headers(), res.as(String.class));
            }
        }
    }

    private static void check(String where, ClientResponseHeaders headers, String body) {
        assertEquals("nosniff", headers.first(HeaderNames.create("X-Content-Type-Options")).orElse(null),
                where);
        assertEquals("strict-origin-when-cross-origin",
                headers.first(HeaderNames.create("Referrer-Policy")).orElse(null), where);
        assertEquals("DENY", headers.first(HeaderNames.create("X-Frame-Options")).orElse(null), where);
        String csp = headers.first(HeaderNames.create("Content-Security-Policy")).orElse("");
        assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'none'")
                && !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), where + ": " + csp);
        if (headers.contentType().map(t -> t.text().startsWith(HTML)).orElse(false)) {
            allowsExactlyItsInlineBlocks(where, body, csp);
        }
    }

    private static void allowsExactlyItsInlineBlocks(String where, String html, String csp) {
        Matcher m = INLINE.matcher(html);
        int blocks = 0;
        while (m.find()) {
            String hash = "'sha256-" + sha256(m.group(2)) + "'";
            String directive = m.group(1).equals("style") ? "style-src" : "script-src";
            String allowed = csp.substring(csp.indexOf(directive), csp.indexOf(';', csp.indexOf(directive)));
            assertTrue(allowed.contains(hash), where + ": " + directive + " must allow the inline block " + hash);
            blocks++;
        }
        assertEquals(blocks, csp.split("'sha256-", -1).length - 1, where + ": the policy allows only its blocks");
        assertFalse(Pattern.compile("<[^>]+\\sstyle=\"").matcher(html).find(), where + ": an inline style attribute");
        assertFalse(Pattern.compile("<[^>]+\\son[a-z]+=\"").matcher(html).find(), where + ": an inline handler");
        assertFalse(html.contains("<script>") && !csp.contains("script-src 'self' 'sha256-"), where);
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
