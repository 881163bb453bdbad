package io.payout.orchestrator.reconciliation.statement;

import io.payout.model.Amount;
import io.payout.model.WithdrawalStatus;
import io.payout.orchestrator.withdrawal.WithdrawalSerials.SentSerial;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The serials a statement is expected to list, in columns rather than one object per serial: a million of them take
 * under 200 MB instead of half a gigabyte, so that a day's statement is matched within a small heap. Looked up by
 * req_seq_id (open addressing); each serial can be taken once. Not thread-safe.
 */
public final class ExpectedSerials implements Consumer<SentSerial> {

    private static final long NO_FEE = Long.MIN_VALUE;
    private static final WithdrawalStatus[] STATUSES = WithdrawalStatus.values();

    private int size;
    private String[] reqSeqIds = new String[16];
    private String[] withdrawalIds = new String[16];
    private String[] huifuIds = new String[16];
    private String[] reqDates = new String[16];
    private long[] cashFen = new long[16];
    private long[] feeFen = new long[16];
    private byte[] statuses = new byte[16];
    private boolean[] taken = new boolean[16];
    /** Index + 1 of the serial in each slot, 0 when free. */
    private int[] slots = new int[32];
    /** Accounts and dates repeat on every serial: one String each. */
    private final Map<String, String> shared = new HashMap<>();

    public static ExpectedSerials of(List<SentSerial> serials) {
        ExpectedSerials expected = new ExpectedSerials();
        serials.forEach(expected);
        return expected;
    }

    /** Adds one serial; a req_seq_id already added is ignored (the first one stays). */
    @Override
    public void accept(SentSerial serial) {
        if (find(serial.reqSeqId()) >= 0) {
            return;
        }
        if (size == reqSeqIds.length) {
            grow();
        }
        int i = size++;
        reqSeqIds[i] = serial.reqSeqId();
        withdrawalIds[i] = serial.withdrawalId();
        huifuIds[i] = shared.computeIfAbsent(serial.huifuId(), k -> k);
        reqDates[i] = shared.computeIfAbsent(serial.reqDate(), k -> k);
        cashFen[i] = fen(serial.cashAmt());
        feeFen[i] = serial.feeAmt() == null ? NO_FEE : fen(serial.feeAmt());
        statuses[i] = (byte) serial.status().ordinal();
        if (size * 2 > slots.length) {
            rehash(slots.length * 2);
        } else {
            place(i);
        }
    }

    public int size() {
        return size;
    }

    /** Takes the serial {@code reqSeqId} out of the expected ones: its index, or -1 when none is (still) expected. */
    int take(String reqSeqId) {
        int i = find(reqSeqId);
        if (i < 0 || taken[i]) {
            return -1;
        }
        taken[i] = true;
        return i;
    }

    /** The serial at {@code i}, as an object (for the few that break or are carried). */
    SentSerial serial(int i) {
        return new SentSerial(withdrawalIds[i], huifuIds[i], reqDates[i], reqSeqIds[i], true, STATUSES[statuses[i]],
                amount(cashFen[i]), feeFen[i] == NO_FEE ? null : amount(feeFen[i]));
    }

    WithdrawalStatus status(int i) {
        return STATUSES[statuses[i]];
    }

    boolean cashEquals(int i, Amount cash) {
        return cashFen[i] == fen(cash);
    }

    /** Whether a fee was recorded for the serial, and if so whether {@code fee} differs from it. */
    boolean feeDiffers(int i, Amount fee) {
        return feeFen[i] != NO_FEE && (fee == null || feeFen[i] != fen(fee));
    }

    /** The serials never taken, in the order added. */
    List<SentSerial> untaken() {
        List<SentSerial> left = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (!taken[i]) {
                left.add(serial(i));
            }
        }
        return left;
    }

    private int find(String reqSeqId) {
        int mask = slots.length - 1;
        for (int slot = reqSeqId.hashCode() & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            int i = slots[slot] - 1;
            if (reqSeqIds[i].equals(reqSeqId)) {
                return i;
            }
        }
        return -1;
    }

    private void place(int i) {
        int mask = slots.length - 1;
        int slot = reqSeqIds[i].hashCode() & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = i + 1;
    }

    private void rehash(int capacity) {
        slots = new int[capacity];
        for (int i = 0; i < size; i++) {
            place(i);
        }
    }

    private void grow() {
        int capacity = reqSeqIds.length * 2;
        reqSeqIds = Arrays.copyOf(reqSeqIds, capacity);
        withdrawalIds = Arrays.copyOf(withdrawalIds, capacity);
        huifuIds = Arrays.copyOf(huifuIds, capacity);
        reqDates = Arrays.copyOf(reqDates, capacity);
        cashFen = Arrays.copyOf(cashFen, capacity);
        feeFen = Arrays.copyOf(feeFen, capacity);
        statuses = Arrays.copyOf(statuses, capacity);
        taken = Arrays.copyOf(taken, capacity);
    }

    /** Amounts have scale 2, so the unscaled value is the amount in fen. */
    private static long fen(Amount amount) {
        return amount.value().unscaledValue().longValueExact();
    }

    private static Amount amount(long fen) {
        return new Amount(BigDecimal.valueOf(fen, 2));
    }
}
