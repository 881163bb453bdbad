package io.payout.orchestrator;

import io.payout.model.HuifuNotification;
import io.payout.model.huifu.HuifuKeys;
import io.payout.model.huifu.HuifuNotifications;
import io.payout.orchestrator.withdrawal.DueWork;
import io.payout.orchestrator.withdrawal.HistoryRow;
import io.payout.orchestrator.withdrawal.SerialKey;
import io.payout.orchestrator.withdrawal.SerialNumbers;
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
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real orchestrator for integration tests: a fresh PostgreSQL database, the shared in-process broker, topics of
 * its own (one partition, so order across keys is total), and keys generated for the run.
 */
public final class OrchestratorHarness implements AutoCloseable {

    private static final JsonMapper NOTICE_JSON = JsonMapper.builder().build();

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

    /**
     * Huifu notifies only serials it was sent; with the workers off, a claim marks each due withdrawal sent (its
     * serial row written) as the first send would.
     */
    public void markDueSent() {
        Instant now = Instant.now();
        bean(DueWork.class).claim("test", now, now.plusSeconds(30), SerialNumbers.reqDate(now), 100);
    }

    /** A withdrawal notice for {@code serial}, signed with the harness's Huifu key, as the gateway publishes it. */
    public String signedNotice(SerialKey serial, String msgType, String transStatus, String acctStatus,
                               String cashAmt, String feeAmt) {
        return signedNotice(noticeData(serial, msgType, transStatus, acctStatus, cashAmt, feeAmt));
    }

    /** The resp_data of a withdrawal notice (a failed one with Huifu's 10000001). */
    public static Map<String, String> noticeData(SerialKey serial, String msgType, String transStatus,
                                                 String acctStatus, String cashAmt, String feeAmt) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("acct_status", acctStatus);
        data.put("cash_amt", cashAmt);
        data.put("fee_amt", feeAmt);
        data.put("hf_seq_id", "0029HF" + serial.reqSeqId());
        data.put("huifu_id", serial.huifuId());
        data.put("msg_type", msgType);
        data.put("req_date", serial.reqDate());
        data.put("req_seq_id", serial.reqSeqId());
        boolean failed = "F".equals(transStatus);
        data.put("sub_resp_code", failed ? "10000001" : "00000000");
        data.put("sub_resp_desc", failed ? "银行卡异常" : "处理成功");
        data.put("trans_status", transStatus);
        data.put("trans_type", "ENCHASHMENT");
        return data;
    }

    /** {@code respData} signed with the harness's Huifu key, as the gateway's record of it. */
    public String signedNotice(Map<String, String> respData) {
        return signedNotice(respData, huifuKeys.getPrivate());
    }

    /** {@code respData} signed with {@code key} (a forgery unless it is Huifu's), as the gateway's record of it. */
    public static String signedNotice(Map<String, String> respData, PrivateKey key) {
        Map<String, String> form = HuifuNotifications.signedForm(respData, key);
        String raw = form.get("resp_data");
        Map<String, String> fields = new LinkedHashMap<>();
        NOTICE_JSON.readTree(raw).properties().forEach(e -> fields.put(e.getKey(), e.getValue().asString()));
        HuifuNotification notification = new HuifuNotification(HuifuNotifications.notificationId(raw),
                HuifuNotification.KIND_WITHDRAWAL, fields.get("msg_type"), fields, raw, form.get("sign"),
                Instant.now());
        return NOTICE_JSON.writeValueAsString(notification);
    }

    public void deliverNotice(String record) {
        TestKafka.send(notifications, "key", record);
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
