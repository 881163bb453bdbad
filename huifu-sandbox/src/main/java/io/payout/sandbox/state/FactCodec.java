package io.payout.sandbox.state;

import io.payout.sandbox.account.AccountFact;
import io.payout.sandbox.ledger.LedgerFact;
import io.payout.sandbox.lifecycle.WithdrawalFact;
import io.payout.sandbox.statement.StatementFact;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fact as one JSON line, {@code {"fact":"Accepted","data":{...}}}, and back. The name is the record's simple name,
 * so the journal reads as a story; amounts are Huifu's two-decimal text, instants ISO-8601.
 */
final class FactCodec {

    private static final List<Class<?>> FACTS = List.of(
            LedgerFact.AccountCreated.class, LedgerFact.CardAdded.class, LedgerFact.CashConfigSet.class,
            LedgerFact.Credited.class,
            WithdrawalFact.SerialClaimed.class, WithdrawalFact.Accepted.class, WithdrawalFact.Refused.class,
            WithdrawalFact.Debited.class, WithdrawalFact.Paid.class, WithdrawalFact.BookedBack.class,
            WithdrawalFact.FeeMisreported.class, WithdrawalFact.ResultNoticed.class,
            StatementFact.RowAltered.class, StatementFact.TaskFailed.class, StatementFact.TaskReplayed.class,
            AccountFact.UserOpened.class, AccountFact.CardRecorded.class, AccountFact.ApplicationFiled.class,
            AccountFact.ApplicationDecided.class, AccountFact.AnswerKept.class,
            AccountFact.MerchantChangeFiled.class, AccountFact.SmsCodeSent.class, AccountFact.MerchantStatusSet.class);

    private final JsonMapper json = JsonMapper.builder()
            // A journal written by a newer sandbox with an extra field still restores.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final Map<String, Class<?>> byName = new HashMap<>();

    FactCodec() {
        FACTS.forEach(type -> byName.put(type.getSimpleName(), type));
    }

    String encode(Object fact) {
        String name = fact.getClass().getSimpleName();
        if (byName.get(name) != fact.getClass()) {
            throw new IllegalArgumentException("not a journaled fact: " + fact.getClass());
        }
        return "{\"fact\":\"" + name + "\",\"data\":" + json.writeValueAsString(fact) + "}";
    }

    /** The fact on {@code line}; throws on anything else (a torn or damaged line). */
    Object decode(String line) {
        JsonNode node = json.readTree(line);
        JsonNode name = node.get("fact");
        JsonNode data = node.get("data");
        Class<?> type = name == null ? null : byName.get(name.asString());
        if (type == null || data == null || !data.isObject()) {
            throw new IllegalArgumentException("not a journal line: " + line);
        }
        return json.treeToValue(data, type);
    }
}
