package io.payout.local;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A part of the stack starting on a thread of its own, named after it: the threads its start creates inherit the
 * name ({@link ServiceName}), so their log lines say which service they belong to. Not the common fork-join pool,
 * whose threads are shared by everyone and would carry whichever name created them.
 */
final class Starting<T> {

    private final String service;
    private final String what;
    private final CompletableFuture<T> result;

    private Starting(String service, String what, CompletableFuture<T> result) {
        this.service = service;
        this.what = what;
        this.result = result;
    }

    /** Starts {@code start} now, on a thread named after {@code service}; {@code what} is for messages. */
    static <T> Starting<T> on(String service, String what, Supplier<T> start) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            ServiceName.startingAs(service);
            try {
                result.complete(start.get());
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        }, service);
        thread.start();
        return new Starting<>(service, what, result);
    }

    String service() {
        return service;
    }

    /** Waits for the start; a failure becomes the one-line reason the launcher prints. */
    T await() {
        try {
            return result.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new CannotStart(what + " did not start: " + CannotStart.reasonOf(cause), cause);
        }
    }
}
