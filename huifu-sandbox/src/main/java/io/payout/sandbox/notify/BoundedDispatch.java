package io.payout.sandbox.notify;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

/**
 * Caps how many notification requests are in flight without parking a thread per waiting request: tasks queue,
 * and every finished request starts the next one. A task must call {@link #release()} exactly once when done.
 */
final class BoundedDispatch {

    private final Semaphore permits;
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

    BoundedDispatch(int maxInFlight) {
        this.permits = new Semaphore(maxInFlight);
    }

    void submit(Runnable task) {
        waiting.add(task);
        drain();
    }

    void release() {
        permits.release();
        drain();
    }

    // Enqueue happens before the permit check and release before the queue check, so no task is stranded.
    private void drain() {
        while (!waiting.isEmpty() && permits.tryAcquire()) {
            Runnable task = waiting.poll();
            if (task == null) {
                permits.release();
                return;
            }
            task.run();
        }
    }
}
