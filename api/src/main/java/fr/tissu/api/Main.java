package fr.tissu.api;

import java.util.List;
import java.util.Map;

import fr.tissu.api.admin.AdminService;
import fr.tissu.api.catalog.CatalogService;
import fr.tissu.api.core.BadParameterException;
import fr.tissu.api.core.Instance;
import fr.tissu.api.core.LimitsConfig;
import fr.tissu.api.domain.IndicatorComparison;
import fr.tissu.api.finder.FinderService;
import fr.tissu.api.graphql.GraphQlEngine;
import fr.tissu.api.graphql.GraphQlService;
import fr.tissu.api.html.Html;
import fr.tissu.api.http.Cors;
import fr.tissu.api.http.HeadForGet;
import fr.tissu.api.http.LanguageVary;
import fr.tissu.api.http.LoadShedder;
import fr.tissu.api.http.Problem;
import fr.tissu.api.http.Problems;
import fr.tissu.api.http.SecurityHeaders;
import fr.tissu.api.linkeddata.LinkedDataService;
import fr.tissu.api.linkeddata.VocabularyService;
import fr.tissu.api.rest.ActivitiesService;
import fr.tissu.api.rest.AssociationsService;
import fr.tissu.api.rest.ChangesService;
import fr.tissu.api.rest.CommunesService;
import fr.tissu.api.rest.DownloadsService;
import fr.tissu.api.rest.IndicatorsService;
import fr.tissu.api.rest.OpenApiService;
import fr.tissu.api.rest.PlacesService;
import fr.tissu.api.rest.SearchService;
import fr.tissu.api.sparql.SparqlService;
import fr.tissu.store.QueryTimeoutException;
import fr.tissu.store.StoreException;
import io.helidon.config.Config;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Builds the object graph and starts the server; {@link #main} is the {@code tissu} command line. */
public final class Main {
    private Main() {
    }

    /** The {@code tissu} command. */
    public static void main(String[] args) {
        int exit = TissuCommand.run(args);
        if (exit != TissuCommand.KEEP_RUNNING) {
            System.exit(exit);
        }
    }

    /** Adds the features (health, metrics) and routing of {@code tissu} to a server; used by serve and the tests. */
    public static void server(WebServerConfig.Builder server, Instance tissu) {
        server(server, tissu, new UsageCounter(tissu), LimitsConfig.defaults());
    }

    /** The same, counting requests with {@code usage}, shedding load beyond {@code limits}. */
    public static void server(WebServerConfig.Builder server, Instance tissu, UsageCounter usage,
                              LimitsConfig limits) {
        server.addFeature(ObserveFeature.builder()
                        .endpoint("/")
                        .addObserver(HealthObserver.builder()
                                .details(true)
                                .useSystemServices(false)
                                .addCheck(() -> HealthCheckResponse.builder().status(tissu.store().isReady())
                                        .detail("dataVersion", tissu.store().version()).build(),
                                        HealthCheckType.READINESS, "store")
                                .addCheck(() -> HealthCheckResponse.builder().status(tissu.model().warm()).build(),
                                        HealthCheckType.READINESS, "read-model")
                                .build())
                        .addObserver(MetricsObserver.create())
                        .build())
                .routing(routing -> routing(routing, tissu, usage, limits));
    }

    /**
     * Mounts every protocol service and the error mapping; {@code usage} counts the requests for the indicators;
     * beyond {@code limits}, requests are refused at once.
     */
    public static void routing(HttpRouting.Builder routing, Instance tissu, UsageCounter usage, LimitsConfig limits) {
        routing.addFilter(new Cors()).addFilter(new SecurityHeaders(Html.page("fr", "", "", null, List.of(), null)))
                .addFilter(new LoadShedder(limits)).addFilter(new LanguageVary()).addFilter(usage);
        // Build the read model's projections now rather than on the first request (seconds at France scale).
        Thread.ofPlatform().daemon().name("read-model-warm-up").start(tissu.model()::refresh);
        IndicatorComparison comparison = new IndicatorComparison(tissu);
        HeadForGet rules = new HeadForGet(routing);
        rules.register(services(tissu, comparison).toArray(HttpService[]::new));
        routing.any(rules.otherMethods()); // last: 405 with Allow where the path exists under other methods
        routing.error(Problem.class, Main::problem)
                .error(HttpException.class, (req, res, e) -> Problems.send(req, res, e.status(), e.getMessage()))
                .error(QueryTimeoutException.class, (req, res, e) -> {
                    res.header("Retry-After", "10");
                    Problems.send(req, res, Status.SERVICE_UNAVAILABLE_503, e.getMessage());
                })
                .error(StoreException.class, (req, res, e) -> Problems.send(req, res, Status.BAD_GATEWAY_502,
                        "the store failed to answer: " + e.getMessage()))
                .error(BadParameterException.class, (req, res, e) -> Problems.send(req, res,
                        Status.BAD_REQUEST_400, e.getMessage(), Map.of("parameter", e.parameter())))
                .error(IllegalArgumentException.class, (req, res, e) -> Problems.send(req, res,
                        Status.BAD_REQUEST_400, e.getMessage()))
                .error(RuntimeException.class, (req, res, e) -> {
                    System.getLogger(Main.class.getName()).log(System.Logger.Level.ERROR, "unexpected failure", e);
                    Problems.send(req, res, Status.INTERNAL_SERVER_ERROR_500, "unexpected failure: "
                            + e.getClass().getSimpleName());
                });
    }

    /** Writes a problem a handler threw, with the headers it carries. */
    private static void problem(ServerRequest req, ServerResponse res, Problem e) {
        e.headers().forEach(res::header);
        Problems.send(req, res, e.status(), e.getMessage(), e.extensions());
    }

    /** Every protocol service of {@code tissu}, in routing order (what the routing mounts, and what tests inspect). */
    public static List<HttpService> services(Instance tissu, IndicatorComparison comparison) {
        return List.of(new LinkedDataService(tissu, comparison),
                new FinderService(tissu),
                new VocabularyService(tissu),
                new SparqlService(tissu, tissu.config().sparql()),
                new ActivitiesService(tissu),
                new AssociationsService(tissu),
                new CommunesService(tissu, comparison),
                PlacesService.places(tissu),
                PlacesService.supportPoints(tissu),
                new IndicatorsService(tissu, comparison),
                new SearchService(tissu),
                new ChangesService(tissu),
                new GraphQlService(new GraphQlEngine(tissu, comparison), tissu.config().dataLicense()),
                new OpenApiService(),
                new CatalogService(tissu),
                new DownloadsService(tissu.config().dataDir().resolve("downloads")),
                new AdminService(tissu));
    }

    /** Starts a server for {@code tissu} on {@code port} (0 for any). */
    public static WebServer start(Config config, Instance tissu, int port) {
        WebServerConfig.Builder builder = WebServer.builder().config(config.get("server"));
        UsageCounter usage = new UsageCounter(tissu);
        usage.schedule();
        Follower.start(tissu); // on a shared store, other instances' writes: a daemon thread for the process's life
        server(builder, tissu, usage, LimitsConfig.create(config.get("tissu.limits")));
        if (port >= 0) {
            builder.port(port);
        }
        return builder.build().start();
    }
}
