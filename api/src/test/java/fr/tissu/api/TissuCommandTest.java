package fr.tissu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The {@code tissu} command line as a user types it. */
class TissuCommandTest {
    @Test
    void helpExitsWithZeroAndBadUsageWith64() {
        assertEquals(0, TissuCommand.run("--help"));
        assertEquals(0, TissuCommand.run("load", "--help"));
        assertEquals(64, TissuCommand.run("load", "--strict", "--skip-invalid", "some.csv"));
        assertEquals(64, TissuCommand.run("frobnicate"));
        assertEquals(64, TissuCommand.run("load"));
    }
}
