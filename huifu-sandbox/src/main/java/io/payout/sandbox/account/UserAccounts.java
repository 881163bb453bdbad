package io.payout.sandbox.account;

import static io.payout.sandbox.account.AccountAnswers.INVALID;
import static io.payout.sandbox.account.AccountAnswers.NOT_FOUND;
import static io.payout.sandbox.account.AccountAnswers.OK;
import static io.payout.sandbox.account.AccountAnswers.REFUSED;
import static io.payout.sandbox.account.AccountAnswers.answer;
import static io.payout.sandbox.account.AccountAnswers.businessItem;
import static io.payout.sandbox.account.AccountAnswers.jsonText;
import static io.payout.sandbox.account.AccountAnswers.objects;
import static io.payout.sandbox.account.AccountFields.amountOrZero;
import static io.payout.sandbox.account.AccountFields.blank;
import static io.payout.sandbox.account.AccountFields.cashItem;
import static io.payout.sandbox.account.AccountFields.cashSpecs;
import static io.payout.sandbox.account.AccountFields.configure;
import static io.payout.sandbox.account.AccountFields.digits;
import static io.payout.sandbox.account.AccountFields.missing;
import static io.payout.sandbox.account.AccountFields.outFeeFlag;

import io.payout.model.Amount;
import io.payout.sandbox.ledger.AccountSpec;
import io.payout.sandbox.ledger.CashConfigSpec;
import io.payout.sandbox.ledger.Ledger;
import io.payout.sandbox.notify.Notifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Huifu's user paths (ACCOUNTS.md A2, A3, A6, A7): opening a user, its business onboarding and modify with
 * {@code card_info} and {@code cash_config}, the detail, lookup and application queries. Cards and cash
 * configuration go to the {@link Ledger}, so withdrawals use them; what only these paths need (the holder, card
 * types, applications, answers by serial) is kept here and journaled through {@code journal}. Reviews run on
 * {@code now}, the sandbox's settlement clock, so a test moves them on by advancing it.
 */
public final class UserAccounts {

    private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);
    private static final String CARD = "1";
    private static final String CASH = "2";
    private static final String SETTLE = "3";

    private final Ledger ledger;
    private final CardHolders holders;
    private final Consumer<AccountFact> journal;
    private final Supplier<Instant> now;
    private final Map<String, SandboxUser> users = new HashMap<>();
    private final CardBook cards;
    private final Map<String, Application> applications = new HashMap<>();
    private final Map<String, Map<String, String>> answers = new HashMap<>();
    private final Set<String> decided = new HashSet<>();
    private final AuditNotices notices;
    private volatile ReviewSettings review = ReviewSettings.DEFAULT;

    public UserAccounts(Ledger ledger, CardBook cards, CardHolders holders, Consumer<AccountFact> journal,
                        Supplier<Instant> now, Notifier notifier) {
        this.ledger = ledger;
        this.cards = cards;
        this.holders = holders;
        this.journal = journal;
        this.now = now;
        this.notices = new AuditNotices(notifier);
    }

    public void review(ReviewSettings settings) {
        this.review = settings;
    }

    public ReviewSettings review() {
        return review;
    }

    /** {@code v2/user/basicdata/indv}. */
    public synchronized Map<String, String> openIndividual(Map<String, String> data) {
        String problem = missing(data, "req_seq_id", "req_date", "name", "cert_type", "cert_no",
                "cert_validity_type", "cert_begin_date", "mobile_no");
        if (problem != null) {
            return answer(data, INVALID, problem);
        }
        return open(data, new SandboxUser(userId(data.get("cert_no")), SandboxUser.INDIVIDUAL,
                data.get("req_seq_id"), data.get("req_date"), data.get("name"), data.get("name"),
                data.get("cert_no")));
    }

    /** {@code v2/user/basicdata/ent}. */
    public synchronized Map<String, String> openEnterprise(Map<String, String> data) {
        String problem = missing(data, "req_seq_id", "req_date", "reg_name", "license_code", "legal_name",
                "legal_cert_type", "legal_cert_no", "contact_name", "contact_mobile");
        if (problem != null) {
            return answer(data, INVALID, problem);
        }
        return open(data, new SandboxUser(userId(data.get("license_code")), SandboxUser.ENTERPRISE,
                data.get("req_seq_id"), data.get("req_date"), data.get("reg_name"), data.get("legal_name"),
                data.get("legal_cert_no")));
    }

    private Map<String, String> open(Map<String, String> data, SandboxUser asked) {
        SandboxUser existing = users.get(asked.huifuId());
        if (existing != null) {
            if (existing.reqSeqId().equals(asked.reqSeqId())) {
                // The same opening again (its answer was lost): the same user, never a second one.
                return opened(data, existing);
            }
            // Another opening of a person who already has a user [I]: refused, naming the user so it can be found.
            Map<String, String> out = answer(data, REFUSED, "该证件号已开户");
            out.put("huifu_id", existing.huifuId());
            return out;
        }
        journal.accept(new AccountFact.UserOpened(asked));
        users.put(asked.huifuId(), asked);
        ledger.create(new AccountSpec(asked.huifuId(), null, Amount.ZERO, Amount.ZERO, List.of(), List.of()));
        log.info("user opened huifu_id={} kind={} req_seq_id={}", asked.huifuId(), asked.kind(), asked.reqSeqId());
        return opened(data, asked);
    }

    private static Map<String, String> opened(Map<String, String> data, SandboxUser user) {
        Map<String, String> out = answer(data, OK, "成功");
        out.put("huifu_id", user.huifuId());
        if (data.get("login_name") != null) {
            out.put("login_name", data.get("login_name"));
            out.put("login_password", "Sandbox#" + user.huifuId().substring(12));
        }
        return out;
    }

    /** {@code v2/user/list/query}: the users opened with this certificate number. */
    public synchronized Map<String, String> listByCertificate(Map<String, String> data) {
        String problem = missing(data, "req_seq_id", "req_date", "legal_cert_no");
        if (problem != null) {
            return answer(data, INVALID, problem);
        }
        List<Map<String, String>> found = new ArrayList<>();
        // An individual by its cert_no, an enterprise by its legal person's: one person may head several.
        for (SandboxUser user : users.values()) {
            if (!user.holderCertNo().equals(data.get("legal_cert_no"))) {
                continue;
            }
            Map<String, String> item = new LinkedHashMap<>();
            item.put("huifu_id", user.huifuId());
            item.put("name", user.displayName());
            item.put("req_seq_id", user.reqSeqId());
            item.put("req_date", user.reqDate());
            found.add(item);
        }
        Map<String, String> out = answer(data, OK, "成功");
        out.put("user_list", jsonText(found));
        return out;
    }

    /** {@code v2/user/busi/open}. */
    public synchronized Map<String, String> businessOpen(Map<String, String> data) {
        return business(data, true);
    }

    /** {@code v2/user/busi/modify}. */
    public synchronized Map<String, String> businessModify(Map<String, String> data) {
        return business(data, false);
    }

    private Map<String, String> business(Map<String, String> data, boolean firstOpening) {
        String problem = firstOpening ? missing(data, "huifu_id", "req_seq_id", "req_date", "upper_huifu_id")
                : missing(data, "huifu_id", "req_seq_id", "req_date");
        if (problem != null) {
            return answer(data, INVALID, problem);
        }
        String huifuId = data.get("huifu_id");
        SandboxUser user = users.get(huifuId);
        if (user == null) {
            return answer(data, REFUSED, "用户不存在");
        }
        String serial = huifuId + "/" + data.get("req_seq_id");
        Map<String, String> kept = answers.get(serial);
        if (kept != null) {
            return kept;
        }
        Map<String, String> out;
        try {
            out = decide(data, user, firstOpening);
        } catch (IllegalArgumentException unreadable) {
            return answer(data, INVALID, unreadable.getMessage());
        }
        journal.accept(new AccountFact.AnswerKept(huifuId, data.get("req_seq_id"), out));
        answers.put(serial, out);
        return out;
    }

    private Map<String, String> decide(Map<String, String> data, SandboxUser user, boolean firstOpening) {
        List<Map<String, String>> cardInfo = objects(data.get("card_info"), "card_info");
        List<Map<String, String>> cashConfig = objects(data.get("cash_config"), "cash_config");
        if (!cashConfig.isEmpty() && cardInfo.isEmpty() && cards.cards(user.huifuId()).isEmpty()) {
            return answer(data, INVALID, "card_info不能为空");
        }
        String cardRefusal = cardInfo.isEmpty() ? null : cardRefusal(cardInfo.get(0), user);
        if (cardRefusal != null) {
            return refused(data, CARD, cardRefusal);
        }
        String cashRefusal = cashRefusal(cashConfig, firstOpening, data.get("upper_huifu_id"));
        if (cashRefusal != null) {
            return refused(data, CASH, cashRefusal);
        }
        List<Map<String, String>> settleConfig = objects(data.get("settle_config_list"), "settle_config_list");
        if (switchedOn(settleConfig, "T1") && switchedOn(settleConfig, "D1")) {
            return refused(data, SETTLE, "结算周期T1和D1不能同时开通");
        }
        // Only modify carries switch_state; the types a first opening lists are switched on.
        List<CashConfigSpec> cashSpecs = cashSpecs(cashConfig, !firstOpening);
        Map<String, String> out = answer(data, OK, "成功");
        List<Map<String, String>> business = new ArrayList<>();
        if (!cardInfo.isEmpty()) {
            BoundCard card = cards.card(user.huifuId(), cardInfo.get(0));
            if ("4".equals(card.cardType())) {
                Application application = file(data, card);
                out.put("apply_no", application.applyNo());
                business.add(businessItem(CARD, "P", "审核中"));
            } else {
                cards.bind(card);
                out.put("token_no", card.tokenNo());
                business.add(businessItem(CARD, "S", "绑卡成功"));
            }
        }
        if (!cashConfig.isEmpty()) {
            configure(ledger, user.huifuId(), cashSpecs);
            log.info("user cash config set huifu_id={} types={}", user.huifuId(),
                    cashSpecs.stream().map(CashConfigSpec::cashType).toList());
            business.add(businessItem(CASH, "S", "取现配置成功"));
        }
        if (!settleConfig.isEmpty()) {
            // Automatic settlement is accepted and answered; the sandbox settles nothing by itself [I].
            business.add(businessItem(SETTLE, "S", "结算配置成功"));
        }
        out.put("resp_business", jsonText(business));
        return out;
    }

    private static boolean switchedOn(List<Map<String, String>> settleConfig, String cycle) {
        return settleConfig.stream().anyMatch(config -> cycle.equals(config.get("settle_cycle"))
                && !"0".equals(config.get("settle_status")));
    }

    private Map<String, String> refused(Map<String, String> data, String type, String reason) {
        log.info("user business refused huifu_id={} req_seq_id={} reason={}", data.get("huifu_id"),
                data.get("req_seq_id"), reason);
        Map<String, String> out = answer(data, REFUSED, reason);
        out.put("resp_business", jsonText(List.of(businessItem(type, "F", reason))));
        return out;
    }

    /** The card rules of the seed: the type an individual may use, 对私法人 = the legal person, the bank's check. */
    private String cardRefusal(Map<String, String> card, SandboxUser user) {
        String problem = missing(card, "card_type", "card_no");
        if (problem != null) {
            throw new IllegalArgumentException("card_info." + problem);
        }
        String type = card.get("card_type");
        if (!List.of("0", "1", "2", "4").contains(type)) {
            throw new IllegalArgumentException("card_info.card_type取值错误:" + type);
        }
        if (user.individual() && !"1".equals(type)) {
            return "个人用户仅支持对私法人结算卡(card_type=1)";
        }
        boolean privateCard = "1".equals(type) || "2".equals(type);
        if (privateCard && (blank(card.get("card_name")) || blank(card.get("cert_no")))) {
            throw new IllegalArgumentException("card_info.card_name和cert_no不能为空");
        }
        if ("1".equals(type) && !(user.holderName().equals(card.get("card_name"))
                && user.holderCertNo().equals(card.get("cert_no")))) {
            return "对私法人结算卡持卡人须为法人本人";
        }
        if (privateCard && !holders.matches(card.get("card_no"), card.get("card_name"), card.get("cert_no"))) {
            return "银行卡校验失败:户名、卡号与证件号不一致";
        }
        if ("0".equals(type) && blank(card.get("branch_code"))) {
            throw new IllegalArgumentException("card_info.branch_code不能为空");
        }
        return null;
    }

    /** 内扣/外扣 uniform at the first opening (seed); no fee below the upper level's floor (A10). */
    private String cashRefusal(List<Map<String, String>> configs, boolean firstOpening, String upperHuifuId) {
        if (firstOpening && configs.stream().map(c -> outFeeFlag(c)).distinct().count() > 1) {
            return "首次开通取现时内扣/外扣须一致";
        }
        Map<String, CashConfigSpec> floors = new HashMap<>();
        Optional.ofNullable(upperHuifuId).flatMap(ledger::account).ifPresent(upper ->
                upper.cashConfig().forEach(floor -> floors.put(floor.cashType(), floor)));
        for (Map<String, String> config : configs) {
            String type = config.getOrDefault("cash_type", "D0");
            if (blank(config.get("fix_amt")) && blank(config.get("fee_rate"))) {
                throw new IllegalArgumentException("cash_config.fix_amt和fee_rate不能同时为空");
            }
            CashConfigSpec floor = floors.get(type);
            if (floor != null && below(config, floor)) {
                return type + "取现费率不能低于渠道商/上级商户费率底价" + floor.fixAmt() + "+AMT*" + floor.feeRate();
            }
        }
        return null;
    }

    private static boolean below(Map<String, String> config, CashConfigSpec floor) {
        BigDecimal fix = amountOrZero(config.get("fix_amt"));
        BigDecimal rate = amountOrZero(config.get("fee_rate"));
        return fix.compareTo(new BigDecimal(floor.fixAmt().toString())) < 0
                || rate.compareTo(new BigDecimal(floor.feeRate())) < 0;
    }


    private Application file(Map<String, String> data, BoundCard card) {
        ReviewSettings settings = review;
        String applyNo = digits("apply", card.huifuId() + "/" + data.get("req_seq_id"), 18);
        Application application = new Application(applyNo, card.huifuId(), data.get("req_seq_id"),
                data.get("req_date"), data.get("async_return_url"), card,
                settings.neverEnds() ? null : now.get().plus(settings.delay()),
                settings.outcome(), settings.reason());
        journal.accept(new AccountFact.ApplicationFiled(application));
        applications.put(applyNo, application);
        log.info("user card review filed huifu_id={} apply_no={} status=P", card.huifuId(), applyNo);
        return application;
    }

    /**
     * An application's status now. The first time it is seen due (by a query or by {@link #decideDue}), the decision
     * is journaled, an approval binds its card, and the audit notice goes out.
     */
    private String status(Application application) {
        String status = application.statusAt(now.get());
        if (!Application.REVIEWING.equals(status) && !decided.contains(application.applyNo())) {
            journal.accept(new AccountFact.ApplicationDecided(application.applyNo()));
            decided.add(application.applyNo());
            if ("Y".equals(status)) {
                cards.bind(application.card());
            }
            log.info("user card review decided huifu_id={} apply_no={} status={}", application.huifuId(),
                    application.applyNo(), status);
            notices.send(application, status, reason(application, status));
        }
        return status;
    }

    private static String reason(Application application, String status) {
        return Application.REVIEWING.equals(status) ? "审核中" : application.reason();
    }

    /** Decides every application now due: run often, so notices follow the sandbox's clock without a query. */
    public synchronized void decideDue() {
        List.copyOf(applications.values()).forEach(this::status);
    }

    /** {@code v2/user/apply/query} (A6). */
    public synchronized Map<String, String> applyQuery(Map<String, String> data) {
        String problem = missing(data, "huifu_id", "req_seq_id", "req_date", "apply_no");
        if (problem != null) {
            return answer(data, INVALID, problem);
        }
        Application application = applications.get(data.get("apply_no"));
        if (application == null || !application.huifuId().equals(data.get("huifu_id"))) {
            return answer(data, NOT_FOUND, "申请单不存在");
        }
        String status = status(application);
        Map<String, String> out = answer(data, OK, "成功");
        out.put("apply_status", status);
        out.put("apply_reason", reason(application, status));
        return out;
    }

    /** {@code v2/user/basicdata/query} (A7): cards and cash configuration, in the queries' {@code out_cash_*}. */
    public synchronized Map<String, String> detailQuery(Map<String, String> data) {
        String problem = missing(data, "huifu_id", "req_seq_id", "req_date");
        if (problem != null) {
            return answer(data, INVALID, problem);
        }
        SandboxUser user = users.get(data.get("huifu_id"));
        if (user == null) {
            return answer(data, REFUSED, "用户不存在");
        }
        applications.values().stream().filter(a -> a.huifuId().equals(user.huifuId())).forEach(this::status);
        Map<String, String> out = answer(data, OK, "成功");
        List<Map<String, String>> cardList = cards.cards(user.huifuId()).stream()
                .map(AccountFields::cardItem).toList();
        cardList.stream().filter(card -> "Y".equals(card.get("is_settle_default"))).findFirst()
                .or(() -> cardList.stream().findFirst())
                .ifPresent(card -> out.put("card_info", jsonText(card)));
        out.put("qry_cash_card_info_list", jsonText(cardList));
        out.put("qry_cash_config_list", jsonText(ledger.account(user.huifuId())
                .map(account -> account.cashConfig().stream()
                        .map(config -> cashItem(config, "out_cash_huifuid")).toList())
                .orElse(List.of())));
        Map<String, String> base = new LinkedHashMap<>();
        base.put(user.individual() ? "name" : "reg_name", user.displayName());
        out.put(user.individual() ? "indv_base_info" : "ent_base_info", jsonText(base));
        return out;
    }

    /** Applies a fact read back from the journal, as it applied the first time, without journaling it. */
    public synchronized void replay(AccountFact fact) {
        if (fact instanceof AccountFact.UserOpened opened) {
            users.put(opened.user().huifuId(), opened.user());
        } else if (fact instanceof AccountFact.ApplicationFiled filed) {
            applications.put(filed.application().applyNo(), filed.application());
        } else if (fact instanceof AccountFact.ApplicationDecided decision) {
            decided.add(decision.applyNo());
        } else if (fact instanceof AccountFact.AnswerKept kept) {
            answers.put(kept.huifuId() + "/" + kept.reqSeqId(), kept.answer());
        }
    }


    private static String userId(String certNo) {
        return "6666" + digits("user", certNo, 14);
    }
}
