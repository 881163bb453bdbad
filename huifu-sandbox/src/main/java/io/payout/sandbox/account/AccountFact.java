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

    /** The answer given to a busi open/modify, kept so the same req_seq_id gets it again. */
    record AnswerKept(String huifuId, String reqSeqId, Map<String, String> answer) implements AccountFact {
    }
}
