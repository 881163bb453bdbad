package io.payout.local;

import io.payout.model.AccountKind;
import io.payout.model.WithdrawalStatus;
import io.payout.sandbox.SandboxControl;
import io.payout.sandbox.behavior.FaultRates;
import io.payout.sandbox.behavior.FaultSettings;
import io.payout.sandbox.ledger.AccountSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox accounts of the local stack, one per scenario the demo shows. Created at every start; a sandbox that
 * kept its ledger from an earlier run already has them, and keeps them as they are.
 */
final class DemoAccounts {

    /** A scenario: which account, which kind of holder, how the sandbox treats it, and the final state it must reach. */
    enum Scenario {
        NORMAL_MERCHANT("DEMO_MERCHANT_01", AccountKind.MERCHANT, "9000000.00", FaultRates.NONE,
                WithdrawalStatus.SUCCEEDED),
        NORMAL_USER("DEMO_USER_01", AccountKind.USER, "9000000.00", FaultRates.NONE, WithdrawalStatus.SUCCEEDED),
        PAYOUT_FAILURE("DEMO_MERCHANT_BANK_FAILS", AccountKind.MERCHANT, "9000000.00",
                FaultRates.NONE.withPayoutFail(1), WithdrawalStatus.REFUNDED),
        INSUFFICIENT_BALANCE("DEMO_USER_EMPTY", AccountKind.USER, "0.00", FaultRates.NONE, WithdrawalStatus.FAILED),
        NOISY_NOTIFICATIONS("DEMO_MERCHANT_NOISY", AccountKind.MERCHANT, "9000000.00",
                new FaultRates(0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 0L, 0.0, 0.0), WithdrawalStatus.SUCCEEDED);

        final String huifuId;
        final AccountKind kind;
        final String balance;
        final FaultRates faults;
        final WithdrawalStatus expected;

        Scenario(String huifuId, AccountKind kind, String balance, FaultRates faults, WithdrawalStatus expected) {
            this.huifuId = huifuId;
            this.kind = kind;
            this.balance = balance;
            this.faults = faults;
            this.expected = expected;
        }

        String tokenNo() {
            return "T" + Integer.toString(Math.abs(huifuId.hashCode()), 10);
        }
    }

    static final List<String> HUIFU_IDS = Arrays.stream(Scenario.values()).map(s -> s.huifuId).toList();

    private DemoAccounts() {
    }

    static void create(SandboxControl sandbox) {
        Map<String, FaultRates> faults = new LinkedHashMap<>();
        for (Scenario scenario : Scenario.values()) {
            createUnlessPresent(sandbox, AccountSpec.standard(scenario.huifuId, scenario.balance, scenario.tokenNo()));
            if (!scenario.faults.equals(FaultRates.NONE)) {
                faults.put(scenario.huifuId, scenario.faults);
            }
        }
        sandbox.setFaults(new FaultSettings(7L, FaultRates.NONE, faults));
    }

    private static void createUnlessPresent(SandboxControl sandbox, AccountSpec spec) {
        try {
            sandbox.createAccount(spec);
        } catch (SandboxControl.ControlException e) {
            // 409: the account exists, from an earlier run; its balance reflects what that run paid out.
            if (e.status() != 409) {
                throw e;
            }
        }
    }

    static String exampleRequest() {
        Scenario s = Scenario.NORMAL_MERCHANT;
        return "{\"withdrawal_id\":\"try-1\",\"huifu_id\":\"" + s.huifuId + "\",\"account_kind\":\"MERCHANT\","
                + "\"token_no\":\"" + s.tokenNo() + "\",\"cash_amt\":\"100.00\",\"into_acct_date_type\":\"D0\"}";
    }
}
