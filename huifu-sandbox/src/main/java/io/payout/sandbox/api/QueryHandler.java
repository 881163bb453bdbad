package io.payout.sandbox.api;

import static io.payout.sandbox.api.FieldRules.firstProblem;
import static io.payout.sandbox.api.FieldRules.optional;
import static io.payout.sandbox.api.FieldRules.required;

import io.payout.sandbox.ledger.AccountView;
import io.payout.sandbox.ledger.Ledger;
import io.payout.sandbox.lifecycle.SerialKey;
import io.payout.sandbox.lifecycle.WithdrawalView;
import io.payout.sandbox.lifecycle.Withdrawals;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** 出金交易查询 and DM取现额度查询 (PROTOCOL.md §5): the current truth, fee included. */
final class QueryHandler {

    private final Withdrawals withdrawals;
    private final Ledger ledger;

    QueryHandler(Withdrawals withdrawals, Ledger ledger) {
        this.withdrawals = withdrawals;
        this.ledger = ledger;
    }

    Map<String, String> settlementQuery(Map<String, String> data) {
        String reqSeqId = data.get("org_req_seq_id");
        String hfSeqId = data.get("org_hf_seq_id");
        String problem = firstProblem(
                required(data, "huifu_id", 32),
                required(data, "org_req_date", 8),
                optional(data, "org_req_seq_id", 128),
                optional(data, "org_hf_seq_id", 128),
                empty(reqSeqId) && empty(hfSeqId) ? "org_req_seq_id和org_hf_seq_id不能同时为空" : null);
        if (problem != null) {
            return echo(data, "10000000", problem);
        }
        String huifuId = data.get("huifu_id");
        String reqDate = data.get("org_req_date");
        Optional<WithdrawalView> found = !empty(reqSeqId)
                ? withdrawals.find(new SerialKey(huifuId, reqDate, reqSeqId))
                : withdrawals.findByHfSeqId(huifuId, hfSeqId).filter(view -> view.reqDate().equals(reqDate));
        if (found.isEmpty()) {
            return echo(data, "20000004", "交易不存在");
        }
        WithdrawalView view = found.get();
        Map<String, String> out = echo(data, "00000000", "查询成功");
        out.put("org_hf_seq_id", view.hfSeqId());
        out.put("org_req_date", view.reqDate());
        out.put("org_req_seq_id", view.reqSeqId());
        out.put("trans_status", view.transStatus());
        out.put("trans_desc", switch (view.transStatus()) {
            case "S" -> "交易成功";
            case "F" -> "交易失败:" + view.subRespDesc();
            default -> "处理中";
        });
        out.put("cash_amt", view.cashAmt().toString());
        out.put("fee_amt", view.feeAmt().toString());
        return out;
    }

    Map<String, String> dmQuota(Map<String, String> data) {
        String problem = firstProblem(required(data, "huifu_id", 32), optional(data, "acct_id", 32));
        if (problem != null) {
            return echo(data, "10000000", problem);
        }
        Optional<AccountView> account = ledger.account(data.get("huifu_id"));
        if (account.isEmpty()) {
            return echo(data, "22000002", "商户信息不存在");
        }
        Map<String, String> out = echo(data, "00000000", "查询成功");
        out.put("acct_id", account.get().acctId());
        // Field names unconfirmed by any public source [?]: dm_amt is the DM quota, avl_bal what D0 may take.
        out.put("dm_amt", account.get().dmQuota().toString());
        out.put("avl_bal", account.get().available().toString());
        return out;
    }

    private static Map<String, String> echo(Map<String, String> data, String code, String desc) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("huifu_id", data.get("huifu_id"));
        if (data.get("req_seq_id") != null) {
            out.put("req_seq_id", data.get("req_seq_id"));
            out.put("req_date", data.get("req_date"));
        }
        out.put("resp_code", code);
        out.put("resp_desc", desc);
        return out;
    }

    private static boolean empty(String value) {
        return value == null || value.isEmpty();
    }
}
