package fr.tissu.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The change feed's log, paged by byte offset, found by time, filtered by type, on a log of many loads. */
class ChangeLogTest {
    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");
    private static final int LOADS = 40;
    private static final int PER_LOAD = 500;

    @TempDir
    Path dir;

    /** Forty loads of 500 changes each, an hour apart; every seventh change is of a place. */
    private Path log() {
        Path file = dir.resolve(ChangeLog.FILE);
        for (int load = 0; load < LOADS; load++) {
            try (Changes changes = Changes.open()) {
                for (int i = 0; i < PER_LOAD; i++) {
                    String type = i % 7 == 0 ? "place" : "association";
                    changes.add(new Change(i % 2 == 0 ? "added" : "modified", type,
                            "https://tissu.example/id/" + type + "/" + load + "-" + i, load + "-" + i));
                }
                ChangeLog.append(file, load + 1, T0.plusSeconds(3600L * load), changes);
            }
        }
        return file;
    }

    private static List<ChangeLog.Entry> all(Path file, Instant since, String type, int limit) {
        return all(file, since, type, limit, ChangeLog.MAX_SCAN);
    }

    private static List<ChangeLog.Entry> all(Path file, Instant since, String type, int limit, long maxScan) {
        List<ChangeLog.Entry> out = new ArrayList<>();
        long offset = 0;
        int pages = 0;
        do {
            ChangeLog.Page page = ChangeLog.read(file, offset, since, type, limit, maxScan);
            out.addAll(page.entries());
            offset = page.next();
            pages++;
            assertTrue(pages < 10_000, "paging ends");
        } while (offset >= 0);
        return out;
    }

    @Test
    void pagingByOffsetGivesEveryEntryOnceInOrder() {
        Path file = log();
        List<ChangeLog.Entry> entries = all(file, null, null, 333);
        assertEquals(LOADS * PER_LOAD, entries.size());
        assertEquals("0-0", entries.get(0).change().key());
        assertEquals((LOADS - 1) + "-" + (PER_LOAD - 1), entries.get(entries.size() - 1).change().key());
        assertEquals(LOADS * PER_LOAD, entries.stream().map(e -> e.change().key()).distinct().count());
    }

    @Test
    void sinceStartsAtTheFirstEntryAtOrAfterIt() throws Exception {
        Path file = log();
        assertTrue(Files.size(file) > 4 * (1 << 16), "the log is long enough to be bisected");
        for (int load : new int[] {0, 1, 17, 39}) {
            List<ChangeLog.Entry> entries = all(file, T0.plusSeconds(3600L * load), null, 1000);
            assertEquals((LOADS - load) * PER_LOAD, entries.size(), "since load " + load);
            assertEquals(load + "-0", entries.get(0).change().key());
        }
        assertEquals(List.of(), all(file, T0.plusSeconds(3600L * LOADS), null, 10));
        ChangeLog.Page first = ChangeLog.read(file, 0, T0.plusSeconds(3600L * 30 - 1), null, 5);
        assertEquals("30-0", first.entries().get(0).change().key(), "a time between two loads");
    }

    @Test
    void aTypeFilterPagesThroughWithoutReadingTheWholeLogAtOnce() {
        Path file = log();
        ChangeLog.Page first = ChangeLog.read(file, 0, null, "place", 1000, 1 << 14);
        assertTrue(first.entries().size() < 1000 && first.next() > 0 && first.next() <= (1 << 14) + 200,
                "a page stops after the bytes it may read, with a next offset: " + first.next());
        List<ChangeLog.Entry> places = all(file, null, "place", 1000, 1 << 14);
        assertEquals(LOADS * ((PER_LOAD + 6) / 7), places.size());
        assertTrue(places.stream().allMatch(e -> e.change().type().equals("place")));
    }
}
