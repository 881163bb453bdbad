package io.payout.local;

import io.payout.model.WithdrawalStatus;
import java.util.Map;

/** One live line: a bar of final withdrawals and the count in each state; a plain line every 2 s off a terminal. */
final class ProgressBar {

    private static final int WIDTH = 30;
    private final int total;
    private final boolean terminal = System.console() != null;
    private long lastPlainLine;

    ProgressBar(int total) {
        this.total = total;
    }

    void show(Map<WithdrawalStatus, Integer> counts, int finals) {
        int filled = total == 0 ? WIDTH : (int) ((long) finals * WIDTH / total);
        StringBuilder line = new StringBuilder();
        line.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ")
                .append(finals).append('/').append(total);
        for (WithdrawalStatus status : WithdrawalStatus.values()) {
            line.append("  ").append(status.name()).append(' ').append(counts.getOrDefault(status, 0));
        }
        if (terminal) {
            System.out.print("\r" + line);
            System.out.flush();
        } else if (System.nanoTime() - lastPlainLine > 2_000_000_000L || finals == total) {
            lastPlainLine = System.nanoTime();
            System.out.println(line);
        }
    }

    void end() {
        if (terminal) {
            System.out.println();
        }
    }
}
