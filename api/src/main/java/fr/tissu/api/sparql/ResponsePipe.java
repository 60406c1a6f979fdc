package fr.tissu.api.sparql;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An answer written by the thread that runs the query and sent by the request's own thread, through a few buffers
 * of 64 KiB. The query runs on a platform thread (a CPU-bound query on a virtual thread would hold its carrier); the
 * bytes go to the client from the request's virtual thread, whose blocking socket write can be interrupted, which
 * closes the connection: a client that stops reading can be cut off at the deadline, and its query slot freed.
 *
 * <p>The writer ends with {@link #finish()} when the answer is complete; any other end ({@link #end()} without it)
 * tells the sender that the answer is not whole, so the response is not ended as if it were.
 */
final class ResponsePipe extends OutputStream {
    /** Bytes to send; {@code last}: the answer is whole with them. */
    record Chunk(byte[] bytes, boolean last) {
    }

    private static final Chunk BROKEN = new Chunk(new byte[0], false);
    private final BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(4);
    private final byte[] buffer = new byte[1 << 16];
    private int used;
    private boolean ended;
    private volatile boolean abandoned;

    @Override
    public void write(int b) throws IOException {
        if (used == buffer.length) {
            pass(false);
        }
        buffer[used++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (used == buffer.length) {
                pass(false);
            }
            int n = Math.min(len, buffer.length - used);
            System.arraycopy(b, off, buffer, used, n);
            used += n;
            off += n;
            len -= n;
        }
    }

    /** Nothing: the writer's flushes and closes do not end the answer ({@link #finish()} does). */
    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    /** The answer is whole: what is buffered is passed on as the last chunk. */
    void finish() throws IOException {
        pass(true);
        ended = true;
    }

    /** The writer is done, whole or not (after {@link #finish()}, nothing more). */
    void end() {
        if (!ended) {
            ended = true;
            chunks.clear(); // the answer is broken: what is not sent yet need not be; room for the mark
            chunks.offer(BROKEN);
        }
    }

    /** The sender gave up: the writer's next pass fails instead of waiting for room. */
    void abandon() {
        abandoned = true;
        chunks.clear();
    }

    /**
     * The next chunk; a chunk that is not {@link Chunk#last()} and has no bytes means the answer broke off.
     *
     * @throws InterruptedException when the sending thread is interrupted (the deadline)
     */
    Chunk next() throws InterruptedException {
        return chunks.take();
    }

    /** Whether {@code chunk} says that the answer broke off. */
    static boolean broken(Chunk chunk) {
        return chunk == BROKEN;
    }

    private void pass(boolean last) throws IOException {
        if (used > 0 || last) {
            Chunk chunk = new Chunk(Arrays.copyOf(buffer, used), last);
            used = 0;
            try {
                while (!chunks.offer(chunk, 200, TimeUnit.MILLISECONDS)) {
                    if (abandoned) {
                        throw new IOException("the client stopped reading the answer");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("the answer was abandoned");
            }
            if (abandoned) {
                throw new IOException("the client stopped reading the answer");
            }
        }
    }
}
