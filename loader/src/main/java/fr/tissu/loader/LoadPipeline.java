package fr.tissu.loader;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import fr.tissu.store.GraphWriter;
import org.apache.jena.graph.Triple;

/**
 * A reader thread hands batches of accepted triples to the calling thread, which owns the store's write
 * transaction (TDB2 transactions belong to one thread). A bounded queue keeps memory flat.
 */
final class LoadPipeline {
    private static final List<Triple> END = new ArrayList<>(0);
    private final BlockingQueue<List<Triple>> queue = new ArrayBlockingQueue<>(4);

    void put(List<Triple> triples) {
        try {
            queue.put(triples);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("load abandoned");
        }
    }

    <T> T run(Callable<T> reader, GraphWriter writer) {
        FutureTask<T> task = new FutureTask<>(() -> {
            try {
                return reader.call();
            } finally {
                try {
                    queue.put(END);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        Thread.ofPlatform().name("tissu-load-reader").daemon().start(task);
        try {
            for (List<Triple> batch = queue.take(); batch != END; batch = queue.take()) {
                batch.forEach(writer::add);
            }
            return task.get();
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("load interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (RuntimeException e) {
            task.cancel(true);
            throw e;
        }
    }
}
