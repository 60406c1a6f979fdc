package fr.tissu.api.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import io.helidon.common.media.type.MediaType;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.BadRequestException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.ServerRequest;

/**
 * Content negotiation, one way for every protocol: a {@code format=} parameter names a representation (by one of its
 * names or media types; an unknown value is ignored and {@code Accept} decides), otherwise {@code Accept} does, with
 * RFC 9110 precedence (the most specific range that matches a type gives its quality; ties go to the server's
 * order).
 */
public final class Negotiation {
    private static final List<MediaType> HTML = List.of(MediaTypes.TEXT_HTML,
            MediaTypes.create("application/xhtml+xml"));

    private Negotiation() {
    }

    /**
     * A representation on offer.
     *
     * @param value the representation
     * @param names the values {@code format=} may give for it (lower case)
     * @param types the media types {@code Accept} may ask for it by
     * @param <T>   the representation's type
     */
    public record Offer<T>(T value, List<String> names, List<MediaType> types) {
        /** An offer from media type texts. */
        public static <T> Offer<T> of(T value, List<String> names, String... types) {
            return new Offer<>(value, names, Arrays.stream(types).map(MediaTypes::create).toList());
        }
    }

    /** One range of an {@code Accept} header, in header order. */
    private record Range(String type, String subtype, double q, int position) {
        int specificity() {
            return type.equals("*") ? 0 : subtype.equals("*") ? 1 : 2;
        }

        boolean matches(MediaType t) {
            return (type.equals("*") || type.equalsIgnoreCase(t.type()))
                    && (subtype.equals("*") || subtype.equalsIgnoreCase(t.subtype()));
        }
    }

    /**
     * The representation to send: the one {@code format} names, else the best for {@code Accept} (the first offer
     * when there is no {@code Accept}); empty when nothing offered is acceptable.
     *
     * @throws BadRequestException when the {@code Accept} header cannot be read
     */
    public static <T> Optional<T> choose(ServerRequest req, String format, List<Offer<T>> offers) {
        if (format != null && !format.isBlank()) {
            String wanted = format.trim().toLowerCase(Locale.ROOT);
            for (Offer<T> offer : offers) {
                if (offer.names().contains(wanted) || offer.types().stream().anyMatch(t -> t.text().equals(wanted))) {
                    return Optional.of(offer.value());
                }
            }
        }
        List<Range> ranges = ranges(req);
        if (ranges.isEmpty()) {
            return offers.isEmpty() ? Optional.empty() : Optional.of(offers.get(0).value());
        }
        T best = null;
        double bestQ = 0;
        for (Offer<T> offer : offers) {
            for (MediaType type : offer.types()) {
                double q = quality(ranges, type);
                if (q > bestQ) {
                    bestQ = q;
                    best = offer.value();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Whether a browser is asking: {@code Accept} names {@code text/html} (or XHTML) itself, not through a wildcard,
     * with a higher quality than every type of {@code others} it names, or the same quality and ahead of them.
     */
    public static boolean prefersHtml(ServerRequest req, List<MediaType> others) {
        Range html = null;
        Range other = null;
        for (Range r : ranges(req)) {
            if (r.specificity() < 2 || r.q() <= 0) {
                continue;
            }
            if (html == null && HTML.stream().anyMatch(r::matches)) {
                html = r;
            } else if (others.stream().anyMatch(r::matches) && (other == null || r.q() > other.q())) {
                other = r;
            }
        }
        return html != null && (other == null || html.q() > other.q()
                || html.q() == other.q() && html.position() < other.position());
    }

    /** Whether a browser is asking, against the usual data types (JSON, XML, RDF, CSV). */
    public static boolean prefersHtml(ServerRequest req) {
        return prefersHtml(req, DATA_TYPES);
    }

    private static final List<MediaType> DATA_TYPES = Stream.of("application/json",
                    "application/problem+json", "application/ld+json", "application/sparql-results+json",
                    "application/sparql-results+xml", "text/turtle", "application/n-triples", "application/rdf+xml",
                    "text/csv")
            .map(MediaTypes::create).toList();

    /** The quality {@code ranges} give {@code type}: that of the most specific range matching it, 0 when none. */
    private static double quality(List<Range> ranges, MediaType type) {
        Range chosen = null;
        for (Range r : ranges) {
            if (r.matches(type) && (chosen == null || r.specificity() > chosen.specificity())) {
                chosen = r;
            }
        }
        return chosen == null ? 0 : chosen.q();
    }

    private static List<Range> ranges(ServerRequest req) {
        List<String> values = req.headers().all(HeaderNames.ACCEPT, List::of);
        List<Range> ranges = new ArrayList<>();
        for (String value : values) {
            for (String token : value.split(",")) {
                if (token.isBlank()) {
                    continue;
                }
                try {
                    HttpMediaType m = HttpMediaType.create(token.trim());
                    double q = m.qualityFactor();
                    if (q < 0 || q > 1 || Double.isNaN(q)) {
                        throw new IllegalArgumentException("q out of range");
                    }
                    ranges.add(new Range(m.mediaType().type(), m.mediaType().subtype(), q, ranges.size()));
                } catch (IllegalArgumentException e) {
                    throw new BadRequestException("Accept: cannot read the media range '" + token.trim() + "'");
                }
            }
        }
        return ranges;
    }
}
