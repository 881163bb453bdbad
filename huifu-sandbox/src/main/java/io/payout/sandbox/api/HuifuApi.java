package io.payout.sandbox.api;

import io.payout.sandbox.SandboxKeys;
import io.payout.sandbox.SandboxProperties;
import io.payout.sandbox.behavior.Fault;
import io.payout.sandbox.behavior.Faults;
import io.payout.sandbox.ledger.Ledger;
import io.payout.sandbox.lifecycle.Lifecycle;
import io.payout.sandbox.lifecycle.SettlementClock;
import io.payout.sandbox.lifecycle.Withdrawals;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Huifu's paths, exactly as Huifu has them: the gateway checks, the sync faults, then the business handlers.
 * Returns either a response or, for a NO_ANSWER fault, a {@link DeferredResult} left pending far longer than any
 * client waits, so a withheld answer costs no Tomcat thread.
 */
@RestController
public class HuifuApiController {

    static final String ENCASHMENT = "/v2/trade/settlement/encashment";
    static final String ENCASHMENT_LEGACY = "/v2/trade/settlement/enchashment";
    static final String QUERY = "/v2/trade/settlement/query";
    static final String DM_QUOTA = "/v2/trade/settlement/enchashment/dmamt/query";

    private final HuifuGateway gateway;
    private final EncashmentHandler encashment;
    private final QueryHandler queries;
    private final Faults faults;
    private final SerialLog serials;
    private final SandboxKeys keys;
    private final Clock clock;
    private final long noAnswerHoldMs;

    public HuifuApiController(SandboxProperties properties, SandboxKeys keys, Withdrawals withdrawals, Ledger ledger,
                              Lifecycle lifecycle, SettlementClock settlementClock, Faults faults, SerialLog serials,
                              Clock clock) {
        this.gateway = new HuifuGateway(properties.sysId(), keys);
        this.encashment = new EncashmentHandler(withdrawals, ledger, lifecycle, settlementClock, clock);
        this.queries = new QueryHandler(withdrawals, ledger);
        this.faults = faults;
        this.serials = serials;
        this.keys = keys;
        this.clock = clock;
        this.noAnswerHoldMs = properties.noAnswerHold().toMillis();
    }

    @PostMapping({ENCASHMENT, ENCASHMENT_LEGACY})
    public Object encashment(HttpServletRequest http, @RequestBody(required = false) byte[] body) {
        String path = http.getRequestURI();
        HuifuGateway.Admission admission = gateway.admit(http.getContentType(), body);
        Map<String, String> data = admission.data();
        String huifuId = data.get("huifu_id");
        String reqDate = data.get("req_date");
        String reqSeqId = data.get("req_seq_id");
        if (admission.refusal() != null) {
            log(path, data, admission.refusal(), null, null, true, null);
            return admission.refusal();
        }
        String[] id = {reqDate, reqSeqId, "arrival-" + serials.arrival("encashment", huifuId, reqDate, reqSeqId)};
        ResponseEntity<String> refused = gatewayFault(true, huifuId, id);
        if (refused != null) {
            log(path, data, refused, null, null, true, faultName(refused));
            return refused;
        }
        // Decided before processing, applied after: the withdrawal happens, only the answer is lost.
        boolean noAnswer = faults.strikes(Fault.NO_ANSWER, huifuId, id);
        EncashmentHandler.Outcome outcome = encashment.handle(data);
        ResponseEntity<String> response = HuifuAnswer.signed(outcome.data(), keys.huifuPrivateKey());
        log(path, data, response, outcome, outcome.hfSeqId(), !noAnswer, noAnswer ? Fault.NO_ANSWER.name() : null);
        return noAnswer ? withheld() : response;
    }

    @PostMapping(QUERY)
    public Object query(HttpServletRequest http, @RequestBody(required = false) byte[] body) {
        return answerQuery(http, body, "org_req_seq_id", queries::settlementQuery);
    }

    @PostMapping(DM_QUOTA)
    public Object dmQuota(HttpServletRequest http, @RequestBody(required = false) byte[] body) {
        return answerQuery(http, body, "acct_id", queries::dmQuota);
    }

    private Object answerQuery(HttpServletRequest http, byte[] body, String identityField,
                               Function<Map<String, String>, Map<String, String>> handler) {
        HuifuGateway.Admission admission = gateway.admit(http.getContentType(), body);
        if (admission.refusal() != null) {
            return admission.refusal();
        }
        Map<String, String> data = admission.data();
        String huifuId = data.get("huifu_id");
        String target = data.getOrDefault(identityField, data.get("org_hf_seq_id"));
        String[] id = {http.getRequestURI(), target,
                "arrival-" + serials.arrival(http.getRequestURI(), huifuId, data.get("org_req_date"), target)};
        ResponseEntity<String> refused = gatewayFault(false, huifuId, id);
        if (refused != null) {
            return refused;
        }
        ResponseEntity<String> response = HuifuAnswer.signed(handler.apply(data), keys.huifuPrivateKey());
        return faults.strikesByRate(Fault.NO_ANSWER, huifuId, id) ? withheld() : response;
    }

    /** Faults that refuse a request at the gateway, unprocessed. One-shot switches apply to encashments only. */
    private ResponseEntity<String> gatewayFault(boolean encashmentRequest, String huifuId, String[] id) {
        if (strikes(encashmentRequest, Fault.RATE_LIMIT, huifuId, id)) {
            int status = faults.choice("rate_limit_code", huifuId, id) < 0.5 ? 911 : 914;
            return HuifuAnswer.gateway(status, "Rate limited");
        }
        if (strikes(encashmentRequest, Fault.HTTP_5XX, huifuId, id)) {
            return HuifuAnswer.gateway(500, "Backend error");
        }
        if (strikes(encashmentRequest, Fault.HTTP_502, huifuId, id)) {
            return HuifuAnswer.gateway(502, "Backend timeout");
        }
        return null;
    }

    private boolean strikes(boolean encashmentRequest, Fault fault, String huifuId, String[] id) {
        return encashmentRequest ? faults.strikes(fault, huifuId, id) : faults.strikesByRate(fault, huifuId, id);
    }

    private DeferredResult<ResponseEntity<String>> withheld() {
        // Never completed by us; if a client is still listening after the hold, it sees the gateway give up.
        return new DeferredResult<>(noAnswerHoldMs, HuifuAnswer.gateway(502, "Backend timeout"));
    }

    private void log(String path, Map<String, String> data, ResponseEntity<String> response,
                     EncashmentHandler.Outcome outcome, String hfSeqId, boolean answered, String fault) {
        int status = response.getStatusCode().value();
        String respCode = outcome != null ? outcome.respCode() : status == 200 ? "10000000" : null;
        String respDesc = outcome != null ? outcome.respDesc() : status == 200 ? "无效参数" : response.getBody();
        serials.add(new SerialView(path, data.get("huifu_id"), data.get("req_date"),
                data.get("req_seq_id"), status, respCode, respDesc, outcome == null ? null : outcome.transStat(),
                hfSeqId, answered, fault, clock.instant()));
    }

    private static String faultName(ResponseEntity<String> refused) {
        int status = refused.getStatusCode().value();
        return status == 500 ? Fault.HTTP_5XX.name() : status == 502 ? Fault.HTTP_502.name() : Fault.RATE_LIMIT.name();
    }
}
