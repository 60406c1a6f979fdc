package fr.tissu.loader.cli;

import java.util.Collection;

import fr.tissu.loader.FileReport;

/** What the load and validate commands tell the shell. */
public enum ExitCode {
    /** Every file loaded (or is valid) with no rejected row. */
    OK(0),
    /** Files loaded, but some rows were rejected (--skip-invalid), or a dry run found invalid rows. */
    ROWS_REJECTED(1),
    /** A file was refused (strict mode, invalid rows): the store is unchanged for it. */
    REFUSED(2),
    /** A file could not be read: missing, unknown layout, malformed CSV or RDF. */
    FAILED(3),
    /** The store could not be opened (for example, a running server holds it). */
    STORE_UNAVAILABLE(4),
    /** Bad command-line usage. */
    USAGE(64);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** The process exit code. */
    public int code() {
        return code;
    }

    /** The most serious outcome among the files. */
    public static ExitCode of(Collection<FileReport> reports) {
        ExitCode worst = OK;
        for (FileReport report : reports) {
            ExitCode code = switch (report.status()) {
                case LOADED, VALID -> OK;
                case LOADED_WITH_REJECTIONS, INVALID -> ROWS_REJECTED;
                case REFUSED -> REFUSED;
                case FAILED -> FAILED;
            };
            if (code.code > worst.code) {
                worst = code;
            }
        }
        return worst;
    }
}
