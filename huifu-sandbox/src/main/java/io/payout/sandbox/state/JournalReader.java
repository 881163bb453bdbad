package io.payout.sandbox.state;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a journal back: one fact per line. A line counts only once its newline is written, and a fact is written
 * (line and newline in one write) before anything it caused is told to anyone, so the unterminated or unreadable last
 * line a crash mid-write leaves behind was never acted on: it is ignored, and {@link Contents#intactBytes} tells
 * the writer where to cut it off. An unreadable line with lines after it is damage, not a crash: reading fails.
 */
final class JournalReader {

    /** The facts, in order; the length of the part that holds them; what was ignored at the end, if anything. */
    record Contents<T>(List<T> facts, long intactBytes, String ignoredTail) {
    }

    private JournalReader() {
    }

    static <T> Contents<T> read(Path file, Function<String, T> decode) {
        if (!Files.exists(file)) {
            return new Contents<>(List.of(), 0, null);
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in, decode);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sandbox journal " + file, e);
        }
    }

    static <T> Contents<T> read(InputStream in, Function<String, T> decode) throws IOException {
        List<T> facts = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream(512);
        long intact = 0;
        long lineNumber = 0;
        String unreadable = null;
        RuntimeException unreadableCause = null;
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b != '\n') {
                line.write(b);
                continue;
            }
            lineNumber++;
            if (unreadable != null) {
                throw new IllegalStateException("sandbox journal damaged: line " + (lineNumber - 1)
                        + " is unreadable and is not the last", unreadableCause);
            }
            String text = line.toString(StandardCharsets.UTF_8);
            int length = line.size();
            line.reset();
            try {
                facts.add(decode.apply(text));
                intact += length + 1;
            } catch (RuntimeException e) {
                unreadable = text;
                unreadableCause = e;
            }
        }
        String tail = unreadable != null ? unreadable + "\n" + line.toString(StandardCharsets.UTF_8)
                : line.size() > 0 ? line.toString(StandardCharsets.UTF_8) : null;
        return new Contents<>(facts, intact, tail);
    }
}
