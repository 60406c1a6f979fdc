package fr.tissu.api.admin;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.RequestContext;

/** A {@code multipart/form-data} request body read part by part with commons-fileupload, streaming. */
final class MultipartForm {
    private MultipartForm() {
    }

    /** The parts of {@code req}'s body, in order, each read as a stream. */
    static FileItemInputIterator items(ServerRequest req) throws FileUploadException, IOException {
        return new Upload().getItemIterator(req);
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
