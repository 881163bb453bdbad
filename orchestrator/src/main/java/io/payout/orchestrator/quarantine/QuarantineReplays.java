package io.payout.orchestrator.quarantine;

import io.payout.model.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** What operations do with quarantined records: list those waiting, and replay one after the cause was fixed. */
@Service
public class QuarantineReplays {

    private static final Logger log = LoggerFactory.getLogger(QuarantineReplays.class);

    private final QuarantinedRecords quarantined;
    private final List<Replayable> consumers;
    private final Clock clock;

    QuarantineReplays(QuarantinedRecords quarantined, List<Replayable> consumers, Clock clock) {
        this.quarantined = quarantined;
        this.consumers = List.copyOf(consumers);
        this.clock = clock;
    }

    /** The records not replayed yet, oldest first. */
    public List<QuarantinedRecord> waiting(int limit) {
        return quarantined.waiting(limit);
    }

    /** Processes a quarantined record again; it stays quarantined when that fails. */
    public QuarantinedRecord replay(long id, String actor) {
        QuarantinedRecord record = quarantined.find(id)
                .orElseThrow(() -> new NoSuchElementException("no quarantined record " + id));
        if (record.replayedAt() != null) {
            throw new ReplayRefusedException("quarantined record " + id + " was replayed already at "
                    + record.replayedAt() + " by " + record.replayedBy(), null);
        }
        // a notice the gateway set aside sits on the quarantine topic; it is replayed by its topic's consumer
        Replayable consumer = consumers.stream().filter(c -> c.topic().equals(record.topic())
                        || Topics.quarantineOf(c.topic()).equals(record.topic())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no consumer of " + record.topic() + " here"));
        try {
            consumer.replay(record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                    record.value());
        } catch (RuntimeException failure) {
            throw new ReplayRefusedException("quarantined record " + id + " still cannot be processed: " + failure,
                    failure);
        }
        quarantined.markReplayed(id, actor, clock.instant());
        log.info("quarantined record {} ({}-{}@{}) replayed by {}", id, record.topic(), record.partition(),
                record.offset(), actor);
        return quarantined.find(id).orElseThrow();
    }
}
