package fr.tissu.api.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.tissu.loader.FileReport;

/**
 * One publication asked of the running service (a load of files, or the removal of a source), as its status page
 * shows it. Written by the publication thread, read by requests.
 */
final class Job {
    /** Where a job is. */
    enum Status {
        /** Waiting for the jobs before it. */
        QUEUED,
        /** Loading, then bringing the derived data up to date. */
        RUNNING,
        /** Finished: its reports say what each file gave; the new data is served. */
        DONE,
        /** Could not run to its end (the reports say how far it went; the store keeps what had committed). */
        FAILED
    }

    private final String id;
    private final String action;
    private final String who;
    private final Instant submitted = Instant.now();
    private final List<FileReport> reports = new ArrayList<>();
    private volatile Status status = Status.QUEUED;
    private volatile Instant started;
    private volatile Instant finished;
    private volatile String error;
    private volatile long dataVersion = -1;
    private volatile boolean dumpsWritten;

    Job(String id, String action, String who) {
        this.id = id;
        this.action = action;
        this.who = who;
    }

    String id() {
        return id;
    }

    String who() {
        return who;
    }

    Status status() {
        return status;
    }

    void start() {
        started = Instant.now();
        status = Status.RUNNING;
    }

    synchronized void report(FileReport report) {
        reports.add(report);
    }

    synchronized List<FileReport> reports() {
        return List.copyOf(reports);
    }

    void done(long version) {
        dataVersion = version;
        finished = Instant.now();
        status = Status.DONE;
    }

    void failed(String reason) {
        error = reason;
        finished = Instant.now();
        status = Status.FAILED;
    }

    void dumpsWritten() {
        dumpsWritten = true;
    }

    /** The status document: the job, then one report per file as {@code tissu load --report} writes them. */
    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("action", action);
        m.put("status", status.name().toLowerCase());
        m.put("submittedBy", who);
        m.put("submitted", submitted.toString());
        m.put("started", started == null ? null : started.toString());
        m.put("finished", finished == null ? null : finished.toString());
        if (error != null) {
            m.put("error", error);
        }
        m.put("dataVersion", dataVersion < 0 ? null : dataVersion);
        m.put("dumpsWritten", dumpsWritten);
        m.put("files", reports().stream().map(FileReport::json).toList());
        return m;
    }
}
