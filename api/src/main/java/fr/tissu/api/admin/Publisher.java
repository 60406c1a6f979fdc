package fr.tissu.api.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import fr.tissu.api.core.Instance;
import fr.tissu.loader.FileReport;
import fr.tissu.loader.Loader;
import fr.tissu.loader.Publication;

/**
 * The one publication queue of a running service: jobs run one at a time, in the order received, on one thread (one
 * writer; readers are served throughout from the data version before the job until its projections are built).
 * Each job loads its files through the same loader as {@code tissu load}, brings the computed indicators, the search
 * index and the change feed up to date, rebuilds the read model, and then writes the dumps.
 */
final class Publisher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Publisher.class.getName());
    /** Jobs kept for their status page. */
    private static final int KEPT = 200;
    private final Instance tissu;
    private final AuditLog audit;
    private final Path uploads;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("publisher").factory());
    private final Map<String, Job> jobs = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Job> eldest) {
            return size() > KEPT;
        }
    });

    /** A file received and written to disk, with its SHA-256. */
    record Upload(Path path, String sha256) {
    }

    Publisher(Instance tissu, AuditLog audit) {
        this.tissu = tissu;
        this.audit = audit;
        this.uploads = tissu.config().dataDir().resolve("admin").resolve("uploads");
        delete(uploads); // what a stopped service was receiving: its jobs ended with it
    }

    /** A new directory for one job's uploads (removed when the job ends), and the job's id. */
    Path uploadDirectory(String id) {
        try {
            return Files.createDirectories(uploads.resolve(id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the upload directory under " + uploads, e);
        }
    }

    /** Removes what was received for job {@code id} when the job is refused before it is queued. */
    void discard(String id) {
        delete(uploads.resolve(id));
    }

    /** A new job id. */
    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Queues a load of {@code files} (in {@link #uploadDirectory}), published by {@code who}. */
    Job load(String id, String who, List<Upload> files, Loader.Options options) {
        Job job = new Job(id, options.dryRun() ? "validate" : "load", who);
        jobs.put(id, job);
        worker.execute(() -> run(job, files, options));
        return job;
    }

    /** Queues the removal of the source file {@code name}'s graph, asked by {@code who}. */
    Job unload(String who, String name) {
        Job job = new Job(newId(), "unload", who);
        jobs.put(job.id(), job);
        worker.execute(() -> {
            job.start();
            try {
                boolean[] removed = {false};
                tissu.model().publishing(() -> removed[0] = publication().unload(tissu.ids().graph(name)));
                job.done(tissu.store().version());
                audit.record(who, "unload", name, null, removed[0] ? "removed" : "not-found");
                publication().refreshDumps();
                job.dumpsWritten();
            } catch (RuntimeException e) {
                fail(job, who, name, e);
            }
        });
        return job;
    }

    /** A job still remembered. */
    Optional<Job> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private void run(Job job, List<Upload> files, Loader.Options requested) {
        job.start();
        Loader.Options options = requested.within(tissu.config().admin().territory());
        List<Path> paths = files.stream().map(Upload::path).toList();
        try {
            if (options.dryRun()) {
                Loader loader = new Loader(tissu.store(), tissu.ids()); // a dry run only reads the store
                paths.forEach(p -> job.report(loader.load(p, options)));
                job.done(tissu.store().version());
            } else {
                tissu.model().publishing(() -> publication().load(paths, options, job::report));
                job.done(tissu.store().version());
            }
            for (Upload file : files) {
                String name = file.path().getFileName().toString();
                FileReport r = job.reports().stream().filter(report -> report.file().equals(name)).findFirst()
                        .orElse(null);
                audit.record(job.who(), options.dryRun() ? "validate" : "load", name, file.sha256(),
                        r == null ? "not-run" : r.status().name().toLowerCase());
            }
            if (!options.dryRun() && job.reports().stream().anyMatch(Publication::written)) {
                publication().refreshDumps();
            }
            job.dumpsWritten();
        } catch (RuntimeException e) {
            fail(job, job.who(), paths.toString(), e);
        } finally {
            delete(files.isEmpty() ? null : files.getFirst().path().getParent());
        }
    }

    private void fail(Job job, String who, String subject, RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "publication " + job.id() + " failed", e);
        job.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        audit.record(who, "publication", subject, null, "failed: " + e.getMessage());
    }

    private Publication publication() {
        return new Publication(tissu.store(), tissu.index(), tissu.ids(), tissu.config().catalog().spatial(),
                tissu.config().dataDir());
    }

    private static void delete(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not remove the uploads in " + dir, e);
        }
    }

    @Override
    public void close() {
        worker.shutdown();
    }
}
