package io.payout.sandbox.account;

import io.payout.model.Masking;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A user opened through {@code v2/user/basicdata/indv|ent} (ACCOUNTS.md A2). {@code holderName} and
 * {@code holderCertNo} are the person a 对私法人 card must belong to: the individual, or the enterprise's legal person.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SandboxUser(String huifuId, String kind, String reqSeqId, String reqDate, String displayName,
                          String holderName, String holderCertNo) {

    static final String INDIVIDUAL = "INDV";
    static final String ENTERPRISE = "ENT";

    boolean individual() {
        return INDIVIDUAL.equals(kind);
    }

    @Override
    public String toString() {
        return "SandboxUser[huifu_id=" + huifuId + ", kind=" + kind + ", req_seq_id=" + reqSeqId + ", holder="
                + Masking.name(holderName) + ", cert_no=" + Masking.tail(holderCertNo) + "]";
    }
}
