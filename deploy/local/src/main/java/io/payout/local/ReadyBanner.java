package io.payout.local;

import io.payout.model.Topics;
import java.time.Duration;
import java.util.Locale;

/** The table printed once everything runs: what, where, and how to reach it. */
final class ReadyBanner {

    private ReadyBanner() {
    }

    static String of(RunningStack stack, Duration took) {
        LaunchOptions o = stack.options;
        String row = "  %-18s %s%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nready in %.1f s — the local stack runs:%n", took.toMillis() / 1000.0));
        out.append(String.format(row, "Kafka (KRaft)", stack.bootstrapServers + "   topics " + String.join(", ",
                Topics.WITHDRAWAL_REQUESTS, Topics.WITHDRAWAL_OUTCOMES, Topics.WITHDRAWAL_REJECTIONS,
                Topics.HUIFU_NOTIFICATIONS)));
        out.append(String.format(row, "PostgreSQL 17", stack.jdbcUrl + "   user postgres, no password"));
        out.append(String.format(row, "Huifu sandbox", stack.sandbox.baseUrl() + "   control API /sandbox/ ; demo accounts "
                + String.join(", ", DemoAccounts.HUIFU_IDS)));
        out.append(String.format(row, "Callback gateway", stack.gateway.notifyUrl()));
        out.append(String.format(row, "Orchestrator", stack.orchestrator.baseUrl() + "/api/withdrawals   bearer token in "
                + o.dataDir().resolve("ops-token")));
        out.append(String.format(row, "Console", stack.orchestrator.baseUrl() + "/console   sign in as "
                + DevConsoleIdentities.VIEWER + " / " + DevConsoleIdentities.VIEWER_PASSWORD + " (viewer) or "
                + DevConsoleIdentities.OPERATOR + " / " + DevConsoleIdentities.OPERATOR_PASSWORD
                + " (operator), development passwords"));
        out.append(String.format(row, "Health, metrics", "/actuator/health and /actuator/prometheus on every service"));
        out.append(String.format(row, "Data, keys, logs", o.dataDir() + " (development keys only; --fresh starts over)"));
        out.append(String.format("%nTry: publish a request to %s, e.g.%n  %s%n", Topics.WITHDRAWAL_REQUESTS,
                DemoAccounts.exampleRequest()));
        return out.toString();
    }
}
