package io.payout.orchestrator.retention;

import io.payout.orchestrator.withdrawal.SerialNumbers;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notification inbox's monthly partitions (V34): one per month of the serials' Beijing dates
 * ({@code processed_notifications_p202612}). Months are made ahead, at start and every day, so a notice always
 * finds its month; a month leaves whole, dropped, once no withdrawal in the hot tables has a serial of it and it
 * is older than {@code archive-after}. A notice for a serial of a month that has left belongs to an archived
 * withdrawal, recognised by serial_keys; its id lands in the default partition.
 */
@Repository
class InboxMonths {

    private static final Logger log = LoggerFactory.getLogger(InboxMonths.class);
    private static final String TABLE = "processed_notifications";
    private static final String DEFAULT_PARTITION = TABLE + "_other";
    private static final DateTimeFormatter REQ_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    /** Months made beyond the current one: a month's first serial never waits for its partition. */
    private static final int AHEAD = 2;

    private final JdbcClient jdbc;
    private final ArchiveTables archive;
    private final TransactionTemplate tx;
    private final Clock clock;

    InboxMonths(JdbcClient jdbc, ArchiveTables archive, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.archive = archive;
        this.tx = tx;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "0 5 0 * * *", zone = "Asia/Shanghai")
    void makeAhead() {
        YearMonth current = YearMonth.from(LocalDate.now(clock.withZone(SerialNumbers.BEIJING)));
        try {
            for (int i = 0; i <= AHEAD; i++) {
                ensure(current.plusMonths(i));
            }
        } catch (RuntimeException e) {
            // Not fatal: until its month is made, a notice's id is kept in the default partition, and taken over.
            log.warn("notification inbox months not made ahead (tried again at 00:05 Beijing): {}", e.toString());
        }
    }

    /**
     * Makes the month's partition if it is missing, taking over the rows the default partition holds for it (ids
     * recorded while the month had none), in one transaction with the archiver's lock: instances take turns.
     */
    void ensure(YearMonth month) {
        String partition = partitionOf(month);
        boolean made = Boolean.TRUE.equals(tx.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(ArchiveTables.ARCHIVE_LOCK).query().singleRow();
            if (archive.exists(partition)) {
                return false;
            }
            String from = firstDay(month);
            String to = firstDay(month.plusMonths(1));
            jdbc.sql("create table " + partition + " (like " + TABLE + " including defaults)").update();
            jdbc.sql("insert into " + partition + " select * from " + DEFAULT_PARTITION
                    + " where req_date >= ? and req_date < ?").params(from, to).update();
            jdbc.sql("delete from " + DEFAULT_PARTITION + " where req_date >= ? and req_date < ?").params(from, to)
                    .update();
            jdbc.sql("alter table %s attach partition %s for values from ('%s') to ('%s')"
                    .formatted(TABLE, partition, from, to)).update();
            return true;
        }));
        if (made) {
            log.info("notification inbox month {} made", month);
        }
    }

    /**
     * Drops the months before the month of {@code cutoff} (a Beijing date) of which no serial in the hot tables is;
     * returns them. Runs in the caller's transaction, which holds the archiver's lock.
     */
    List<YearMonth> dropDone(LocalDate cutoff) {
        YearMonth before = YearMonth.from(cutoff);
        Set<YearMonth> hot = new HashSet<>();
        jdbc.sql("select distinct substr(req_date, 1, 6) from withdrawal_serials").query(String.class).list()
                .forEach(yyyymm -> hot.add(YearMonth.parse(yyyymm, DateTimeFormatter.ofPattern("yyyyMM"))));
        List<YearMonth> dropped = new ArrayList<>();
        for (YearMonth month : months()) {
            if (month.isBefore(before) && !hot.contains(month)) {
                jdbc.sql("drop table " + partitionOf(month)).update();
                dropped.add(month);
            }
        }
        return dropped;
    }

    /** The inbox's months, oldest first. */
    List<YearMonth> months() {
        return archive.monthsOf(TABLE).stream().map(ArchiveMonth::month).toList();
    }

    static String partitionOf(YearMonth month) {
        return new ArchiveMonth(month).partitionOf(TABLE);
    }

    /** The month's first req_date, e.g. 20261201. */
    private static String firstDay(YearMonth month) {
        return month.atDay(1).format(REQ_DATE);
    }
}
