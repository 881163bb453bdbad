package io.payout.sandbox;

import io.payout.model.Amount;
import io.payout.sandbox.account.CardHolders;
import io.payout.sandbox.account.ReviewSettings;
import io.payout.sandbox.api.SerialView;
import io.payout.sandbox.behavior.Fault;
import io.payout.sandbox.behavior.FaultSettings;
import io.payout.sandbox.behavior.OneShotFault;
import io.payout.sandbox.control.ClockAdvance;
import io.payout.sandbox.control.ClockView;
import io.payout.sandbox.control.Credit;
import io.payout.sandbox.ledger.AccountSpec;
import io.payout.sandbox.ledger.AccountView;
import io.payout.sandbox.ledger.CardSpec;
import io.payout.sandbox.ledger.CashConfigSpec;
import io.payout.sandbox.ledger.LedgerView;
import io.payout.sandbox.lifecycle.SandboxStatus;
import io.payout.sandbox.lifecycle.WithdrawalView;
import io.payout.sandbox.statement.ElsewhereWithdrawal;
import io.payout.sandbox.statement.RowOverride;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Java client of the sandbox's control API ({@code /sandbox/...}): set up accounts, read the ledger's truth,
 * switch faults, settle. Blocking and thread-safe. Failures throw {@link ControlException} with the server's message.
 */
public final class SandboxControl {

    /** The control API refused a call: {@code status} and the server's {@code {"error": ...}} body. */
    public static final class ControlException extends IllegalStateException {
        private final int status;

        ControlException(int status, String body) {
            super("sandbox control API answered " + status + ": " + body);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SandboxControl(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** A client of the sandbox at {@code baseUrl} (e.g. {@code http://127.0.0.1:8090}). */
    public static SandboxControl of(String baseUrl) {
        return new SandboxControl(baseUrl);
    }

    /**
     * Creates the account, or answers it as it is now if it already exists with exactly this spec (so a launcher may
     * create its accounts at every start, also on a kept {@code sandbox.state-dir}, and no money is put in twice).
     * An existing account with another spec throws {@link ControlException} with status 409.
     */
    public AccountView createAccount(AccountSpec spec) {
        return call("POST", "/sandbox/accounts", spec, AccountView.class);
    }

    public AccountView account(String huifuId) {
        return call("GET", "/sandbox/accounts/" + encode(huifuId), null, AccountView.class);
    }

    public AccountView addCard(String huifuId, CardSpec card) {
        return call("POST", "/sandbox/accounts/" + encode(huifuId) + "/cards", card, AccountView.class);
    }

    public AccountView setCashConfig(String huifuId, List<CashConfigSpec> configs) {
        return call("PUT", "/sandbox/accounts/" + encode(huifuId) + "/cash_config", configs, AccountView.class);
    }

    /** Puts money in: to the settled balance, or to today's credits (which DM may not withdraw). */
    public AccountView credit(String huifuId, Amount amount, boolean todayCredit) {
        return call("POST", "/sandbox/accounts/" + encode(huifuId) + "/credits", new Credit(amount, todayCredit),
                AccountView.class);
    }

    /** Every accepted withdrawal, oldest first, with its true state and every notification attempt. */
    public List<WithdrawalView> withdrawals() {
        return call("GET", "/sandbox/withdrawals", null, new TypeReference<List<WithdrawalView>>() { });
    }

    public List<WithdrawalView> withdrawals(String huifuId) {
        return call("GET", "/sandbox/withdrawals?huifu_id=" + encode(huifuId), null,
                new TypeReference<List<WithdrawalView>>() { });
    }

    public Optional<WithdrawalView> withdrawal(String huifuId, String reqSeqId) {
        List<WithdrawalView> found = call("GET", "/sandbox/withdrawals?huifu_id=" + encode(huifuId)
                + "&req_seq_id=" + encode(reqSeqId), null, new TypeReference<List<WithdrawalView>>() { });
        return found.stream().findFirst();
    }

    /** Huifu reports {@code fee} for this withdrawal from now on, not the fee it charged (reconciliation tests). */
    public void misreportFee(String huifuId, String reqSeqId, Amount fee) {
        call("PUT", "/sandbox/withdrawals/" + encode(huifuId) + "/" + encode(reqSeqId) + "/reported_fee",
                new io.payout.sandbox.control.ReportedFee(fee), Void.class);
    }

    /** A paid withdrawal no client submitted (unknown to us): in the ledger and on the statement of its date. */
    public WithdrawalView withdrawElsewhere(ElsewhereWithdrawal spec) {
        return call("POST", "/sandbox/withdrawals/elsewhere", spec, WithdrawalView.class);
    }

    /** The statement row of this accepted withdrawal shows {@code override} from now on (statement only). */
    public void alterStatementRow(String huifuId, String reqSeqId, RowOverride override) {
        call("PUT", "/sandbox/statements/" + encode(huifuId) + "/rows/" + encode(reqSeqId), override, Void.class);
    }

    /** The statement task of {@code fileDate} (yyyyMMdd, trade date + 1) shows task_stat F until replayed. */
    public void failStatementTask(String huifuId, String fileDate) {
        call("POST", "/sandbox/statements/" + encode(huifuId) + "/" + encode(fileDate) + "/failure", null,
                Void.class);
    }

    /** The settlement clock (T1, D1, statements) and real time. */
    public ClockView clock() {
        return call("GET", "/sandbox/clock", null, ClockView.class);
    }

    /** Moves the settlement clock forward to {@code to} (never back); work already scheduled keeps its delay. */
    public ClockView advanceClock(Instant to) {
        return call("POST", "/sandbox/clock", new ClockAdvance(to), ClockView.class);
    }

    /** Every encashment request received, accepted or refused, in arrival order. */
    public List<SerialView> serials() {
        return call("GET", "/sandbox/serials", null, new TypeReference<List<SerialView>>() { });
    }

    public List<SerialView> serials(String huifuId) {
        return call("GET", "/sandbox/serials?huifu_id=" + encode(huifuId), null,
                new TypeReference<List<SerialView>>() { });
    }

    public FaultSettings faults() {
        return call("GET", "/sandbox/faults", null, FaultSettings.class);
    }

    public FaultSettings setFaults(FaultSettings settings) {
        return call("PUT", "/sandbox/faults", settings, FaultSettings.class);
    }

    /** The next matching event (for any account) gets {@code fault}. */
    public void nextFault(Fault fault) {
        nextFault(fault, null);
    }

    /** The next matching event of account {@code huifuId} gets {@code fault}. */
    public void nextFault(Fault fault, String huifuId) {
        call("POST", "/sandbox/faults/next", new OneShotFault(fault, huifuId), Void.class);
    }

    public void clearFaults() {
        call("DELETE", "/sandbox/faults", null, Void.class);
    }

    /** Finishes every pending debit and payout now (T1 and D1 included); notices are then sent asynchronously. */
    public LedgerView settle() {
        return call("POST", "/sandbox/settle", null, LedgerView.class);
    }

    /** Pending withdrawals and notices; {@code status().idle()} is what tests await. */
    public SandboxStatus status() {
        return call("GET", "/sandbox/status", null, SandboxStatus.class);
    }

    public LedgerView ledger() {
        return call("GET", "/sandbox/ledger", null, LedgerView.class);
    }

    /** Who the bank says holds {@code cardNo}: a binding that declares anyone else is refused. */
    public void registerCardHolder(String cardNo, CardHolders.Holder holder) {
        call("PUT", "/sandbox/cards/" + encode(cardNo) + "/holder", holder, Void.class);
    }

    /** How card_type 4 applications filed from now on are reviewed. */
    public ReviewSettings setAccountReview(ReviewSettings settings) {
        return call("PUT", "/sandbox/account-review", settings, ReviewSettings.class);
    }

    /** The SMS code {@code sms/send} last texted to the merchant. */
    public String smsCode(String huifuId) {
        return call("GET", "/sandbox/merchants/" + encode(huifuId) + "/sms-code", null,
                new TypeReference<Map<String, String>>() { }).get("verify_code");
    }

    /** The merchant's {@code mer_stat} in the detail query from now on. */
    public void setMerStat(String huifuId, String merStat) {
        call("PUT", "/sandbox/merchants/" + encode(huifuId) + "/mer-stat", Map.of("mer_stat", merStat), Void.class);
    }

    private <T> T call(String method, String path, Object body, Class<T> type) {
        String text = send(method, path, body);
        return type == Void.class || text.isEmpty() ? null : JSON.readValue(text, type);
    }

    private <T> T call(String method, String path, Object body, TypeReference<T> type) {
        return JSON.readValue(send(method, path, body), type);
    }

    private String send(String method, String path, Object body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, publisher)
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("sandbox control API unreachable at " + baseUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted calling the sandbox control API", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new ControlException(response.statusCode(), response.body());
        }
        return response.body();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
