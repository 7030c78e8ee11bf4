package com.klinecast.cli;

import com.klinecast.core.machine.MachineFault;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The data dir, checked before any stand-in starts, so a directory the stack cannot use is refused with one line
 * (exit 2) rather than found out by a stand-in halfway through a stage: it must be named (an empty path would put
 * the tables in the current directory), be a directory or creatable as one, take a file, and have room.
 */
final class DataDirCheck {

    /**
     * Free space a data dir needs for an {@code up} of the bundled klines, with a margin: dynalite's LevelDB peaks at
     * about 0.7 KB per candle while it compacts (7.8 MB for BTCUSDT 1d and 1h, 11,624 candles, settling at 4.8 MB),
     * and a model version takes about 0.2 MB.
     */
    static final long HEADROOM_BYTES = 32L << 20;
    /** Less than this left after a failed write: the disk filled up (a stand-in's pages and logs grow by MBs). */
    static final long NEARLY_FULL_BYTES = 8L << 20;

    private DataDirCheck() {
    }

    /** @throws IllegalArgumentException naming what is wrong with the data dir, in one line */
    static void require(Path dataDir) {
        require(dataDir, HEADROOM_BYTES);
    }

    static void require(Path dataDir, long headroomBytes) {
        if (dataDir == null || dataDir.toString().isBlank()) {
            throw new IllegalArgumentException("--data-dir is empty; name a directory (the default is .klinecast)");
        }
        Path dir = dataDir.toAbsolutePath();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("data dir " + dir + " is a file, not a directory; pass --data-dir "
                    + "with a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException("data dir " + dir + ": " + e.getFile() + " is a file, not a directory");
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException("data dir " + dir + " cannot be created: " + cause(e));
        }
        try {
            Files.delete(Files.createTempFile(dir, ".write-check", ".tmp"));
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException("data dir " + dir + " is not writable: " + cause(e));
        }
        long free;
        try {
            free = Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            throw new IllegalArgumentException("data dir " + dir + ": its free space cannot be read: " + cause(e));
        }
        if (free < headroomBytes) {
            throw new IllegalArgumentException("data dir " + dir + " has " + megabytes(free) + " MB free; the local "
                    + "stack needs about " + megabytes(headroomBytes) + " MB there (disk full otherwise, partway "
                    + "through a stage); free some space or pass --data-dir on another disk");
        }
    }

    /**
     * After a failure: when the data dir's disk is all but full, that is what to say, whatever a stand-in answered
     * (DynamoDB Local reports a full disk as items left unprocessed, or as "500 unknown error").
     */
    static Optional<String> fullDisk(Path dataDir) {
        try {
            long free = Files.getFileStore(dataDir).getUsableSpace();
            return free >= NEARLY_FULL_BYTES ? Optional.empty() : Optional.of("disk full: the data dir " + dataDir
                    + " has " + (free >> 10) + " KB free; free some space (a data dir needs about "
                    + megabytes(HEADROOM_BYTES) + " MB) and rerun, which resumes from the watermark");
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The machine fault when the exception shows one ("read-only file system"), else its own words. */
    private static String cause(Exception e) {
        String message = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return MachineFault.of(e).map(MachineFault::label).orElse(message);
    }

    private static long megabytes(long bytes) {
        return bytes >> 20;
    }
}
