package fr.tissu.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.base.record.RecordFactory;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.dboe.transaction.txn.TransactionalComponentLifecycle;
import org.apache.jena.dboe.transaction.txn.TransactionalComponentLifecycle.ComponentState;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Adds quads to TDB2's six quad indexes inside the calling thread's write transaction, the way a bulk loader does
 * but without leaving that transaction: the calling thread turns nodes into node ids (the node table belongs to
 * it) and gathers them in chunks; each chunk is then sorted in each index's key order and inserted by index-writer
 * threads, one group of indexes per thread, while the calling thread prepares the next chunk.
 *
 * <p>Why: adding quads one by one inserts each into six B+trees at random places, so a load touches pages all over
 * indexes that, at France scale, no longer fit in memory; its rate fell from ~1,200 to ~330 rows/s as the store
 * grew. Sorted chunks sweep each index in order, and the six indexes are written on as many cores as there are.
 *
 * <p>How: a B+tree's transaction state is held per thread by TDB2; each index-writer thread takes over the state of
 * its indexes from the transaction's thread ({@link TransactionalComponentLifecycle#getComponentState()}) and the
 * two never use one index at the same time: the calling thread waits for the writers before it reads, commits or
 * aborts ({@link #flush()}). Duplicate quads are harmless (a B+tree keeps one record per key).
 */
final class SortedQuadWriter implements AutoCloseable {
    /**
     * Quads per chunk for a heap of {@code maxHeap} bytes and {@code threads} index writers: a quad takes 32 bytes in
     * each of the two gathering buffers and in each writer's sorted copy; all of it stays within an eighth of the
     * heap (a live publication shares the server's heap), between 100,000 and 4M quads. Larger chunks sweep the
     * indexes fewer times.
     */
    static int chunkFor(long maxHeap, int threads) {
        long perQuad = 32L * (2 + Math.clamp(threads, 1, 6));
        return (int) Math.clamp(maxHeap / 8 / perQuad, 100_000L, 4_000_000L);
    }
    private static final int QUAD = 4 * NodeId.SIZE;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /** One index, its key order, and a way to take over its transaction state on another thread. */
    private record Index(TupleIndex source, BPlusTree tree, RecordFactory records, int[] slots, Runnable attach) {
        Index(TupleIndexRecord index) {
            this(index, (BPlusTree) index.getRangeIndex(), index.getRangeIndex().getRecordFactory(), slotsOf(index),
                    attacher((BPlusTree) index.getRangeIndex()));
        }

        private static int[] slotsOf(TupleIndex index) {
            int[] slots = new int[4];
            for (int i = 0; i < 4; i++) {
                slots[i] = index.getMapping().getSlotIdx(i);
            }
            return slots;
        }

        /** Sorts the chunk in this index's key order and inserts it. */
        void insert(long[] chunk, int quads) {
            long[] keys = sorted(chunk, quads);
            for (int q = 0; q < quads; q++) {
                tree.insert(record(keys, q));
            }
        }

        /** Sorts the chunk in this index's key order and deletes it. */
        void delete(long[] chunk, int quads) {
            long[] keys = sorted(chunk, quads);
            for (int q = 0; q < quads; q++) {
                tree.delete(record(keys, q));
            }
        }

        private long[] sorted(long[] chunk, int quads) {
            attach.run();
            long[] keys = new long[quads * 4];
            for (int q = 0; q < quads; q++) {
                for (int i = 0; i < 4; i++) {
                    keys[q * 4 + i] = chunk[q * 4 + slots[i]];
                }
            }
            QuadSort.sort(keys, quads);
            return keys;
        }

        private Record record(long[] keys, int q) {
            byte[] key = new byte[QUAD];
            for (int i = 0; i < 4; i++) {
                LONGS.set(key, i * NodeId.SIZE, keys[q * 4 + i]);
            }
            return records.create(key);
        }

        boolean graphFirst() {
            return slots[0] == 0;
        }
    }

    private static <X> Runnable attacher(TransactionalComponentLifecycle<X> component) {
        ComponentState<X> state = component.getComponentState();
        return () -> component.setComponentState(state);
    }

    private final NodeTable nodes;
    private final List<List<Index>> groups = new ArrayList<>();
    private final ExecutorService writers;
    private final List<Future<?>> running = new ArrayList<>();
    private long[] chunk = new long[4];
    private long[] spare;
    private final byte[] id = new byte[NodeId.SIZE];
    private final int size;
    private int quads;

    /**
     * Called inside a write transaction on {@code dsg}, from its thread: {@code threads} index writers (1 to 6) and
     * chunks of {@code size} quads.
     */
    SortedQuadWriter(DatasetGraph dsg, int threads, int size) {
        this.size = size;
        var table = TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable();
        this.nodes = table.getNodeTable();
        TupleIndex[] indexes = table.getTupleTable().getIndexes();
        int n = Math.clamp(threads, 1, indexes.length);
        for (int i = 0; i < n; i++) {
            groups.add(new ArrayList<>());
        }
        for (int i = 0; i < indexes.length; i++) {
            groups.get(i % n).add(new Index((TupleIndexRecord) indexes[i]));
        }
        int[] count = {0};
        this.writers = Executors.newFixedThreadPool(n,
                r -> Thread.ofPlatform().name("tissu-index-writer-" + count[0]++).daemon().unstarted(r));
    }

    void add(Node graph, Triple triple) {
        int at = quads * 4;
        if (at == chunk.length) {
            chunk = Arrays.copyOf(chunk, Math.min(2 * chunk.length, size * 4)); // small graphs stay small
        }
        chunk[at] = id(graph);
        chunk[at + 1] = id(triple.getSubject());
        chunk[at + 2] = id(triple.getPredicate());
        chunk[at + 3] = id(triple.getObject());
        if (++quads == size) {
            handOver();
        }
    }

    /**
     * Removes every quad of {@code graph} before anything is added: chunks of its quads are read from a graph-first
     * index and deleted from every index the same way quads are added (sorted, on the writer threads).
     */
    void deleteGraph(Node graph) {
        if (quads > 0) {
            throw new IllegalStateException("a graph is deleted before quads are added");
        }
        NodeId g = nodes.getNodeIdForNode(graph);
        if (NodeId.isDoesNotExist(g)) {
            return;
        }
        TupleIndex primary = null;
        for (List<Index> group : groups) {
            for (Index index : group) {
                primary = index.graphFirst() && primary == null ? index.source : primary;
            }
        }
        Tuple<NodeId> pattern = TupleFactory.create4(g, NodeId.NodeIdAny, NodeId.NodeIdAny, NodeId.NodeIdAny);
        while (true) {
            Iterator<Tuple<NodeId>> found = primary.find(pattern);
            long[] batch = new long[4 * 1024];
            int n = 0;
            while (n < size && found.hasNext()) {
                Tuple<NodeId> t = found.next();
                if (4 * n == batch.length) {
                    batch = Arrays.copyOf(batch, Math.min(2 * batch.length, 4 * size));
                }
                for (int i = 0; i < 4; i++) {
                    batch[4 * n + i] = id(t.get(i));
                }
                n++;
            }
            if (n == 0) {
                return;
            }
            long[] chunkOf = batch;
            int count = n;
            for (List<Index> group : groups) {
                running.add(writers.submit(() -> group.forEach(index -> index.delete(chunkOf, count))));
            }
            await(); // the next chunk is read from an index the writers just changed
        }
    }

    private long id(NodeId nodeId) {
        NodeIdFactory.set(nodeId, id, 0);
        return (long) LONGS.get(id, 0);
    }

    /** A node's id as the 8 bytes an index key holds, read as one big-endian number (same order, unsigned). */
    private long id(Node node) {
        return id(nodes.getAllocateNodeId(node));
    }

    /** Starts writing the gathered quads; returns once the previous chunk is written. */
    private void handOver() {
        await();
        long[] full = chunk;
        int count = quads;
        chunk = spare != null ? spare : new long[full.length];
        spare = full;
        quads = 0;
        for (List<Index> group : groups) {
            running.add(writers.submit(() -> group.forEach(index -> index.insert(full, count))));
        }
    }

    /** Writes every quad added so far and waits for it, so that the calling thread may read or commit. */
    void flush() {
        if (quads > 0) {
            handOver();
        }
        await();
    }

    private void await() {
        try {
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("write interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : new StoreException("index write failed", e.getCause());
        } finally {
            running.clear();
        }
    }

    /** Waits for writes under way (an abort must not race them) and stops the writer threads. */
    @Override
    public void close() {
        boolean interrupted = false;
        for (Future<?> f : running) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (ExecutionException e) {
                    break; // the transaction is being abandoned: the cause was reported by flush(), or is moot
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        running.clear();
        writers.shutdownNow();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
