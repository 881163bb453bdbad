package io.payout.bench;

import io.payout.bench.SentSerials.Serial;
import io.payout.model.WithdrawalStatus;
import io.payout.model.huifu.HuifuNotifications;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Huifu's notices about a withdrawal, signed with Huifu's key and encoded as whole HTTP requests to the gateway. They
 * are all made before the first level: signing costs the harness far more than sending, and the harness shares the
 * cores with the services it measures.
 */
final class SignedNotices {

    /** One notification to send: its whole HTTP request, the withdrawal it is about, and the state it implies. */
    record Notice(byte[] request, String withdrawalId, WithdrawalStatus implies) {
    }

    private final URI uri;
    private final PrivateKey huifu;

    SignedNotices(URI uri, PrivateKey huifu) {
        this.uri = uri;
        this.huifu = huifu;
    }

    /** The 02 (debited) and the 01 (paid) about {@code s}, in that order. */
    Notice[] pair(Serial s) {
        return new Notice[] {notice(s, "02"), notice(s, "01")};
    }

    private Notice notice(Serial s, String msgType) {
        String body = HuifuNotifications.formBody(HuifuNotifications.signedForm(noticeData(s, msgType), huifu));
        byte[] request = LoadClient.post(uri, "application/x-www-form-urlencoded",
                body.getBytes(StandardCharsets.UTF_8));
        return new Notice(request, s.withdrawalId(), "01".equals(msgType) ? WithdrawalStatus.SUCCEEDED
                : WithdrawalStatus.ACCOUNTED);
    }

    /** The {@code resp_data} of a successful 02 (debited) or 01 (paid) notice about {@code s}, before signing. */
    static Map<String, String> noticeData(Serial s, String msgType) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("acct_status", "S");
        data.put("cash_amt", s.cashAmt());
        data.put("channel_status", "01".equals(msgType) ? "S" : "P");
        data.put("fee_amt", "1.00");
        data.put("hf_seq_id", "HF" + s.reqSeqId());
        data.put("huifu_id", s.huifuId());
        data.put("msg_type", msgType);
        data.put("req_date", s.reqDate());
        data.put("req_seq_id", s.reqSeqId());
        data.put("sub_resp_code", "00000000");
        data.put("sub_resp_desc", "处理成功");
        data.put("trans_status", "01".equals(msgType) ? "S" : "P");
        return data;
    }
}
