package fr.tissu.api.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import io.helidon.common.GenericType;
import io.helidon.common.uri.UriQuery;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpPrologue;
import io.helidon.http.Method;
import io.helidon.http.PathMatcher;
import io.helidon.http.PathMatchers;
import io.helidon.http.ServerRequestHeaders;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.ServerResponseTrailers;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRoute;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.http.spi.Sink;

/**
 * HEAD for every GET route (RFC 9110 §9.3.2), in one place: routing rules that give each route accepting GET the
 * HEAD requests of the same path too, answered by the GET handler with the same status and headers and no content.
 * {@code Content-Length} is the length the GET content would have. Routes that handle HEAD themselves keep it.
 * The rules also remember every route, so that {@link #otherMethods()} can answer a request no route takes with
 * 405 and {@code Allow} when its path exists under other methods (RFC 9110 §15.5.6).
 */
public final class HeadForGet implements HttpRules {
    private static final List<Method> METHODS = List.of(Method.GET, Method.HEAD, Method.POST, Method.PUT,
            Method.DELETE, Method.PATCH);
    private final HttpRules rules;
    private final List<HttpRoute> routes;

    /** Rules that register into {@code rules}, each GET route also answering HEAD. */
    public HeadForGet(HttpRules rules) {
        this(rules, new CopyOnWriteArrayList<>());
    }

    private HeadForGet(HttpRules rules, List<HttpRoute> routes) {
        this.rules = rules;
        this.routes = routes;
    }

    @Override
    public HttpRules register(HttpService... services) {
        rules.register(Arrays.stream(services).map(this::wrap).toArray(HttpService[]::new));
        return this;
    }

    @Override
    public HttpRules register(String pathPattern, HttpService... services) {
        // routes under a path prefix are not remembered: their own paths are relative to it
        rules.register(pathPattern, Arrays.stream(services).map(s -> wrap(s, new CopyOnWriteArrayList<>()))
                .toArray(HttpService[]::new));
        return this;
    }

    @Override
    public HttpRules route(HttpRoute route) {
        HeadRoute head = new HeadRoute(route);
        routes.add(head);
        rules.route(head);
        return this;
    }

    /**
     * The handler to route last: a request that no route took gets 405 with {@code Allow} when its path is taken
     * under other methods (OPTIONS: 204 with {@code Allow}); otherwise it goes on to the 404.
     */
    public Handler otherMethods() {
        return (req, res) -> {
            HttpPrologue p = req.prologue();
            List<String> allowed = new ArrayList<>();
            for (Method m : METHODS) {
                HttpPrologue as = HttpPrologue.create(p.rawProtocol(), p.protocol(), p.protocolVersion(), m,
                        p.uriPath(), p.query(), p.fragment());
                if (routes.stream().anyMatch(r -> r.accepts(as).accepted())) {
                    allowed.add(m.text());
                }
            }
            if (allowed.isEmpty()) {
                res.next();
                return;
            }
            String allow = String.join(", ", allowed);
            if (p.method() == Method.OPTIONS) {
                res.header(HeaderNames.ALLOW, allow).status(Status.NO_CONTENT_204).send();
                return;
            }
            throw new Problem(Status.METHOD_NOT_ALLOWED_405, p.method().text() + " is not allowed here; "
                    + p.uriPath().path() + " takes " + allow).header(HeaderNames.ALLOW.defaultCase(), allow);
        };
    }

    private HttpService wrap(HttpService service) {
        return wrap(service, routes);
    }

    private static HttpService wrap(HttpService service, List<HttpRoute> routes) {
        return new HttpService() {
            @Override
            public void routing(HttpRules inner) {
                service.routing(new HeadForGet(inner, routes));
            }

            @Override
            public void beforeStart() {
                service.beforeStart();
            }

            @Override
            public void afterStop() {
                service.afterStop();
            }
        };
    }

    /** A route that also takes HEAD where it takes GET. */
    private record HeadRoute(HttpRoute route) implements HttpRoute {
        @Override
        public PathMatchers.MatchResult accepts(HttpPrologue prologue) {
            PathMatchers.MatchResult own = route.accepts(prologue);
            return own.accepted() || prologue.method() != Method.HEAD ? own : route.accepts(asGet(prologue));
        }

        @Override
        public PathMatchers.MatchResult accepts(HttpPrologue prologue, ServerRequestHeaders headers) {
            PathMatchers.MatchResult own = route.accepts(prologue, headers);
            return own.accepted() || prologue.method() != Method.HEAD ? own
                    : route.accepts(asGet(prologue), headers);
        }

        @Override
        public Handler handler() {
            Handler handler = route.handler();
            return (req, res) -> {
                if (req.prologue().method() == Method.HEAD && !route.accepts(req.prologue()).accepted()) {
                    handler.handle(req, new HeadResponse(res));
                } else {
                    handler.handle(req, res);
                }
            };
        }

        @Override
        public Optional<PathMatcher> pathMatcher() {
            return route.pathMatcher();
        }

        @Override
        public void beforeStart() {
            route.beforeStart();
        }

        @Override
        public void afterStop() {
            route.afterStop();
        }

        private static HttpPrologue asGet(HttpPrologue p) {
            return HttpPrologue.create(p.rawProtocol(), p.protocol(), p.protocolVersion(), Method.GET, p.uriPath(),
                    p.query(), p.fragment());
        }
    }

    /**
     * Sends the headers of an answer to HEAD, with {@code length}, the length the GET content would have, and no
     * content.
     */
    public static void sendHeadersOnly(ServerResponse res, long length) {
        res.header(HeaderNames.CONTENT_LENGTH, Long.toString(length));
        res.send(new byte[0]);
    }

    /** The response of a GET handler run for a HEAD request: headers pass, content is counted and dropped. */
    static final class HeadResponse implements ServerResponse {
        private final ServerResponse res;
        private Counter counter;

        HeadResponse(ServerResponse res) {
            this.res = res;
        }

        @Override
        public ServerResponse status(Status status) {
            res.status(status);
            return this;
        }

        @Override
        public Status status() {
            return res.status();
        }

        @Override
        public ServerResponse header(Header header) {
            res.header(header);
            return this;
        }

        @Override
        public void send() {
            res.send();
        }

        @Override
        public void send(byte[] bytes) {
            sendHeadersOnly(res, bytes.length);
        }

        @Override
        public void send(Object entity) {
            if (entity instanceof byte[] bytes) {
                send(bytes);
            } else if (entity instanceof String text) {
                Charset charset = res.headers().contentType().flatMap(t -> t.charset()).map(Charset::forName)
                        .orElse(StandardCharsets.UTF_8);
                send(text.getBytes(charset));
            } else if (entity instanceof Optional<?> o) {
                if (o.isPresent()) {
                    send(o.get());
                } else {
                    send();
                }
            } else {
                throw new IllegalStateException("HEAD: no length for an entity of " + entity.getClass());
            }
        }

        @Override
        public boolean isSent() {
            return res.isSent();
        }

        @Override
        public OutputStream outputStream() {
            counter = new Counter();
            return counter;
        }

        @Override
        public long bytesWritten() {
            return 0;
        }

        @Override
        public ServerResponse whenSent(Runnable listener) {
            res.whenSent(listener);
            return this;
        }

        @Override
        public ServerResponse reroute(String newPath) {
            res.reroute(newPath);
            return this;
        }

        @Override
        public ServerResponse reroute(String path, UriQuery query) {
            res.reroute(path, query);
            return this;
        }

        @Override
        public ServerResponse next() {
            res.next();
            return this;
        }

        @Override
        public ServerResponseHeaders headers() {
            return res.headers();
        }

        @Override
        public ServerResponseTrailers trailers() {
            return res.trailers();
        }

        @Override
        public void streamResult(String result) {
            res.streamResult(result);
        }

        @Override
        public <T extends Sink<?>> T sink(GenericType<T> sinkType) {
            throw new UnsupportedOperationException("no event stream in answer to HEAD");
        }

        @Override
        public void streamFilter(UnaryOperator<OutputStream> filterFunction) {
            // nothing is written
        }

        /** Counts what the GET handler writes; closing it sends the headers. */
        private final class Counter extends OutputStream {
            private long count;
            private boolean closed;

            @Override
            public void write(int b) {
                count++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                count += len;
            }

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    sendHeadersOnly(res, count);
                }
            }
        }
    }
}
