package io.payout.sandbox.account;

import io.payout.model.Masking;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A card of a user as the detail query lists it (A7): the ledger knows only what withdrawals need. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BoundCard(String huifuId, String tokenNo, String cardType, String cardName, String cardNo,
                        String provId, String areaId, String branchCode, String certType, String certNo,
                        String mp, String isSettleDefault) {

    @Override
    public String toString() {
        return "BoundCard[huifu_id=" + huifuId + ", token_no=" + tokenNo + ", card_type=" + cardType + ", card_no="
                + Masking.tail(cardNo) + ", card_name=" + Masking.name(cardName) + "]";
    }
}
