package io.payout.orchestrator.withdrawal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Assigns Huifu serials: req_date is the Beijing date (Huifu refuses any other day), req_seq_id a random UUID's
 * 32 hex digits: unique per huifu_id per day by its 122 random bits, without a round trip to the database (a
 * serial's row in withdrawal_serials, written at its first send, is never shared with another withdrawal).
 */
public final class SerialNumbers {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final HexFormat HEX = HexFormat.of();

    private SerialNumbers() {
    }

    public static SerialKey next(String huifuId, Instant now) {
        UUID random = UUID.randomUUID();
        return new SerialKey(huifuId, reqDate(now),
                HEX.toHexDigits(random.getMostSignificantBits()) + HEX.toHexDigits(random.getLeastSignificantBits()));
    }

    public static String reqDate(Instant now) {
        LocalDate date = LocalDate.ofInstant(now, BEIJING);
        // yyyyMMdd without a DateTimeFormatter: one per request at intake, and the years are four-digit.
        return Integer.toString(date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth());
    }
}
