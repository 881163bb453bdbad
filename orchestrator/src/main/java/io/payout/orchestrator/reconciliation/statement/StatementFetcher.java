package io.payout.orchestrator.reconciliation.statement;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.payout.orchestrator.huifu.Huifu;
import io.payout.orchestrator.huifu.HuifuProperties;
import io.payout.orchestrator.huifu.StatementListing;
import io.payout.orchestrator.reconciliation.statement.StatementFetches.Fetch;
import io.payout.orchestrator.reconciliation.statement.StatementFetches.State;
import io.payout.orchestrator.withdrawal.SerialKey;
import io.payout.orchestrator.withdrawal.WithdrawalSerials;
import io.payout.orchestrator.withdrawal.WithdrawalSerials.SentSerial;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Fetches and matches the withdrawal statement of each account withdrawn on a trade date: queries Huifu (at most
 * {@code max-queries} times per account and file date, replays included, counted before each is sent), replays a
 * failed task, downloads the file into the statement folder, and matches it. A statement already downloaded is
 * matched again from its file, never fetched again, so a re-run sees what the first run saw.
 * <p>
 * {@code statement.fetch.failures} (Prometheus {@code statement_fetch_failures_total}) counts each account and date
 * whose statement could not be had: queries used up without a file, or a file refused (foreign host, oversized,
 * unsafe zip). Alert on any increase.
 */
@Service
@EnableConfigurationProperties(StatementProperties.class)
public class StatementFetcher {

    private static final Logger log = LoggerFactory.getLogger(StatementFetcher.class);
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    /** What a run did for one account: its fetch state afterwards and, when it matched, what it found. */
    public record AccountRun(String huifuId, State state, String detail, Long rows, Integer breaksFound,
                             Integer breaksRaised) {
    }

    private final Huifu huifu;
    private final WithdrawalSerials serials;
    private final StatementFetches fetches;
    private final StatementReconciliation reconciliation;
    private final StatementDownloads downloads;
    private final StatementProperties properties;
    private final Counter failures;
    private final Clock clock;

    public StatementFetcher(Huifu huifu, HuifuProperties huifuProperties, WithdrawalSerials serials,
                            StatementFetches fetches, StatementReconciliation reconciliation,
                            StatementProperties properties, MeterRegistry meters, Clock clock) {
        this.huifu = huifu;
        this.serials = serials;
        this.fetches = fetches;
        this.reconciliation = reconciliation;
        this.properties = properties;
        this.downloads = new StatementDownloads(new DownloadHosts(huifuProperties.baseUrl()), properties.folder(),
                properties.maxDownloadBytes(), properties.downloadTimeout());
        this.failures = Counter.builder("statement.fetch.failures")
                .description("account statements of a trade date that could not be fetched or were refused")
                .register(meters);
        this.clock = clock;
    }

    /** The accounts whose statement of {@code tradeDate} is expected: withdrawn that day, or carrying serials. */
    public List<String> accountsOf(String tradeDate) {
        return serials.accountsOf(tradeDate, dayBefore(tradeDate));
    }

    /**
     * The scheduled attempt for one account: nothing when matched, given up, refused, or queried less than the retry
     * interval ago.
     */
    public Optional<AccountRun> attempt(String huifuId, String tradeDate) {
        Optional<Fetch> fetch = fetches.find(huifuId, tradeDate);
        if (fetch.isPresent()) {
            Fetch f = fetch.get();
            if (f.state() != State.WAITING || f.queries() >= properties.maxQueries()) {
                return Optional.empty();
            }
            if (f.lastQueryAt() != null && clock.instant().isBefore(f.lastQueryAt().plus(properties.retryInterval()))) {
                return Optional.empty();
            }
        }
        return Optional.of(fetch(huifuId, tradeDate, properties.maxQueries()));
    }

    /**
     * The operator's re-run of one account: a stored file is matched again; without one, Huifu is asked once more
     * (and a failed task replayed), even past the daily limit: the limit is for the job, an operator decides.
     */
    public AccountRun rerun(String huifuId, String tradeDate) {
        Path stored = downloads.fileOf(huifuId, tradeDate);
        Optional<Fetch> fetch = fetches.find(huifuId, tradeDate);
        if (fetch.isPresent() && fetch.get().state() == State.MATCHED && (fetch.get().fileName() == null
                || Files.exists(stored))) {
            return match(huifuId, tradeDate, fetch.get().fileName() == null ? null : stored);
        }
        int used = fetch.map(Fetch::queries).orElse(0);
        return fetch(huifuId, tradeDate, Math.max(properties.maxQueries(), used + 2));
    }

    private AccountRun fetch(String huifuId, String tradeDate, int allowedQueries) {
        String fileDate = LocalDate.parse(tradeDate, YYYYMMDD).plusDays(1).format(YYYYMMDD);
        Optional<Integer> counted = fetches.countQuery(huifuId, tradeDate, allowedQueries);
        if (counted.isEmpty()) {
            // another instance took the last query meanwhile
            return new AccountRun(huifuId, State.WAITING, "query limit reached", null, null, null);
        }
        int used = counted.get();
        StatementListing listing = huifu.statementFiles(huifuId, fileDate);
        String problem;
        try {
            if (listing instanceof StatementListing.Listed listed) {
                Optional<StatementListing.StatementFile> file = listed.files().stream()
                        .filter(f -> f.downloadUrl() != null && !f.downloadUrl().isBlank())
                        .filter(f -> f.billType() == null || "WITHDRAWAL_BILL".equals(f.billType()))
                        .findFirst();
                if (file.isPresent()) {
                    downloads.download(file.get().downloadUrl(), huifuId, tradeDate);
                    return match(huifuId, tradeDate, downloads.fileOf(huifuId, tradeDate));
                }
                List<StatementListing.StatementTask> tasks = listed.tasks();
                if (!tasks.isEmpty() && tasks.stream().allMatch(StatementListing.StatementTask::succeeded)) {
                    // S without a file: Huifu has no withdrawal of that day on the account
                    return match(huifuId, tradeDate, null);
                }
                Optional<Integer> replay = tasks.stream().anyMatch(StatementListing.StatementTask::failed)
                        ? fetches.countQuery(huifuId, tradeDate, allowedQueries) : Optional.empty();
                if (replay.isPresent()) {
                    used = replay.get();
                    problem = huifu.replayStatement(huifuId, fileDate) ? "task failed; replay requested"
                            : "task failed; replay not accepted";
                } else {
                    problem = "no file yet: task_stat " + tasks.stream().map(StatementListing.StatementTask::taskStat)
                            .toList();
                }
            } else {
                problem = listing.toString();
            }
        } catch (StatementRefused e) {
            fetches.mark(huifuId, tradeDate, State.REFUSED, e.getMessage());
            failures.increment();
            log.warn("statement refused huifu_id={} trade_date={}: {}", huifuId, tradeDate, e.getMessage());
            return new AccountRun(huifuId, State.REFUSED, e.getMessage(), null, null, null);
        } catch (UncheckedIOException e) {
            problem = e.getMessage();
        }
        State state = used >= properties.maxQueries() ? State.GAVE_UP : State.WAITING;
        fetches.mark(huifuId, tradeDate, state, problem);
        if (state == State.GAVE_UP) {
            failures.increment();
            log.warn("statement not fetched huifu_id={} trade_date={} after {} queries: {}", huifuId, tradeDate,
                    used, problem);
        } else {
            log.info("statement not ready huifu_id={} trade_date={} queries={}: {}", huifuId, tradeDate, used,
                    problem);
        }
        return new AccountRun(huifuId, state, problem, null, null, null);
    }

    /** Matches the stored file (null: a statement without rows) and records the serials it carries over. */
    private AccountRun match(String huifuId, String tradeDate, Path file) {
        ExpectedSerials expected = new ExpectedSerials();
        serials.acceptedOf(huifuId, tradeDate, dayBefore(tradeDate), expected);
        StatementReconciliation.Outcome outcome;
        try (InputStream zip = file == null ? null : Files.newInputStream(file)) {
            outcome = reconciliation.match(tradeDate, expected, zip);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stored statement " + file, e);
        } catch (StatementRefused e) {
            fetches.mark(huifuId, tradeDate, State.REFUSED, e.getMessage());
            failures.increment();
            log.warn("statement refused huifu_id={} trade_date={}: {}", huifuId, tradeDate, e.getMessage());
            return new AccountRun(huifuId, State.REFUSED, e.getMessage(), null, null, null);
        }
        List<SerialKey> carried = new ArrayList<>();
        for (SentSerial serial : outcome.carried()) {
            carried.add(new SerialKey(serial.huifuId(), serial.reqDate(), serial.reqSeqId()));
        }
        fetches.matched(huifuId, tradeDate, file == null ? null : file.getFileName().toString(), outcome.rows(),
                carried);
        log.info("statement matched huifu_id={} trade_date={} rows={} breaks={} new={} carried={}", huifuId,
                tradeDate, outcome.rows(), outcome.found(), outcome.raised(), carried.size());
        return new AccountRun(huifuId, State.MATCHED, null, outcome.rows(), outcome.found(), outcome.raised());
    }

    static String dayBefore(String tradeDate) {
        return LocalDate.parse(tradeDate, YYYYMMDD).minusDays(1).format(YYYYMMDD);
    }
}
