package io.payout.orchestrator.withdrawal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Assigns Huifu serials: req_date is the Beijing date (Huifu refuses any other day), req_seq_id a random UUID's
 * 32 hex digits: unique per huifu_id per day by its 122 random bits, without a round trip to the database (a
 * serial's row in withdrawal_serials, written at its first send, is never shared with another withdrawal).
 */
public final class SerialNumbers {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter REQ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private SerialNumbers() {
    }

    public static SerialKey next(String huifuId, Instant now) {
        return new SerialKey(huifuId, reqDate(now), UUID.randomUUID().toString().replace("-", ""));
    }

    public static String reqDate(Instant now) {
        return LocalDate.ofInstant(now, BEIJING).format(REQ_DATE);
    }
}
