package fr.tissu.api.rest;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tissu.api.core.BadParameterException;
import fr.tissu.api.domain.Params;
import fr.tissu.loader.CsvCells;
import fr.tissu.store.Store;
import io.helidon.common.media.type.MediaType;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * What every REST response shares: JSON writing and conditional requests from the store's data
 * version ({@code ETag}, {@code Last-Modified}, {@code 304}, {@code Cache-Control}).
 */
final class RestSupport {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private RestSupport() {
    }

    /** A record as its JSON object (members in component order), to project with {@code fields}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object record) {
        return JSON.convertValue(record, LinkedHashMap.class);
    }

    /** The query string as a map of values, for the filter model. */
    static Map<String, List<String>> params(ServerRequest req) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String name : req.query().names()) {
            map.put(name, new ArrayList<>(req.query().all(name)));
        }
        return map;
    }

    /**
     * Sets the caching headers; returns {@code true} when the client's copy is current and a 304 was sent.
     */
    static boolean notModified(ServerRequest req, ServerResponse res, Store store) {
        String etag = "W/\"" + store.version() + "-" + Integer.toHexString(req.path().rawPath().hashCode() * 31
                + req.query().rawValue().hashCode()) + "\"";
        res.header(HeaderNames.ETAG, etag);
        ZonedDateTime modified = store.lastModified().atZone(ZoneOffset.UTC).withNano(0);
        res.header(HeaderNames.LAST_MODIFIED, HTTP_DATE.format(modified));
        res.header(HeaderNames.CACHE_CONTROL, "public, max-age=60");
        res.header(HeaderNames.VARY, "Accept");
        boolean match = matches(req, etag, modified);
        if (match) {
            res.status(Status.NOT_MODIFIED_304).send();
        }
        return match;
    }

    /**
     * Whether the client's copy is current: {@code If-None-Match} against {@code etag} (weak comparison), or when
     * absent {@code If-Modified-Since} against {@code modified}.
     */
    static boolean matches(ServerRequest req, String etag, ZonedDateTime modified) {
        if (req.headers().contains(HeaderNames.IF_NONE_MATCH)) {
            String weak = etag.startsWith("W/") ? etag.substring(2) : etag;
            return req.headers().first(HeaderNames.IF_NONE_MATCH).map(v -> v.equals("*")
                    || List.of(v.split(",\\s*")).stream().map(t -> t.startsWith("W/") ? t.substring(2) : t)
                            .anyMatch(weak::equals)).orElse(false);
        }
        return req.headers().first(HeaderNames.IF_MODIFIED_SINCE).map(since -> {
            try {
                return !modified.isAfter(ZonedDateTime.parse(since, HTTP_DATE));
            } catch (RuntimeException e) {
                return false;
            }
        }).orElse(false);
    }

    /** Keeps {@code id}, {@code url} and the {@code fields} asked for (all when none); an unknown field is a 400. */
    static Map<String, Object> project(Map<String, Object> item, Set<String> fields) {
        if (fields.isEmpty()) {
            return item;
        }
        for (String field : fields) {
            if (!item.containsKey(field)) {
                throw new BadParameterException("fields", "unknown field '" + field + "' (fields: "
                        + String.join(", ", item.keySet()) + ")");
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        item.forEach((k, v) -> {
            if (k.equals("id") || k.equals("url") || fields.contains(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /**
     * The representation asked for: {@code format=} (one of {@code formats}' keys) wins, then {@code Accept};
     * JSON when the client accepts anything. An unknown format is a 400; an unsatisfiable Accept a 406.
     */
    static String format(ServerRequest req, Params params, Map<String, String> formats) {
        String format = params.one("format");
        if (format != null) {
            if (!formats.containsKey(format)) {
                throw new BadParameterException("format", "expected one of "
                        + String.join(", ", formats.keySet()));
            }
            return format;
        }
        if (!req.headers().contains(HeaderNames.ACCEPT)) {
            return "json";
        }
        List<String> keys = new ArrayList<>(formats.keySet());
        MediaType[] types = keys.stream()
                .map(k -> MediaTypes.create(formats.get(k).replaceAll(";.*", "")))
                .toArray(MediaType[]::new);
        var best = req.headers().bestAccepted(types);
        if (best.isEmpty()) {
            throw new HttpException("this resource is available as "
                    + String.join(", ", formats.values()), Status.NOT_ACCEPTABLE_406, true);
        }
        for (int i = 0; i < types.length; i++) {
            if (types[i].equals(best.get())) {
                return keys.get(i);
            }
        }
        return "json";
    }

    static void json(ServerResponse res, Object body) {
        try {
            res.header(HeaderNames.CONTENT_TYPE, "application/json").send(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small table as CSV (';'-separated, UTF-8, header row), offered as a download named {@code filename}. */
    static void csv(ServerResponse res, List<String> header, List<List<Object>> rows, String filename) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out,
                CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n")
                        .setHeader(header.toArray(String[]::new)).get())) {
            for (List<Object> row : rows) {
                csv.printRecord(row.stream().map(v -> v instanceof BigDecimal d ? d.toPlainString()
                        : CsvCells.guard(v)).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        res.header(HeaderNames.CONTENT_TYPE, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .send(out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
