package io.payout.sandbox.state;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends lines to the journal. Each line goes to the OS in one write before {@link #append} returns: a SIGKILL
 * keeps the page cache, so whatever the sandbox answers after an append survives it (no fsync: a power cut is not a
 * case the sandbox has to survive). One lock around the write alone keeps lines whole and in the order their
 * callers reached it; the JSON is encoded before it.
 */
final class JournalWriter implements AutoCloseable {

    private final Path file;
    /** A plain stream, not a FileChannel: an interrupted writer thread would close a channel for every thread. */
    private final FileOutputStream out;

    /** Opens {@code file} for appending after its first {@code intactBytes}; anything beyond (a torn line) goes. */
    JournalWriter(Path file, long intactBytes) {
        this.file = file;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            if (channel.size() > intactBytes) {
                channel.truncate(intactBytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the sandbox journal " + file, e);
        }
        try {
            this.out = new FileOutputStream(file.toFile(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the sandbox journal " + file, e);
        }
    }

    /** Writes {@code line} and its newline; throws if it could not, and then the change it records must not happen. */
    void append(String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            try {
                out.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write to the sandbox journal " + file, e);
            }
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
