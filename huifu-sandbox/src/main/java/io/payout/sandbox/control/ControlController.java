package io.payout.sandbox.control;

import io.payout.sandbox.SandboxKeys;
import io.payout.sandbox.api.SerialLog;
import io.payout.sandbox.api.SerialView;
import io.payout.sandbox.behavior.FaultSettings;
import io.payout.sandbox.behavior.Faults;
import io.payout.sandbox.behavior.OneShotFault;
import io.payout.sandbox.ledger.AccountSpec;
import io.payout.sandbox.ledger.AccountView;
import io.payout.sandbox.ledger.CardSpec;
import io.payout.sandbox.ledger.CashConfigSpec;
import io.payout.sandbox.ledger.Ledger;
import io.payout.sandbox.ledger.LedgerView;
import io.payout.sandbox.lifecycle.Lifecycle;
import io.payout.sandbox.lifecycle.SandboxStatus;
import io.payout.sandbox.lifecycle.WithdrawalView;
import io.payout.sandbox.lifecycle.Withdrawals;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The sandbox's own control API (JSON, snake_case) for tests and the local stack; not one of Huifu's paths. */
@RestController
@RequestMapping("/sandbox")
public class ControlController {

    private static final Logger log = LoggerFactory.getLogger(ControlController.class);

    private final Ledger ledger;
    private final Withdrawals withdrawals;
    private final SerialLog serials;
    private final Faults faults;
    private final Lifecycle lifecycle;
    private final SandboxKeys keys;

    public ControlController(Ledger ledger, Withdrawals withdrawals, SerialLog serials, Faults faults,
                             Lifecycle lifecycle, SandboxKeys keys) {
        this.ledger = ledger;
        this.withdrawals = withdrawals;
        this.serials = serials;
        this.faults = faults;
        this.lifecycle = lifecycle;
        this.keys = keys;
    }

    /**
     * 201 when created; 200 with the account as it is now when it already exists with this very spec (a launcher
     * creating its accounts at every start puts no money in twice); 409 when it exists with another spec.
     */
    @PostMapping("/accounts")
    public ResponseEntity<AccountView> createAccount(@RequestBody AccountSpec spec) {
        Ledger.Creation creation = ledger.create(spec);
        return ResponseEntity.status(creation.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(creation.account());
    }

    @GetMapping("/accounts")
    public List<AccountView> accounts() {
        return ledger.accounts();
    }

    @GetMapping("/accounts/{huifuId}")
    public AccountView account(@PathVariable String huifuId) {
        return ledger.account(huifuId).orElseThrow(() -> new NoSuchElementException("no account " + huifuId));
    }

    @PostMapping("/accounts/{huifuId}/cards")
    public AccountView addCard(@PathVariable String huifuId, @RequestBody CardSpec card) {
        return ledger.addCard(huifuId, card);
    }

    @PutMapping("/accounts/{huifuId}/cash_config")
    public AccountView setCashConfig(@PathVariable String huifuId, @RequestBody List<CashConfigSpec> configs) {
        return ledger.setCashConfig(huifuId, configs);
    }

    @PostMapping("/accounts/{huifuId}/credits")
    public AccountView credit(@PathVariable String huifuId, @RequestBody Credit credit) {
        return ledger.credit(huifuId, credit.amount(), credit.todayCredit());
    }

    @GetMapping("/withdrawals")
    public List<WithdrawalView> withdrawals(@RequestParam(name = "huifu_id", required = false) String huifuId,
                                            @RequestParam(name = "req_seq_id", required = false) String reqSeqId) {
        return withdrawals.list(huifuId, reqSeqId);
    }

    /** Test switch: Huifu reports {@code fee_amt} for this withdrawal from now on (a reconciliation mismatch). */
    @PutMapping("/withdrawals/{huifuId}/{reqSeqId}/reported_fee")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void misreportFee(@PathVariable String huifuId, @PathVariable String reqSeqId,
                             @RequestBody ReportedFee reported) {
        withdrawals.misreportFee(huifuId, reqSeqId, reported.feeAmt());
        log.info("withdrawal huifu_id={} req_seq_id={} now reports fee_amt={}", huifuId, reqSeqId,
                reported.feeAmt());
    }

    @GetMapping("/serials")
    public List<SerialView> serials(@RequestParam(name = "huifu_id", required = false) String huifuId,
                                    @RequestParam(name = "req_seq_id", required = false) String reqSeqId) {
        return serials.list(huifuId, reqSeqId);
    }

    @GetMapping("/faults")
    public FaultSettings faults() {
        return faults.settings();
    }

    @PutMapping("/faults")
    public FaultSettings setFaults(@RequestBody FaultSettings settings) {
        faults.set(settings);
        log.info("faults set {}", faults.settings());
        return faults.settings();
    }

    @PostMapping("/faults/next")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public void nextFault(@RequestBody OneShotFault oneShot) {
        faults.arm(oneShot);
        log.info("one-shot fault armed {}", oneShot);
    }

    @DeleteMapping("/faults")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void clearFaults() {
        faults.clear();
        log.info("faults cleared");
    }

    @PostMapping("/settle")
    public LedgerView settle() {
        lifecycle.settleAll();
        return ledger.totals();
    }

    @GetMapping("/ledger")
    public LedgerView ledger() {
        return ledger.totals();
    }

    @GetMapping("/status")
    public SandboxStatus status() {
        return lifecycle.status();
    }

    @GetMapping("/keys")
    public Map<String, String> keys() {
        return Map.of("huifu_public_key", keys.huifuPublicKeyBase64());
    }
}
