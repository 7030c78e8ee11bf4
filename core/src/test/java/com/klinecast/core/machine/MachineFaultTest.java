package com.klinecast.core.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.AccessDeniedException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Machine faults are named from anywhere in a failure's chain, in the words the layers below use. */
class MachineFaultTest {

    @Test
    void namesTheFaultFromANestedCause() {
        RuntimeException wrapped = new IllegalStateException("writing 1000 rows failed",
                new UncheckedIOException(new IOException("IO error: 000042.log: No space left on device")));

        assertEquals(Optional.of(MachineFault.DISK_FULL), MachineFault.of(wrapped));
        assertEquals("disk full: writing 1000 rows failed", MachineFault.describe(wrapped, wrapped.getMessage()));
    }

    @Test
    void readsEachLayersWords() {
        assertEquals(Optional.of(MachineFault.DISK_FULL), MachineFault.of(new RuntimeException("SQLITE_FULL")));
        assertEquals(Optional.of(MachineFault.READ_ONLY),
                MachineFault.of(new IOException("/data: Read-only file system")));
        assertEquals(Optional.of(MachineFault.READ_ONLY),
                MachineFault.of(new RuntimeException("attempt to write a readonly database")));
        assertEquals(Optional.of(MachineFault.PERMISSION), MachineFault.of(new AccessDeniedException("/data/x")));
        assertEquals(Optional.of(MachineFault.PORT_TAKEN),
                MachineFault.of(new BindException("Address already in use")));
    }

    @Test
    void anythingElseIsLeftAsItsOwnMessage() {
        RuntimeException other = new RuntimeException("500 unknown error");

        assertEquals(Optional.empty(), MachineFault.of(other));
        assertEquals("500 unknown error", MachineFault.describe(other, other.getMessage()));
    }
}
