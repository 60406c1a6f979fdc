package fr.tissu.api.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.NotFoundException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Files under {@code {data-dir}/downloads} at {@code /downloads/…}: strong {@code ETag} (size and modification
 * time), {@code Last-Modified}, {@code 304}, single byte ranges ({@code 206}, {@code 416}), {@code HEAD}, CORS.
 * Nothing outside the folder is reachable: the path is normalised and must stay inside it.
 */
public final class DownloadsService implements HttpService {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final Map<String, String> TYPES = Map.of(
            "json", "application/json", "jsonld", "application/ld+json", "ttl", "text/turtle; charset=utf-8",
            "nt", "application/n-triples", "gz", "application/gzip", "csv", "text/csv; charset=utf-8",
            "rdf", "application/rdf+xml", "nq", "application/n-quads");

    private final Path root;

    /** Serves the files of {@code root} (which may not exist yet). */
    public DownloadsService(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/downloads/{+file}", this::serve).head("/downloads/{+file}", this::serve);
    }

    private void serve(ServerRequest req, ServerResponse res) throws IOException {
        String name = req.path().pathParameters().get("file");
        Path file = root.resolve(name).normalize();
        // a .part file is a dump being written, or left half-written by an interrupted refresh: never served
        if (!file.startsWith(root) || !Files.isRegularFile(file) || Files.isHidden(file)
                || file.getFileName().toString().endsWith(".part")) {
            throw new NotFoundException("no download named " + name);
        }
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        long size = attributes.size();
        long mtime = attributes.lastModifiedTime().toMillis();
        String etag = "\"" + Long.toHexString(size) + "-" + Long.toHexString(mtime) + "\"";
        ZonedDateTime modified = attributes.lastModifiedTime().toInstant().atZone(ZoneOffset.UTC).withNano(0);
        res.header(HeaderNames.ETAG, etag);
        res.header(HeaderNames.LAST_MODIFIED, HTTP_DATE.format(modified));
        res.header(HeaderNames.CACHE_CONTROL, "public, max-age=300");
        res.header(HeaderNames.ACCEPT_RANGES, "bytes");
        String ext = name.substring(name.lastIndexOf('.') + 1);
        res.header(HeaderNames.CONTENT_TYPE, TYPES.getOrDefault(ext, "application/octet-stream"));
        if (RestSupport.matches(req, etag, modified)) {
            res.status(Status.NOT_MODIFIED_304).send();
            return;
        }
        long from = 0;
        long to = size - 1;
        String range = req.headers().first(HeaderNames.RANGE).orElse(null);
        boolean ifRangeOk = req.headers().first(HeaderNames.IF_RANGE).map(etag::equals).orElse(true);
        if (range != null && ifRangeOk) {
            Matcher m = RANGE.matcher(range.trim());
            if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
                if (m.group(1).isEmpty()) {
                    from = Math.max(0, size - Long.parseLong(m.group(2)));
                } else {
                    from = Long.parseLong(m.group(1));
                    to = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
                }
                if (from >= size || from > to) {
                    res.header(HeaderNames.CONTENT_RANGE, "bytes */" + size);
                    res.status(Status.REQUESTED_RANGE_NOT_SATISFIABLE_416).send();
                    return;
                }
                res.status(Status.PARTIAL_CONTENT_206);
                res.header(HeaderNames.CONTENT_RANGE, "bytes " + from + "-" + to + "/" + size);
            }
        }
        long length = to - from + 1;
        res.header(HeaderNames.CONTENT_LENGTH, Long.toString(length));
        if (req.prologue().method() == Method.HEAD) {
            res.send();
            return;
        }
        if (length <= 256 * 1024) {
            try (var channel = Files.newByteChannel(file)) {
                ByteBuffer buffer = ByteBuffer.allocate((int) length);
                channel.position(from);
                while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                    // read the whole range
                }
                res.send(buffer.array());
            }
            return;
        }
        try (InputStream in = Files.newInputStream(file); OutputStream out = res.outputStream()) {
            in.skipNBytes(from);
            byte[] buffer = new byte[64 * 1024];
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new UncheckedIOException(new IOException("file shrank while being sent: " + name));
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }
}
