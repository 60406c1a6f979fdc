package fr.tissu.api.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every publishing attempt, accepted or refused, one JSON line each in {@code DATA/admin/audit.log}: when, who (the
 * token's name, or {@code null} without a valid token), what (action, file, its SHA-256) and the result. Nothing
 * about the public's requests goes here.
 */
final class AuditLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    AuditLog(Path dataDir) {
        this.file = dataDir.resolve("admin").resolve("audit.log");
    }

    /** Appends one attempt. */
    synchronized void record(String who, String action, String subject, String sha256, String result) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put("who", who);
        line.put("action", action);
        line.put("subject", subject);
        line.put("sha256", sha256);
        line.put("result", result);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit log " + file, e);
        }
    }
}
