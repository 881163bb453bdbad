package io.payout.orchestrator.submission;

import io.payout.orchestrator.withdrawal.WithdrawalWork;
import io.payout.orchestrator.withdrawal.WithdrawalWork.SubmitAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the submission threads' synchronous answers in groups, one transaction per group: while one thread writes,
 * the answers that arrive queue, and the next thread to write takes them all (a group commit). At month-end rates
 * every withdrawal's answer was a transaction of its own, the one write of the lifecycle that was not batched. A
 * thread returns once its own answer is written, and fails as it would have alone: a group that fails is applied
 * again answer by answer, so one answer's failure never stops another's.
 */
final class SubmitAnswerGroups {

    private static final Logger log = LoggerFactory.getLogger(SubmitAnswerGroups.class);

    private final WithdrawalWork work;
    private final ConcurrentLinkedQueue<Waiting> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writer = new ReentrantLock();

    SubmitAnswerGroups(WithdrawalWork work) {
        this.work = work;
    }

    /** Writes {@code answer}, alone or with others; throws what writing it alone would have thrown. */
    void apply(SubmitAnswer answer) {
        Waiting mine = new Waiting(answer);
        queue.add(mine);
        writer.lock();
        try {
            // Another thread may have written this answer with its group while this one waited for the lock.
            if (!mine.done) {
                List<Waiting> group = drain();
                if (!group.contains(mine)) {
                    group.add(mine); // taken by a writer that then failed with an Error, before marking it
                }
                write(group);
            }
        } finally {
            writer.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    /** Answers waiting to be written (for tests). */
    int queued() {
        return queue.size();
    }

    private List<Waiting> drain() {
        List<Waiting> group = new ArrayList<>();
        for (Waiting w = queue.poll(); w != null; w = queue.poll()) {
            group.add(w);
        }
        return group;
    }

    private void write(List<Waiting> group) {
        if (group.size() > 1) {
            try {
                work.applySubmitAnswers(group.stream().map(w -> w.answer).toList());
                group.forEach(w -> w.done = true);
                return;
            } catch (RuntimeException e) {
                log.info("a group of {} submission answers failed ({}); applying them one by one", group.size(),
                        e.toString());
            }
        }
        for (Waiting w : group) {
            try {
                work.applySubmitAnswers(List.of(w.answer));
            } catch (RuntimeException e) {
                w.failure = e;
            }
            w.done = true;
        }
    }

    /** An answer waiting to be written; its fields are read by its own thread only after it held the lock. */
    private static final class Waiting {
        private final SubmitAnswer answer;
        private boolean done;
        private RuntimeException failure;

        Waiting(SubmitAnswer answer) {
            this.answer = answer;
        }
    }
}
