package fr.tissu.api.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import fr.tissu.api.core.AdminConfig;
import fr.tissu.api.http.Problem;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.RequestContext;

/** A {@code multipart/form-data} request body read part by part with commons-fileupload, streaming to disk. */
final class MultipartForm {
    private MultipartForm() {
    }

    /** The form's fields (their first 1,000 bytes) and its files, written to a directory, with their SHA-256. */
    record Received(Map<String, String> fields, List<Publisher.Upload> files) {
    }

    /**
     * Reads a form whose files {@code token} publishes: each file is checked (name, the token's sources, at most
     * {@code max} bytes) and written to {@code dir} as it streams in; a refusal is recorded in {@code audit} and
     * thrown as a {@link Problem}, after {@code discard} has removed what was written.
     */
    static Received receive(ServerRequest req, Supplier<Path> dir, AdminConfig.Token token, long max,
                            AuditLog audit, Runnable discard) {
        try {
            return read(req, dir, token, max, audit);
        } catch (RuntimeException e) {
            discard.run();
            throw e;
        }
    }

    private static Received read(ServerRequest req, Supplier<Path> dir, AdminConfig.Token token, long max,
                                 AuditLog audit) {
        Map<String, String> fields = new HashMap<>();
        List<Publisher.Upload> files = new ArrayList<>();
        try {
            FileItemInputIterator items = new Upload().getItemIterator(req);
            while (items.hasNext()) {
                FileItemInput item = items.next();
                try (InputStream in = item.getInputStream()) {
                    if (item.isFormField()) {
                        fields.put(item.getFieldName(), new String(in.readNBytes(1000), StandardCharsets.UTF_8));
                        continue;
                    }
                    if (item.getName() == null || item.getName().isBlank()) {
                        continue; // a file input left empty
                    }
                    String name = Uploads.sourceName(item.getName());
                    if (!token.mayPublish(name)) {
                        audit.record(token.name(), "load", name, null, "403");
                        throw new Problem(Status.FORBIDDEN_403, "the token '" + token.name() + "' may not publish "
                                + name + " (its sources: " + token.sources() + ")");
                    }
                    Path file = dir.get().resolve(name);
                    if (files.stream().anyMatch(f -> f.path().equals(file))) {
                        throw new Problem(Status.BAD_REQUEST_400, "two files named " + name + " in one upload");
                    }
                    String sha256 = Uploads.receive(in, file, max);
                    if (sha256 == null) {
                        audit.record(token.name(), "load", name, null, "413");
                        throw Uploads.tooLarge(max);
                    }
                    files.add(new Publisher.Upload(file, sha256));
                }
            }
        } catch (FileUploadException e) {
            throw new Problem(Status.BAD_REQUEST_400, "the form could not be read: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Received(fields, files);
    }

    /** The multipart parser of commons-fileupload over a Helidon request, streaming (nothing kept in memory). */
    private static final class Upload extends AbstractFileUpload<ServerRequest, DiskFileItem, DiskFileItemFactory> {
        @Override
        public FileItemInputIterator getItemIterator(ServerRequest request) throws FileUploadException, IOException {
            return getItemIterator(new Context(request));
        }

        @Override
        public Map<String, List<DiskFileItem>> parseParameterMap(ServerRequest request) throws FileUploadException {
            return parseParameterMap(new Context(request));
        }

        @Override
        public List<DiskFileItem> parseRequest(ServerRequest request) throws FileUploadException {
            return parseRequest(new Context(request));
        }
    }

    /** A Helidon request as commons-fileupload reads one. */
    private record Context(ServerRequest req) implements RequestContext {
        @Override
        public String getCharacterEncoding() {
            return "UTF-8";
        }

        @Override
        public long getContentLength() {
            return req.headers().contentLength().orElse(-1);
        }

        @Override
        public String getContentType() {
            return req.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        }

        @Override
        public InputStream getInputStream() {
            return req.content().inputStream();
        }

        @Override
        public boolean isMultipartRelated() {
            return getContentType().toLowerCase(Locale.ROOT).startsWith("multipart/related");
        }
    }
}
