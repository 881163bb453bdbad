package io.payout.orchestrator;

import io.payout.model.huifu.HuifuKeys;
import io.payout.orchestrator.withdrawal.HistoryRow;
import io.payout.orchestrator.withdrawal.Withdrawal;
import io.payout.orchestrator.withdrawal.WithdrawalHistory;
import io.payout.orchestrator.withdrawal.Withdrawals;
import io.payout.testkit.TestKafka;
import io.payout.testkit.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A real orchestrator for integration tests: a fresh PostgreSQL database, the shared in-process broker, topics of
 * its own (one partition, so order across keys is total), and keys generated for the run.
 */
public final class OrchestratorHarness implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(60);

    public final TestPostgres.Database database = TestPostgres.freshDatabase();
    public final String requests = TestKafka.uniqueTopic("requests");
    public final String outcomes = TestKafka.uniqueTopic("outcomes");
    public final String rejections = TestKafka.uniqueTopic("rejections");
    public final String notifications = TestKafka.uniqueTopic("notifications");
    public final String accountRequests = TestKafka.uniqueTopic("account-requests");
    public final String accountRejections = TestKafka.uniqueTopic("account-rejections");
    public final String accountUpdates = TestKafka.uniqueTopic("account-updates");
    public final String accountNotices = TestKafka.uniqueTopic("account-notices");
    public final KeyPair huifuKeys;
    public final KeyPair merchantKeys = HuifuKeys.generate();
    private final Map<String, Object> properties = new HashMap<>();
    private Class<?>[] sources = new Class<?>[0];
    private OrchestratorServer server;

    public OrchestratorHarness() {
        this(HuifuKeys.generate(), Map.of());
    }

    public OrchestratorHarness(KeyPair huifuKeys, Map<String, Object> overrides) {
        this.huifuKeys = huifuKeys;
        properties.put("spring.datasource.url", database.jdbcUrl());
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", database.password());
        properties.put("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers());
        properties.put("orchestrator.topics.requests", requests);
        properties.put("orchestrator.topics.outcomes", outcomes);
        properties.put("orchestrator.topics.rejections", rejections);
        properties.put("orchestrator.topics.notifications", notifications);
        properties.put("orchestrator.topics.account-requests", accountRequests);
        properties.put("orchestrator.topics.account-rejections", accountRejections);
        properties.put("orchestrator.topics.account-updates", accountUpdates);
        properties.put("orchestrator.topics.account-notices", accountNotices);
        // accounts are taken to Huifu only where a test has one (HuifuStack)
        properties.put("orchestrator.accounts.worker-enabled", false);
        properties.put("orchestrator.accounts.hash-key", Base64.getEncoder().encodeToString(randomKey()));
        properties.put("orchestrator.topics.partitions", 1);
        properties.put("orchestrator.consumer.group-id", "orchestrator-" + UUID.randomUUID());
        properties.put("orchestrator.huifu.base-url", "http://127.0.0.1:9");
        properties.put("orchestrator.huifu.sys-id", "6666000100000000");
        properties.put("orchestrator.huifu.product-id", "PAYUN");
        properties.put("orchestrator.huifu.merchant-private-key", HuifuKeys.toBase64(merchantKeys.getPrivate()));
        properties.put("orchestrator.huifu.huifu-public-key", HuifuKeys.toBase64(huifuKeys.getPublic()));
        properties.put("orchestrator.huifu.notify-url", "http://127.0.0.1:9/huifu/notify/withdrawal");
        // the statement job only when a test runs it; its downloads in a folder of their own
        properties.put("orchestrator.statement.enabled", false);
        properties.put("orchestrator.statement.folder", statementFolder());
        properties.put("orchestrator.submission.enabled", false);
        properties.put("orchestrator.outbox.poll-interval", "100ms");
        properties.put("orchestrator.notifications.pending-sweep", "200ms");
        properties.putAll(overrides);
    }

    /** Sets a property before {@link #start()} (e.g. the sandbox's address, known only once it runs). */
    private static String statementFolder() {
        try {
            return Files.createTempDirectory("orchestrator-statements-").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public OrchestratorHarness with(String key, Object value) {
        properties.put(key, value);
        return this;
    }

    /** Adds configuration classes to the orchestrator's context before {@link #start()}. */
    public OrchestratorHarness withSources(Class<?>... sources) {
        this.sources = sources;
        return this;
    }

    public OrchestratorHarness start() {
        server = OrchestratorServer.start(properties, sources);
        return this;
    }

    /** Closes the running context and starts a new one on the same database and topics. */
    public void restart() {
        server.close();
        server = OrchestratorServer.start(properties, sources);
    }

    public OrchestratorServer server() {
        return server;
    }

    public <T> T bean(Class<T> type) {
        return server.context().getBean(type);
    }

    public Optional<Withdrawal> withdrawal(String id) {
        return bean(Withdrawals.class).find(id);
    }

    public List<HistoryRow> history(String id) {
        return bean(WithdrawalHistory.class).of(id);
    }

    public void sendRequest(String key, String json) {
        TestKafka.sendBytes(requests, List.of(Map.entry(key, json.getBytes(StandardCharsets.UTF_8))));
    }

    public void sendAccountRequest(String key, String json) {
        TestKafka.sendBytes(accountRequests, List.of(Map.entry(key, json.getBytes(StandardCharsets.UTF_8))));
    }

    public List<ConsumerRecord<String, String>> awaitAccountRejections(
            Predicate<List<ConsumerRecord<String, String>>> until) {
        return TestKafka.awaitRecords(accountRejections, until, WAIT);
    }

    public List<ConsumerRecord<String, String>> awaitAccountUpdates(
            Predicate<List<ConsumerRecord<String, String>>> until) {
        return TestKafka.awaitRecords(accountUpdates, until, WAIT);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    public List<ConsumerRecord<String, String>> awaitOutcomes(Predicate<List<ConsumerRecord<String, String>>> until) {
        return TestKafka.awaitRecords(outcomes, until, WAIT);
    }

    public List<ConsumerRecord<String, String>> awaitRejections(
            Predicate<List<ConsumerRecord<String, String>>> until) {
        return TestKafka.awaitRecords(rejections, until, WAIT);
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String request(String id, String huifuId, String cashAmt, String dateType) {
        return """
                {"withdrawal_id":"%s","huifu_id":"%s","account_kind":"MERCHANT","token_no":"10004053462",\
                "cash_amt":"%s","into_acct_date_type":"%s"}""".formatted(id, huifuId, cashAmt, dateType);
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
