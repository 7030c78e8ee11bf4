package com.klinecast.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The free-space part of the data dir's check, against headrooms this disk cannot and can offer. */
class DataDirCheckTest {

    @TempDir
    Path dir;

    @Test
    void aDiskWithLessRoomThanTheHeadroomIsRefusedSayingHowMuchIsFreeAndNeeded() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DataDirCheck.require(dir, Long.MAX_VALUE));

        assertTrue(refused.getMessage().matches("data dir " + dir + " has \\d+ MB free; the local stack needs about "
                + "\\d+ MB there .*"), refused.getMessage());
    }

    @Test
    void aNearlyFullDiskIsRefusedUpFrontAndNamedAsTheCauseOfAFailure() throws Exception {
        try (TmpfsMount small = TmpfsMount.at(dir.resolve("small"), "size=2m")) {
            CliRun status = CliRun.in(small.path().toString(), "status");

            assertEquals(2, status.exitCode(), status.toString());
            assertTrue(status.err().startsWith("error: data dir " + small.path() + " has 2 MB free; the local stack "
                    + "needs about " + (DataDirCheck.HEADROOM_BYTES >> 20) + " MB there"), status.toString());
            assertTrue(DataDirCheck.fullDisk(small.path()).orElseThrow().startsWith("disk full: the data dir "
                    + small.path() + " has 2048 KB free"));
        }
    }

    @Test
    void aDiskWithRoomIsNotCalledFullAfterAFailure() {
        assertTrue(DataDirCheck.fullDisk(dir).isEmpty(), "this test's disk has more than 8 MB free");
    }

    @Test
    void aDiskWithRoomPassesAndANewDirIsCreated() {
        assertDoesNotThrow(() -> DataDirCheck.require(dir.resolve("new/data"), 1));
        assertTrue(dir.resolve("new/data").toFile().isDirectory());
    }
}
