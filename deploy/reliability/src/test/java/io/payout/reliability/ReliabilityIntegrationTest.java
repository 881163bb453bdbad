package io.payout.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.payout.model.Topics;
import io.payout.model.WithdrawalRequested;
import io.payout.reliability.FuzzedRequests.Fuzzed;
import io.payout.reliability.UpstreamPublisher.Request;
import io.payout.sandbox.SandboxControl;
import io.payout.sandbox.behavior.FaultRates;
import io.payout.sandbox.behavior.FaultSettings;
import io.payout.testkit.ServiceLaunch;
import io.payout.testkit.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole system as separate processes (two orchestrators, the gateway, the sandbox, a Kafka broker and
 * PostgreSQL), the sandbox's faults at high rates, 60 signed but unusable notices on every partition before the
 * run, 2,000 withdrawals with 1,000 fuzzed records among them, and during the run an orchestrator frozen (SIGSTOP)
 * past its lease, three kill -9s of an orchestrator, a kill -9 of the broker, a PostgreSQL restart and PostgreSQL's
 * disk full (FaultSchedule); then 1,000 forged notifications, the operations API without its token and a search of
 * every log for secrets. Afterwards every invariant of CONTRACT.md §2–§3 is checked and printed as a table; any
 * violation fails the build.
 */
class ReliabilityIntegrationTest {

    private static final long SEED = 20261125L;
    private static final int VALID = 2_000;
    private static final int FUZZED = 1_000;
    private static final int FORGED = 1_000;
    private static final int ACCOUNT_REQUESTS = 200;
    /** Upstream pace: 12 records every 250 ms (8 valid, 4 fuzzed), so requests keep arriving through the faults. */
    private static final int RECORDS_PER_TICK = 12;
    private static final long TICK_MILLIS = 250;
    /** The suite's fault rates: 10 % answered never, 5 % 5xx, 2 % rate-limited; notices 10 % dropped, 20 % twice, 20 %
     *  reordered; 10 % of payouts fail (booked back). */
    private static final FaultRates RATES = new FaultRates(0.10, 0.05, 0, 0.02, 0.10, 0.20, 0.20, 0, 0.10, 0);
    private static final Duration ALL_FINAL_WAIT = Duration.ofMinutes(4);
    private static final Duration QUIET_WAIT = Duration.ofMinutes(1);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Progress progress = new Progress();
    private final InvariantTable table = new InvariantTable();

    @Test
    void twoThousandWithdrawalsSurviveCrashesRestartsAndHostileInputWithEveryInvariantIntact() {
        Path root = Path.of(System.getProperty("payout.root", "../..")).toAbsolutePath().normalize();
        Path work = ReliabilityStack.createWorkDir();
        progress.say("seed %d; work folder %s", SEED, work);
        try (ReliabilityStack stack = new ReliabilityStack(root, work, progress)) {
            SandboxControl sandbox = SandboxControl.of(stack.sandbox.baseUrl());
            TestAccounts accounts = new TestAccounts(SEED);
            accounts.createIn(sandbox);
            sandbox.setFaults(FaultSettings.everyone(SEED, RATES));
            progress.say("%d sandbox accounts; faults on: %s", TestAccounts.COUNT, RATES);

            // before any withdrawal: every genuine notice of the run comes after them on its partition
            List<PoisonNotices.Poison> poisons = PoisonNotices.make(stack.huifu.getPrivate(),
                    accounts.all().get(0).huifuId(), ReliabilityStack.PARTITIONS);
            PoisonVerdict.checkAcknowledged(table, PoisonNotices.post(stack.notifyUrl, poisons));
            progress.say("%d poison notices posted to the gateway, %d partitions each kind", poisons.size(),
                    ReliabilityStack.PARTITIONS);

            Map<String, WithdrawalRequested> valid = new LinkedHashMap<>();
            List<Fuzzed> fuzzed = new FuzzedRequests(SEED).make(FUZZED);
            List<Request> records = interleave(accounts, valid, fuzzed);
            Set<String> finals = ConcurrentHashMap.newKeySet();
            AccountRequestsUnderFaults accountRequests = new AccountRequestsUnderFaults(SEED, ACCOUNT_REQUESTS);
            OrchestratorDatabase database = new OrchestratorDatabase(stack.jdbcUrl, stack.postgres.username());
            try (TopicTail outcomes = TopicTail.start(stack.bootstrapServers(), stack.topics.outcomes(), r -> {
                     Outcome o = Outcome.of(r);
                     if (o.isFinal()) {
                         finals.add(o.withdrawalId());
                     }
                 });
                 TopicTail rejections = TopicTail.start(stack.bootstrapServers(), stack.topics.rejections(), r -> { });
                 TopicTail accountUpdates = TopicTail.start(stack.bootstrapServers(), Topics.ACCOUNT_UPDATES,
                         r -> { });
                 UpstreamPublisher upstream = UpstreamPublisher.start(stack.bootstrapServers(),
                         stack.topics.requests(), records, RECORDS_PER_TICK, TICK_MILLIS);
                 UpstreamPublisher accountUpstream = UpstreamPublisher.start(stack.bootstrapServers(),
                         Topics.ACCOUNT_REQUESTS, accountRequests.records(), 1, TICK_MILLIS)) {
                progress.say("publishing %d valid and %d fuzzed request records, interleaved", VALID, FUZZED);
                Supplier<String> status = () -> String.format(
                        "published %d/%d, final %d/%d, rejections %d", upstream.acknowledged(), upstream.total(),
                        finals.size(), VALID, rejections.records().size());

                new FaultSchedule(stack, database, progress, table).run(upstream, finals, VALID, status);

                boolean allFinal = progress.await("every withdrawal final", ALL_FINAL_WAIT,
                        () -> finals.size() >= VALID, status);
                table.check("every withdrawal final on the outcomes topic within " + ALL_FINAL_WAIT.toMinutes()
                        + " min", VALID, allFinal ? List.of() : List.of((VALID - finals.size()) + " not final"));
                boolean quiet = progress.await("quiet (sandbox idle, outbox relayed, topics read to the end)",
                        QUIET_WAIT, () -> sandbox.status().idle() && database.unsentOutboxRows() == 0
                                && upstream.acknowledged() == upstream.total() && outcomes.atEnd()
                                && rejections.atEnd(),
                        () -> sandbox.status() + ", unsent outbox rows " + database.unsentOutboxRows());
                table.check("run quiet afterwards: sandbox idle, outbox empty", 1, quiet ? List.of()
                        : List.of(sandbox.status() + ", unsent outbox rows " + database.unsentOutboxRows()));
                boolean accountsFinal = progress.await("every account request final", ALL_FINAL_WAIT,
                        () -> accountRequests.ended(accountUpdates.records()) >= ACCOUNT_REQUESTS,
                        () -> String.format("account requests published %d/%d, final %d/%d",
                                accountUpstream.acknowledged(), accountUpstream.total(),
                                accountRequests.ended(accountUpdates.records()), ACCOUNT_REQUESTS));
                progress.say("account requests %s", accountsFinal ? "all final" : "not all final");
                progress.say("run done: %s", status.get());

                Invariants invariants = new Invariants(new Invariants.Facts(valid,
                        outcomes.records().stream().map(Outcome::of).toList(), rejections.records(), fuzzed,
                        database.withdrawals(), database.serialOwners(), sandbox.withdrawals(), sandbox.ledger()));
                invariants.checkWithdrawals(table);
                invariants.checkOutcomeStreams(table);
                invariants.checkMoney(table);
                invariants.checkRejections(table);
                accountRequests.check(table, accountUpdates.records(), database, sandbox);

                List<ConsumerRecord<String, String>> notices = readNotifications(stack);
                NoticeDriven.check(table, notices, database.serialOwners(), valid.keySet(),
                        database.withdrawalsWithNotices(), database.noticeDrivenWithdrawals());
                PoisonVerdict.checkAfterRun(table, poisons, stack, database, notices);
                forgedNoticesChangeNothing(stack, database, outcomes, notices.stream()
                        .filter(r -> !r.value().contains(PoisonNotices.SERIAL_PREFIX)).toList());
                progress.say("the database takes %d MiB on its tmpfs (%d MiB used there)",
                        database.sizeBytes() >> 20, stack.tablespace.usedBytes() >> 20);
            }
            operationsApiWithoutTokenIsRefused(stack);
            logsHoldNoSecrets(stack, accounts, accountRequests);
            progress.say("CPU seconds per service JVM: %s", stack.cpuSeconds());
        }
        progress.say("invariants:%n%s", table.render());
        // the table goes into the failure message too: CI shows the failing test's report, not the whole build log
        assertThat(table.violations()).as("violations of the invariants; logs and broker data in %s%n%s", work,
                table.render()).isZero();
        // kept for inspection when anything failed; a passing run leaves nothing behind (its keys included)
        ReliabilityStack.deleteWorkDir(work);
    }

    /** 2,000 valid records, a fuzzed one after every second valid one (1,000), in publishing order. */
    private static List<Request> interleave(TestAccounts accounts, Map<String, WithdrawalRequested> valid,
                                            List<Fuzzed> fuzzed) {
        Random random = new Random(SEED);
        List<Request> records = new ArrayList<>(VALID + FUZZED);
        int f = 0;
        for (int i = 0; i < VALID; i++) {
            WithdrawalRequested request = accounts.request(i, random);
            valid.put(request.withdrawalId(), request);
            records.add(new Request(request.withdrawalId(), JSON.writeValueAsBytes(request)));
            if (i % 2 == 1 && f < fuzzed.size()) {
                Fuzzed bad = fuzzed.get(f++);
                records.add(new Request(bad.key(), bad.value()));
            }
        }
        while (f < fuzzed.size()) {
            Fuzzed bad = fuzzed.get(f++);
            records.add(new Request(bad.key(), bad.value()));
        }
        return records;
    }

    /**
     * 1,000 forged, tampered, mis-signed and replayed notices posted to the gateway after the run: every one but the
     * exact replays is refused with a 4xx, and nothing anywhere changes: no state, no history row, no outbox row, no
     * outcome record.
     */
    private void forgedNoticesChangeNothing(ReliabilityStack stack, OrchestratorDatabase database, TopicTail outcomes,
                                            List<ConsumerRecord<String, String>> genuine) {
        List<ForgedNotices.Post> posts = new ForgedNotices(SEED, stack.merchant).make(genuine, FORGED);
        OrchestratorDatabase.Snapshot before = database.snapshot();
        Map<Integer, Long> outcomesBefore = outcomes.endOffsets();
        progress.say("posting %d forged, tampered, mis-signed and replayed notices to the gateway", posts.size());
        List<ForgedNotices.Post> answered = ForgedNotices.post(stack.notifyUrl, posts);
        boolean consumed = progress.await("the orchestrators to consume the replays", QUIET_WAIT,
                () -> notificationsConsumed(stack), () -> "consumer group behind");
        OrchestratorDatabase.Snapshot after = database.snapshot();
        Map<Integer, Long> outcomesAfter = outcomes.endOffsets();

        List<String> accepted = answered.stream().filter(p -> !p.replay() && (p.status() < 400 || p.status() > 499))
                .map(p -> p.kind() + " -> " + p.status()).toList();
        long refused = answered.stream().filter(p -> !p.replay()).count();
        table.check("forged, tampered and mis-signed notices refused by the gateway (4xx)", refused, accepted);
        table.count("  replays of genuine notices acknowledged again (allowed; de-duplicated downstream)",
                answered.stream().filter(p -> p.replay() && p.status() == 200).count());
        List<String> changes = new ArrayList<>();
        if (!consumed) {
            changes.add("the orchestrators did not consume the notifications topic to its end");
        }
        if (before.historyRows() != after.historyRows()) {
            changes.add("history rows " + before.historyRows() + " -> " + after.historyRows());
        }
        if (before.transitions() != after.transitions()) {
            changes.add("transitions " + before.transitions() + " -> " + after.transitions());
        }
        if (before.outboxRows() != after.outboxRows()) {
            changes.add("outbox rows " + before.outboxRows() + " -> " + after.outboxRows());
        }
        if (!outcomesBefore.equals(outcomesAfter)) {
            changes.add("outcome records " + outcomesBefore + " -> " + outcomesAfter);
        }
        before.withdrawals().forEach((id, was) -> {
            OrchestratorDatabase.Stored now = after.withdrawals().get(id);
            if (!was.equals(now)) {
                changes.add(id + " " + was + " -> " + now);
            }
        });
        table.check("forged and replayed notices changed nothing (state, history, outbox, outcomes)", posts.size(),
                changes);
    }

    /** The notifications topic to its end: genuine notices and the poison notices the gateway published. */
    private List<ConsumerRecord<String, String>> readNotifications(ReliabilityStack stack) {
        try (TopicTail notifications = TopicTail.start(stack.bootstrapServers(), stack.topics.notifications(),
                r -> { })) {
            progress.await("the notifications topic read", QUIET_WAIT, notifications::atEnd, () -> "reading");
            return notifications.records();
        }
    }

    /** True when the orchestrators' notification consumer group has committed the notifications topic's end. */
    private static boolean notificationsConsumed(ReliabilityStack stack) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin
                    .listConsumerGroupOffsets("orchestrator-notifications").partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            for (int p = 0; p < ReliabilityStack.PARTITIONS; p++) {
                latest.put(new TopicPartition(stack.topics.notifications(), p),
                        OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get().entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                    || (committed.get(e.getKey()) != null
                    && committed.get(e.getKey()).offset() >= e.getValue().offset()));
        } catch (Exception e) {
            return false;
        }
    }

    private void operationsApiWithoutTokenIsRefused(ReliabilityStack stack) {
        List<OpsApiProbe.Call> calls = new ArrayList<>();
        List<OpsApiProbe.Call> controls = new ArrayList<>();
        for (ServiceProcess orchestrator : stack.orchestrators()) {
            calls.addAll(OpsApiProbe.withoutToken(orchestrator.name(), orchestrator.baseUrl(), stack.opsToken,
                    TestAccounts.id(1)));
            controls.add(OpsApiProbe.withToken(orchestrator.name(), orchestrator.baseUrl(), stack.opsToken,
                    TestAccounts.id(1)));
        }
        table.check("operations API without the token answers 401", calls.size(),
                calls.stream().filter(c -> c.status() != 401).toList());
        table.check("operations API with the token answers 200 (the probe's control)", controls.size(),
                controls.stream().filter(c -> c.status() != 200).toList());
        progress.say("operations API probed: %d calls without the token", calls.size());
    }

    private void logsHoldNoSecrets(ReliabilityStack stack, TestAccounts accounts,
                                   AccountRequestsUnderFaults accountRequests) {
        LogScan scan = new LogScan()
                .privateKey("merchant private key", ServiceLaunch.KeyFiles.base64(stack.merchant.getPrivate()))
                .privateKey("Huifu (sandbox) private key", ServiceLaunch.KeyFiles.base64(stack.huifu.getPrivate()))
                .secret("operations token", stack.opsToken);
        for (TestAccounts.Account a : accounts.all()) {
            scan.secret("card number of " + a.huifuId(), a.cardNo())
                    .secret("certificate number of " + a.huifuId(), a.certNo())
                    .secret("card holder's name of " + a.huifuId(), a.cardName());
        }
        for (AccountRequestsUnderFaults.Planned p : accountRequests.planned()) {
            scan.secret("card number of account request " + p.id(), p.cardNo())
                    .secret("certificate number of account request " + p.id(), p.certNo())
                    .secret("name of account request " + p.id(), p.name());
        }
        List<Path> files = stack.logFiles();
        List<LogScan.Leak> leaks = scan.scan(files);
        table.check("logs (" + files.size() + " files, " + LogScan.bytes(files) / 1024 + " KiB) hold no card or "
                + "certificate number, name, key or token", (long) files.size() * scan.secretCount(), leaks);
        progress.say("searched %d log files for %d secrets: %s", files.size(), scan.secretCount(),
                files.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", ")));
    }
}
