package io.payout.orchestrator.withdrawal;

/**
 * A serial as Huifu identifies it: req_seq_id is unique per huifu_id per Beijing day (PROTOCOL.md §9). A notice may
 * leave huifu_id out (PROTOCOL.md §4.2); our req_seq_ids are unique across accounts, so req_date and req_seq_id
 * alone still name one serial.
 */
public record SerialKey(String huifuId, String reqDate, String reqSeqId) {

    /** Whether both name the same serial; an absent huifu_id on either side matches any. */
    public boolean sameSerialAs(SerialKey other) {
        return other != null && reqDate != null && reqDate.equals(other.reqDate) && reqSeqId != null
                && reqSeqId.equals(other.reqSeqId)
                && (huifuId == null || other.huifuId == null || huifuId.equals(other.huifuId));
    }
}
