package io.payout.sandbox.account;

import java.util.Map;

/** What the account paths change, journaled before it takes effect so that it survives a restart. */
public interface AccountFact {

    record UserOpened(SandboxUser user) implements AccountFact {
    }

    record CardRecorded(BoundCard card) implements AccountFact {
    }

    record ApplicationFiled(Application application) implements AccountFact {
    }

    /** The review's outcome was acted on: card bound if approved, notice sent. */
    record ApplicationDecided(String applyNo) implements AccountFact {
    }

    /** A merchant's card change awaiting its review (A4), answered through the status query. */
    record MerchantChangeFiled(Application application) implements AccountFact {
    }

    /** The SMS code {@code sms/send} texted for a merchant's card change. */
    record SmsCodeSent(String huifuId, String code) implements AccountFact {
    }

    /** A merchant's {@code mer_stat} as the control API set it. */
    record MerchantStatusSet(String huifuId, String merStat) implements AccountFact {
    }

    /** The answer given to a busi open/modify, kept so the same req_seq_id gets it again. */
    record AnswerKept(String huifuId, String reqSeqId, Map<String, String> answer) implements AccountFact {
    }
}
