package fr.tissu.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
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
 * threads, while the calling thread prepares the next chunk. A chunk of one graph (a replaced graph's) is sorted
 * three times, not six: with the graph the same in every quad, GSPO orders it as SPOG does, GPOS as POSG, GOSP as
 * OSPG, so each sort feeds two indexes (sorting took more than half of the writers' time).
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
     * each of the two gathering buffers and in each sorted copy alive at once (one per writer, and the three shared
     * sorts of a one-graph chunk until their second index is written); all of it stays within an eighth of the heap
     * (a live publication shares the server's heap), between 100,000 and 4M quads. Larger chunks sweep the indexes
     * fewer times.
     */
    static int chunkFor(long maxHeap, int threads) {
        long perQuad = 32L * (2 + Math.max(3, Math.clamp(threads, 1, 6)));
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

        /** The chunk's quads in this index's key order, sorted. */
        long[] sorted(long[] chunk, int quads) {
            long[] keys = new long[quads * 4];
            for (int q = 0; q < quads; q++) {
                for (int i = 0; i < 4; i++) {
                    keys[q * 4 + i] = chunk[q * 4 + slots[i]];
                }
            }
            QuadSort.sort(keys, quads);
            return keys;
        }

        /**
         * Inserts (or deletes) {@code quads} keys sorted in the order of {@code by}, whose key order is this index's
         * or, in a chunk of one graph, the same but for where the graph is.
         */
        void write(long[] keys, Index by, int quads, boolean delete) {
            attach.run();
            int[] from = new int[4];
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    from[i] = by.slots[j] == slots[i] ? j : from[i];
                }
            }
            for (int q = 0; q < quads; q++) {
                Record r = record(keys, q, from);
                if (delete) {
                    tree.delete(r);
                } else {
                    tree.insert(r);
                }
            }
        }

        /** Its key order without the graph: the indexes that share it are ordered alike in a chunk of one graph. */
        String orderWithoutGraph() {
            StringBuilder order = new StringBuilder(3);
            for (int slot : slots) {
                order.append(slot == 0 ? "" : "SPO".charAt(slot - 1));
            }
            return order.toString();
        }

        private Record record(long[] keys, int q, int[] from) {
            byte[] key = new byte[QUAD];
            for (int i = 0; i < 4; i++) {
                LONGS.set(key, i * NodeId.SIZE, keys[q * 4 + from[i]]);
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
    private final List<Index> indexes = new ArrayList<>();
    private final ExecutorService writers;
    private final List<Future<?>> running = new ArrayList<>();
    private long[] chunk = new long[4];
    private long[] spare;
    private final byte[] id = new byte[NodeId.SIZE];
    private final int size;
    private int quads;
    private long graphOfChunk;
    private boolean oneGraph = true;

    /**
     * Called inside a write transaction on {@code dsg}, from its thread: {@code threads} index writers (1 to 6) and
     * chunks of {@code size} quads.
     */
    SortedQuadWriter(DatasetGraph dsg, int threads, int size) {
        this.size = size;
        var table = TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable();
        this.nodes = table.getNodeTable();
        for (TupleIndex index : table.getTupleTable().getIndexes()) {
            indexes.add(new Index((TupleIndexRecord) index));
        }
        int n = Math.clamp(threads, 1, indexes.size());
        int[] count = {0};
        this.writers = Executors.newFixedThreadPool(n,
                r -> Thread.ofPlatform().name("tissu-index-writer-" + count[0]++).daemon().unstarted(r));
    }

    void add(Node graph, Triple triple) {
        int at = quads * 4;
        if (at == chunk.length) {
            chunk = Arrays.copyOf(chunk, Math.min(2 * chunk.length, size * 4)); // small graphs stay small
        }
        long g = id(graph);
        if (quads == 0) {
            graphOfChunk = g;
            oneGraph = true;
        } else if (g != graphOfChunk) {
            oneGraph = false;
        }
        chunk[at] = g;
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
        TupleIndex primary = indexes.stream().filter(Index::graphFirst).findFirst().orElseThrow().source();
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
            submit(batch, n, true, true);
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
        submit(full, count, false, oneGraph);
    }

    /**
     * Starts inserting (or deleting) a chunk in every index: one sort per index, or, for a chunk of one graph, one
     * sort per order without the graph, whose keys are then written to its second index. The tasks of the sorts go
     * first, so a task waiting for a sort never waits for a task behind it.
     */
    private void submit(long[] chunk, int count, boolean delete, boolean shareSorts) {
        Map<String, Index> sortedBy = new LinkedHashMap<>();
        Map<Index, CompletableFuture<long[]>> sorts = new LinkedHashMap<>();
        List<Index> second = new ArrayList<>();
        for (Index index : indexes) {
            Index first = shareSorts ? sortedBy.putIfAbsent(index.orderWithoutGraph(), index) : null;
            if (first == null) {
                CompletableFuture<long[]> keys = new CompletableFuture<>();
                sorts.put(index, keys);
                running.add(writers.submit(() -> {
                    long[] sorted;
                    try {
                        sorted = index.sorted(chunk, count);
                        keys.complete(sorted);
                    } catch (RuntimeException | Error e) {
                        keys.completeExceptionally(e);
                        throw e;
                    }
                    index.write(sorted, index, count, delete);
                }));
            } else {
                second.add(index);
            }
        }
        for (Index index : second) {
            Index first = sortedBy.get(index.orderWithoutGraph());
            CompletableFuture<long[]> keys = sorts.get(first);
            running.add(writers.submit(() -> index.write(keys.join(), first, count, delete)));
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
