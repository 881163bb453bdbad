package io.payout.orchestrator.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.payout.orchestrator.withdrawal.SerialNumbers;
import io.payout.orchestrator.withdrawal.Withdrawal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the hot tables to the open and the recent withdrawals: every night it moves those final for longer than
 * {@code archive-after} to the archive, a batch per transaction, then takes the months past {@code keep-months} out
 * of the archive and drops the notification inbox's months that no hot withdrawal needs any more. One instance
 * archives at a time (a PostgreSQL advisory lock per batch); what it has not moved when it stops is moved the next
 * night.
 */
@Service
public class Archiver {

    private static final Logger log = LoggerFactory.getLogger(Archiver.class);

    /** What one pass did. */
    public record Pass(long archived, List<String> expiredMonths, List<String> droppedInboxMonths, boolean yielded) {
    }

    private final ArchiveTables archive;
    private final InboxMonths inbox;
    private final TransactionTemplate tx;
    private final RetentionProperties properties;
    private final Clock clock;
    private final Counter archived;

    Archiver(ArchiveTables archive, InboxMonths inbox, TransactionTemplate tx, RetentionProperties properties,
             Clock clock, MeterRegistry meters) {
        this.archive = archive;
        this.inbox = inbox;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
        this.archived = Counter.builder("withdrawals.archived")
                .description("withdrawals moved from the hot tables to the archive").register(meters);
    }

    @Scheduled(cron = "${orchestrator.retention.cron:0 15 3 * * *}", zone = "Asia/Shanghai")
    void nightly() {
        if (properties.enabled()) {
            run();
        }
    }

    /** Archives everything due now and expires the months past keeping. */
    public Pass run() {
        Instant started = clock.instant();
        Instant cutoff = started.minus(properties.archiveAfter());
        ArchiveMonth current = ArchiveMonth.of(started);
        ArchiveMonth oldestKept = properties.keepMonths() == null ? null
                : current.minusMonths(properties.keepMonths());
        Instant createdFrom = oldestKept == null ? Instant.EPOCH : oldestKept.start();
        long moved = 0;
        String after = "";
        boolean yielded = false;
        while (true) {
            List<String> due = archive.due(after, cutoff, createdFrom, properties.batchSize());
            if (due.isEmpty()) {
                break;
            }
            after = due.get(due.size() - 1);
            Integer count = tx.execute(status -> {
                if (!archive.lock()) {
                    return null;
                }
                List<Withdrawal> batch = archive.move(due, cutoff, clock.instant());
                return batch.size();
            });
            if (count == null) {
                yielded = true;
                log.info("archiving left to another instance");
                break;
            }
            moved += count;
            archived.increment(count);
        }
        List<String> expired = yielded ? List.of() : expire(oldestKept);
        List<String> inboxMonths = yielded ? List.of() : dropInboxMonths(cutoff);
        if (moved > 0 || !expired.isEmpty() || !inboxMonths.isEmpty()) {
            log.info("archived {} withdrawals final before {} in {} s; months taken out of the archive ({}): {};"
                            + " notification inbox months dropped: {}", moved, cutoff,
                    Duration.between(started, clock.instant()).toSeconds(), properties.expired(), expired,
                    inboxMonths);
        }
        return new Pass(moved, expired, inboxMonths, yielded);
    }

    /** The inbox's months that no hot withdrawal's serial is of any more, before the archive window (V34). */
    private List<String> dropInboxMonths(Instant cutoff) {
        LocalDate cutoffDate = LocalDate.ofInstant(cutoff, SerialNumbers.BEIJING);
        List<String> dropped = tx.execute(status -> archive.lock()
                ? inbox.dropDone(cutoffDate).stream().map(YearMonth::toString).toList()
                : List.<String>of());
        return dropped == null ? List.of() : dropped;
    }

    private List<String> expire(ArchiveMonth oldestKept) {
        List<String> expired = new ArrayList<>();
        if (oldestKept == null) {
            return expired;
        }
        for (ArchiveMonth month : archive.months()) {
            if (month.compareTo(oldestKept) >= 0) {
                break;
            }
            Boolean done = tx.execute(status -> {
                if (!archive.lock()) {
                    return false;
                }
                archive.expire(month, properties.expired());
                return true;
            });
            if (!Boolean.TRUE.equals(done)) {
                break;
            }
            expired.add(month.toString());
        }
        return expired;
    }
}
