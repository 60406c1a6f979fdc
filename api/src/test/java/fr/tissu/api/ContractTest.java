package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.TreeSet;

import fr.tissu.api.core.Instance;
import fr.tissu.api.domain.IndicatorComparison;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The contract lists exactly the routed REST paths, and is served with a browsable page. */
@ServerTest
@Tag(SharedSample.TAG)
class ContractTest {
    private final Http1Client client;

    ContractTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        Main.server(server, TestData.shared());
    }

    /** The paths a service routes, read by handing it rules that only record. */
    static Set<String> routed(HttpService service) {
        Set<String> paths = new TreeSet<>();
        HttpRules[] self = new HttpRules[1];
        self[0] = (HttpRules) Proxy.newProxyInstance(HttpRules.class.getClassLoader(), new Class<?>[] {HttpRules.class},
                (proxy, method, args) -> {
                    if (args != null && args.length > 0 && args[0] instanceof String path) {
                        paths.add(path);
                    }
                    return method.getReturnType().isInstance(proxy) ? proxy : null;
                });
        service.routing(self[0]);
        return paths;
    }

    @Test
    void everyRoutedRestPathIsInTheContractAndNothingElse() {
        Instance tissu = TestData.shared();
        Set<String> routed = new TreeSet<>();
        // every service the server mounts, so that a new REST service cannot be left out of the contract
        for (HttpService service : Main.services(tissu, new IndicatorComparison(tissu))) {
            routed(service).stream().filter(p -> p.startsWith("/api/v1/")).forEach(routed::add);
        }
        assertTrue(routed.size() >= 8, "the REST paths were found: " + routed);
        assertEquals(Contract.paths(), routed);
    }

    @Test
    void theOracleRejectsResponsesThatBreakTheContract() {
        Contract.check("GET", "/api/v1/activities", 200, "application/json",
                "{\"total\":1,\"limit\":20,\"items\":[],\"links\":{\"self\":\"/api/v1/activities\"}}");
        org.junit.jupiter.api.Assertions.assertThrows(org.opentest4j.AssertionFailedError.class, () -> Contract.check(
                "GET", "/api/v1/activities", 200, "application/json", "{\"total\":\"many\",\"items\":[{}]}"));
        org.junit.jupiter.api.Assertions.assertThrows(org.opentest4j.AssertionFailedError.class, () -> Contract.check(
                "GET", "/api/v1/activities", 500, "application/problem+json", "{}"));
        org.junit.jupiter.api.Assertions.assertThrows(org.opentest4j.AssertionFailedError.class, () -> Contract.check(
                "GET", "/api/v1/spaceships", 200, "application/json", "{}"));
        org.junit.jupiter.api.Assertions.assertThrows(org.opentest4j.AssertionFailedError.class, () -> Contract.check(
                "GET", "/api/v1/associations", 200, "text/csv", ""));
    }

    @Test
    void theContractIsServedAsYamlJsonAndAPage() {
        try (Http1ClientResponse res = client.get("/openapi").request()) {
            assertTrue(res.as(String.class).startsWith("openapi: 3.1.0"));
        }
        try (Http1ClientResponse res = client.get("/openapi").header(HeaderNames.ACCEPT, "application/json")
                .request()) {
            assertTrue(res.as(String.class).startsWith("{\"openapi\":\"3.1.0\""));
        }
        try (Http1ClientResponse res = client.get("/openapi/ui").request()) {
            String html = res.as(String.class);
            assertTrue(html.contains("/openapi/ui/swagger-ui-bundle.js"));
            assertTrue(!html.matches("(?s).*(src|href)=\"https?://.*"), "nothing from another host");
        }
        try (Http1ClientResponse res = client.get("/openapi/ui/swagger-ui-bundle.js").request()) {
            assertEquals(200, res.status().code());
            assertTrue(res.as(String.class).length() > 100_000);
        }
    }
}
