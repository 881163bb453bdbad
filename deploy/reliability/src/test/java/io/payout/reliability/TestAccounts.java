package io.payout.reliability;

import io.payout.model.AccountKind;
import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import io.payout.model.WithdrawalRequested;
import io.payout.sandbox.SandboxControl;
import io.payout.sandbox.ledger.AccountSpec;
import io.payout.sandbox.ledger.CardSpec;
import io.payout.sandbox.ledger.CashConfigSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The sandbox accounts of the run and the valid requests against them. Each account has its own card, certificate
 * number and holder name, made from the seed, so the suite knows exactly which numbers must never reach a log. The
 * last account is poor: most of its withdrawals are refused for balance (FAILED), the rest race for what is left.
 */
final class TestAccounts {

    static final int COUNT = 20;
    private static final String RICH = "10000000.00";
    private static final String POOR = "600.00";
    private static final String[] NAMES = {"王小明", "李晓红", "张伟", "刘洋", "陈静", "杨磊", "赵敏", "黄勇", "周婷", "吴强"};

    /** One account and the secrets bound to it. */
    record Account(String huifuId, AccountKind kind, String tokenNo, String cardNo, String certNo, String cardName,
                   String balance) {
    }

    private final List<Account> accounts = new ArrayList<>();

    TestAccounts(long seed) {
        Random random = new Random(seed);
        for (int a = 0; a < COUNT; a++) {
            String cardNo = "621700" + digits(random, 13);
            String certNo = "110105" + (1970 + random.nextInt(30)) + "0" + (1 + random.nextInt(9)) + "1"
                    + random.nextInt(10) + digits(random, 3) + "X";
            accounts.add(new Account("66660001" + (30000000 + a), a % 2 == 0 ? AccountKind.MERCHANT : AccountKind.USER,
                    "TK" + (100000 + a), cardNo, certNo, NAMES[a % NAMES.length] + (a / NAMES.length == 0 ? "" : "华"),
                    a == COUNT - 1 ? POOR : RICH));
        }
    }

    List<Account> all() {
        return List.copyOf(accounts);
    }

    /** Creates every account in the sandbox: every cash type switched on, 内扣 fee 1.00 + 0.05 %. */
    void createIn(SandboxControl sandbox) {
        List<CashConfigSpec> fees = Arrays.stream(IntoAcctDateType.values())
                .map(type -> CashConfigSpec.inside(type, "1.00", "0.05")).toList();
        for (Account a : accounts) {
            sandbox.createAccount(new AccountSpec(a.huifuId(), null, Amount.parse(a.balance()), Amount.ZERO,
                    List.of(new CardSpec(a.tokenNo(), a.cardNo(), a.cardName(), a.certNo())), fees));
        }
    }

    /**
     * Valid request {@code i} of the run: accounts and cash types mixed (D0, D1, T1, DM), 10.00 to 2,000.00 yuan in
     * whole fen (always above the 1.00 + 0.05 % fee), a remark on some.
     */
    WithdrawalRequested request(int i, Random random) {
        Account a = accounts.get(i % COUNT);
        IntoAcctDateType type = IntoAcctDateType.values()[(i / COUNT + i) % IntoAcctDateType.values().length];
        Amount amount = new Amount(BigDecimal.valueOf(1_000 + random.nextInt(199_001), 2));
        String remark = i % 5 == 0 ? "提现 " + i : null;
        return new WithdrawalRequested(id(i), a.huifuId(), a.kind(), a.tokenNo(), amount, type, null, remark,
                Instant.now());
    }

    static String id(int i) {
        return "rl-" + i;
    }

    private static String digits(Random random, int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(random.nextInt(10));
        }
        return out.toString();
    }
}
