package fr.tissu.loader;

import java.util.List;

/**
 * What happened to one file.
 *
 * @param file          the file's name
 * @param format        the detected or forced format
 * @param graph         the named graph it went to (or would go to, for a dry run)
 * @param status        the outcome
 * @param rows          rows (or, for RDF, triples) read
 * @param accepted      rows loaded
 * @param rejected      rows rejected
 * @param triples       triples written
 * @param millis        time taken
 * @param sha256        the file's checksum
 * @param encoding      the encoding it was read in
 * @param problemCount  number of problems found (all of them)
 * @param problems      the problems, the first {@link Loader#MAX_PROBLEMS} of them
 */
public record FileReport(String file, String format, String graph, Status status, long rows, long accepted,
                         long rejected, long triples, long millis, String sha256, String encoding, long problemCount,
                         List<Problem> problems) {

    /** The outcome for a file. */
    public enum Status {
        /** Every row loaded. */
        LOADED,
        /** Valid rows loaded, invalid rows skipped (--skip-invalid). */
        LOADED_WITH_REJECTIONS,
        /** Invalid rows found in strict mode: nothing loaded, the store is unchanged. */
        REFUSED,
        /** The file could not be read (unknown format, malformed CSV or RDF): nothing loaded. */
        FAILED,
        /** Dry run: every row is valid. */
        VALID,
        /** Dry run: some rows are invalid. */
        INVALID
    }

    /** Rows per second. */
    public long rowsPerSecond() {
        return millis == 0 ? rows * 1000 : rows * 1000 / millis;
    }

    /** Triples per second. */
    public long triplesPerSecond() {
        return millis == 0 ? triples * 1000 : triples * 1000 / millis;
    }

    /** One line for people. */
    public String summary() {
        return String.format("%s: %s (%s) %d rows, %d accepted, %d rejected, %d triples in %.1f s (%d rows/s, %d "
                + "triples/s)",
                file, status.name().toLowerCase().replace('_', ' '), format, rows, accepted, rejected, triples,
                millis / 1000.0, rowsPerSecond(), triplesPerSecond());
    }
}
