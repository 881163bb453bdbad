package io.payout.model.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.payout.model.AccountKind;
import io.payout.model.Amount;
import io.payout.model.EventSource;
import io.payout.model.HuifuNotification;
import io.payout.model.IntoAcctDateType;
import io.payout.model.RequestRejected;
import io.payout.model.RequestRejected.FieldError;
import io.payout.model.RequestRejected.RejectionReason;
import io.payout.model.Topics;
import io.payout.model.WithdrawalRequested;
import io.payout.model.WithdrawalStatus;
import io.payout.model.WithdrawalStatusChanged;
import io.payout.model.account.AccountChange;
import io.payout.model.account.AccountChanged;
import io.payout.model.account.AccountRequestParser;
import io.payout.model.account.AccountRequestRejected;
import io.payout.model.account.AccountSource;
import io.payout.model.account.CardType;
import io.payout.model.account.CashConfig;
import io.payout.model.account.CashConfigEntry;
import io.payout.model.account.FeeBearer;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The contract's schemas against the code: every kind of record the services write validates, and each message
 * type's fields in code are exactly the schema's properties, so neither side can grow a field the other lacks.
 */
class ContractSchemasTest {

    /** The mapper the outbox and the gateway write with. */
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-12-04T08:00:00Z");

    static Stream<Object[]> everyKindOfRecord() {
        List<Object[]> records = new ArrayList<>();
        records.add(new Object[] {"a full request", ContractSchemas.WITHDRAWAL_REQUESTED, fullRequest()});
        records.add(new Object[] {"a request without its optional fields", ContractSchemas.WITHDRAWAL_REQUESTED,
                new WithdrawalRequested("w-2", "6666000123456789", AccountKind.USER, "10004053462",
                        Amount.parse("0.01"), IntoAcctDateType.DM, null, null, null)});
        for (List<WithdrawalStatus> path : WithdrawalStatus.PATHS) {
            WithdrawalStatus previous = null;
            for (WithdrawalStatus status : path) {
                records.add(new Object[] {previous + " -> " + status + " on " + path,
                        ContractSchemas.WITHDRAWAL_STATUS_CHANGED, outcome(status, previous)});
                previous = status;
            }
        }
        for (RejectionReason reason : RejectionReason.values()) {
            records.add(new Object[] {"a rejection " + reason, ContractSchemas.REQUEST_REJECTED, new RequestRejected(
                    reason == RejectionReason.MALFORMED ? null : "w-3", reason,
                    List.of(new FieldError("cash_amt", "cash_amt is required")), "{\"withdrawal_id\":\"w-3\"}", NOW)});
        }
        for (RejectionReason reason : RejectionReason.values()) {
            records.add(new Object[] {"an account rejection " + reason, ContractSchemas.ACCOUNT_REQUEST_REJECTED,
                    accountRejection(reason == RejectionReason.MALFORMED ? null : "a-3", reason)});
        }
        for (AccountChange change : AccountChange.values()) {
            records.add(new Object[] {"an account change " + change, ContractSchemas.ACCOUNT_CHANGED,
                    accountChanged(change)});
        }
        records.add(new Object[] {"a withdrawal notice", ContractSchemas.HUIFU_NOTIFICATION, notice(
                HuifuNotification.KIND_WITHDRAWAL, "02")});
        records.add(new Object[] {"an account notice", ContractSchemas.HUIFU_NOTIFICATION, notice(
                HuifuNotification.KIND_ACCOUNT, null)});
        return records.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKindOfRecord")
    void everyKindOfRecordValidatesAgainstItsSchema(String what, ContractSchemas schema, Object record) {
        assertThat(errors(schema, JSON.writeValueAsString(record))).as(what).isEmpty();
    }

    /**
     * Account requests are read by {@link AccountRequestParser}, not written from a record, so the schema is held
     * against what the parser accepts: its own examples are valid requests, and so is every action's shape.
     */
    @Test
    void theAccountRequestSchemaAgreesWithTheParser() throws IOException {
        AccountRequestParser parser = new AccountRequestParser();
        List<String> requests = new ArrayList<>();
        try (InputStream in = ContractSchemas.ACCOUNT_REQUESTED.open()) {
            JSON.readTree(in).path("examples").forEach(example -> requests.add(example.toString()));
        }
        requests.add("""
                {"account_request_id":"a-2","action":"BIND_CARD","account_kind":"MERCHANT",
                 "huifu_id":"6666000123456789","verify_code":"123456","card":{"card_type":"0",
                 "card_name":"上海某某有限公司","card_no":"31050161393600000001","prov_id":"310000","area_id":"310100",
                 "branch_code":"105290061008"}}""");
        requests.add("""
                {"account_request_id":"a-3","action":"BIND_CARD","account_kind":"MERCHANT",
                 "huifu_id":"6666000123456789","authentication_type":"1","authentication_person_type":"1",
                 "authentication_person_mobile":"13800138000","card":{"card_type":"0","card_no":"31050161393600000001",
                 "prov_id":"310000","area_id":"310100","branch_code":"105290061008"}}""");
        requests.add("""
                {"account_request_id":"a-5","action":"REFRESH","account_kind":"MERCHANT","huifu_id":"6666000123456789"}""");
        assertThat(requests).hasSizeGreaterThanOrEqualTo(5);
        for (String request : requests) {
            assertThat(parser.parse(request.getBytes(StandardCharsets.UTF_8)).errors()).as(request).isEmpty();
            assertThat(errors(ContractSchemas.ACCOUNT_REQUESTED, request)).as(request).isEmpty();
        }
        assertThat(errors(ContractSchemas.ACCOUNT_REQUESTED,
                "{\"account_request_id\":\"a-6\",\"action\":\"CLOSE\",\"account_kind\":\"USER\"}")).isNotEmpty();
    }

    @Test
    void theSchemasRefuseWhatTheContractRefuses() {
        assertThat(errors(ContractSchemas.WITHDRAWAL_REQUESTED, JSON.writeValueAsString(fullRequest())
                .replace("\"100.00\"", "\"0.00\""))).isNotEmpty();
        assertThat(errors(ContractSchemas.WITHDRAWAL_REQUESTED, "{\"withdrawal_id\":\"w 1\"}")).isNotEmpty();
        assertThat(errors(ContractSchemas.WITHDRAWAL_STATUS_CHANGED, JSON.writeValueAsString(
                outcome(WithdrawalStatus.SUCCEEDED, WithdrawalStatus.ACCOUNTED)).replace("SUCCEEDED", "PAID")))
                .isNotEmpty();
        assertThat(errors(ContractSchemas.HUIFU_NOTIFICATION, JSON.writeValueAsString(
                notice(HuifuNotification.KIND_WITHDRAWAL, "02")).replace("\"02\"", "2"))).isNotEmpty();
    }

    @Test
    void theSchemasStayOpenToFieldsTheyDoNotList() {
        String withMore = JSON.writeValueAsString(fullRequest()).replaceFirst("\\{", "{\"next_year_field\":1,");

        assertThat(errors(ContractSchemas.WITHDRAWAL_REQUESTED, withMore)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ContractSchemas.class)
    void theSchemasOwnExamplesValidate(ContractSchemas schema) throws IOException {
        try (InputStream in = schema.open()) {
            JsonNode examples = JSON.readTree(in).path("examples");
            for (JsonNode example : examples) {
                assertThat(errors(schema, example.toString())).as(example.toString()).isEmpty();
            }
        }
    }

    @Test
    void eachMessageTypesFieldsAreExactlyItsSchemasProperties() {
        assertThat(fieldDifferences(ContractSchemas.WITHDRAWAL_REQUESTED, fullRequest())).isEmpty();
        assertThat(fieldDifferences(ContractSchemas.WITHDRAWAL_STATUS_CHANGED,
                outcome(WithdrawalStatus.REFUNDED, WithdrawalStatus.ACCOUNTED))).isEmpty();
        assertThat(fieldDifferences(ContractSchemas.REQUEST_REJECTED, new RequestRejected("w-3",
                RejectionReason.VALIDATION_FAILED, List.of(), "{}", NOW))).isEmpty();
        assertThat(fieldDifferences(ContractSchemas.HUIFU_NOTIFICATION,
                notice(HuifuNotification.KIND_WITHDRAWAL, "01"))).isEmpty();
        assertThat(fieldDifferences(ContractSchemas.ACCOUNT_CHANGED, accountChanged(AccountChange.CASH_CONFIG)))
                .isEmpty();
        assertThat(fieldDifferences(ContractSchemas.ACCOUNT_REQUEST_REJECTED,
                accountRejection("a-3", RejectionReason.IDEMPOTENCY_CONFLICT))).isEmpty();
    }

    /** Every field filled, whatever the change, so the schema is checked against all of them. */
    private static AccountChanged accountChanged(AccountChange change) {
        CashConfig d1 = new CashConfig(IntoAcctDateType.D1, true, Amount.parse("2.00"), new BigDecimal("0.05"),
                Amount.parse("1.00"), new BigDecimal("0.03"), FeeBearer.EXTERNAL, "6666000100000000");
        return new AccountChanged(UUID.randomUUID(), "6666000123456789", AccountKind.USER, "a-1", change,
                AccountSource.QUERY, NOW, "AP1", "REJECTED_BY_HUIFU", "card name mismatch", "card", "10004053462",
                "****2233", CardType.PRIVATE_LEGAL_PERSON.code(), true, List.of(CashConfigEntry.of(d1)), "NORMAL");
    }

    private static AccountRequestRejected accountRejection(String id, RejectionReason reason) {
        return new AccountRequestRejected(id, reason, List.of(new FieldError("action", "action is required")),
                "{\"account_request_id\":\"a-3\"}", NOW);
    }

    /** An outcome with one field more than the contract knows, as a careless change would write it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record OutcomeWithAnUndocumentedField(UUID eventId, String withdrawalId, WithdrawalStatus status,
                                          WithdrawalStatus previousStatus, String huifuId, AccountKind accountKind,
                                          IntoAcctDateType intoAcctDateType, Amount cashAmt, Amount feeAmt,
                                          Amount expectedFeeAmt, String reqDate, String reqSeqId, String hfSeqId, String reasonCode,
                                          String reason, EventSource source, Instant occurredAt, Amount bonusAmt) {
    }

    @Test
    void aFieldAddedInCodeButNotInTheSchemaIsCaught() {
        OutcomeWithAnUndocumentedField grown = new OutcomeWithAnUndocumentedField(UUID.randomUUID(), "w-1",
                WithdrawalStatus.SUCCEEDED, WithdrawalStatus.ACCOUNTED, "6666000123456789", AccountKind.MERCHANT,
                IntoAcctDateType.T1, Amount.parse("100.00"), Amount.parse("1.00"), null, "20261204", "W1", "HF1", null,
                null, EventSource.NOTIFICATION, NOW, Amount.parse("5.00"));

        assertThat(errors(ContractSchemas.WITHDRAWAL_STATUS_CHANGED, JSON.writeValueAsString(grown)))
                .as("open schemas accept it").isEmpty();
        assertThat(fieldDifferences(ContractSchemas.WITHDRAWAL_STATUS_CHANGED, grown))
                .containsExactly("bonus_amt is in the code but not in withdrawal-status-changed.schema.json");
    }

    @Test
    void theAsyncApiDocumentNamesEveryTopicAndEverySchema() throws IOException {
        Path doc = Path.of("..", "docs", "asyncapi.yaml");
        JsonNode asyncApi = YAMLMapper.builder().build().readTree(doc.toFile());
        Set<String> addresses = new TreeSet<>();
        asyncApi.path("channels").forEach(channel -> addresses.add(channel.path("address").asString()));
        Set<String> payloads = new TreeSet<>();
        asyncApi.path("components").path("messages").forEach(message -> {
            String ref = message.path("payload").path("$ref").asString("");
            if (!ref.isEmpty()) {
                payloads.add(Path.of(ref).getFileName().toString());
            }
        });

        assertThat(asyncApi.path("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(addresses).contains(Topics.WITHDRAWAL_OUTCOMES, Topics.WITHDRAWAL_REJECTIONS);
        // what the services read also has a quarantine topic
        for (String topic : List.of(Topics.WITHDRAWAL_REQUESTS, Topics.HUIFU_NOTIFICATIONS,
                Topics.HUIFU_ACCOUNT_NOTICES)) {
            assertThat(addresses).contains(topic, Topics.quarantineOf(topic));
        }
        assertThat(payloads).containsExactlyInAnyOrder(Stream.of(ContractSchemas.values())
                .map(ContractSchemas::file).toArray(String[]::new));
        for (String file : payloads) {
            assertThat(Path.of("src/main/resources/io/payout/model/schemas", file)).exists();
        }
    }

    private static List<String> fieldDifferences(ContractSchemas schema, Object record) {
        Set<String> inCode = new TreeSet<>();
        JSON.valueToTree(record).properties().forEach(e -> inCode.add(e.getKey()));
        Set<String> inSchema = new TreeSet<>();
        try (InputStream in = schema.open()) {
            JSON.readTree(in).path("properties").properties().forEach(e -> inSchema.add(e.getKey()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> differences = new ArrayList<>();
        inCode.stream().filter(f -> !inSchema.contains(f))
                .forEach(f -> differences.add(f + " is in the code but not in " + schema.file()));
        inSchema.stream().filter(f -> !inCode.contains(f))
                .forEach(f -> differences.add(f + " is in " + schema.file() + " but not in the code"));
        return differences;
    }

    private static List<String> errors(ContractSchemas schema, String json) {
        return schema.errors(json);
    }

    private static WithdrawalRequested fullRequest() {
        return new WithdrawalRequested("w-1", "6666000123456789", AccountKind.MERCHANT, "10004053462",
                Amount.parse("100.00"), IntoAcctDateType.T1, "F00598600", "月结", NOW);
    }

    private static WithdrawalStatusChanged outcome(WithdrawalStatus status, WithdrawalStatus previous) {
        boolean ending = status == WithdrawalStatus.FAILED || status == WithdrawalStatus.REFUNDED;
        boolean sent = status != WithdrawalStatus.REQUESTED;
        return new WithdrawalStatusChanged(UUID.randomUUID(), "w-1", status, previous, "6666000123456789",
                AccountKind.MERCHANT, IntoAcctDateType.T1, Amount.parse("100.00"),
                sent ? Amount.parse("1.05") : null, sent ? Amount.parse("1.05") : null, "20261204", sent ? "W20261204080000123abc" : null,
                sent ? "002900TOP3A221112165433P410ac139c1300001" : null, ending ? "10000001" : null,
                ending ? "银行卡异常" : null, status == WithdrawalStatus.REQUESTED ? EventSource.REQUEST
                : EventSource.NOTIFICATION, NOW);
    }

    private static HuifuNotification notice(String kind, String msgType) {
        String raw = "{\"huifu_id\":\"6666000123456789\",\"req_seq_id\":\"W1\"}";
        return new HuifuNotification("a".repeat(64), kind, msgType,
                Map.of("huifu_id", "6666000123456789", "req_seq_id", "W1"), raw, "c2lnbg==", NOW);
    }
}
