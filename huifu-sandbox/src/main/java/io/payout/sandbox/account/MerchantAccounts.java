package io.payout.sandbox.account;

import static io.payout.sandbox.account.AccountAnswers.INVALID;
import static io.payout.sandbox.account.AccountAnswers.NOT_FOUND;
import static io.payout.sandbox.account.AccountAnswers.OK;
import static io.payout.sandbox.account.AccountAnswers.REFUSED;
import static io.payout.sandbox.account.AccountAnswers.answer;
import static io.payout.sandbox.account.AccountAnswers.jsonText;
import static io.payout.sandbox.account.AccountAnswers.objects;
import static io.payout.sandbox.account.AccountFields.blank;
import static io.payout.sandbox.account.AccountFields.cashItem;
import static io.payout.sandbox.account.AccountFields.cashSpecs;
import static io.payout.sandbox.account.AccountFields.configure;
import static io.payout.sandbox.account.AccountFields.digits;
import static io.payout.sandbox.account.AccountFields.missing;

import io.payout.sandbox.ledger.CashConfigSpec;
import io.payout.sandbox.ledger.Ledger;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Huifu's merchant paths for the withdrawal card and cash configuration (ACCOUNTS.md A4, A6, A7): the SMS code of
 * {@code sms/send}, {@code basicdata/modify} (a card change needs that code, or the consent check, and completes
 * after review; cash configuration applies at once), the status query and the detail query. The merchants are the
 * ledger's accounts (the control API's {@code /sandbox/accounts}).
 */
public final class MerchantAccounts {

    private static final Logger log = LoggerFactory.getLogger(MerchantAccounts.class);
    static final String NORMAL = "NORMAL";
    static final Set<String> MER_STATS = Set.of(NORMAL, "FREEZEWITHDRAWAL", "FREEZEDEPOSIT", "CANCEL");

    private final Ledger ledger;
    private final CardBook cards;
    private final CardHolders holders;
    private final Consumer<AccountFact> journal;
    private final Supplier<Instant> now;
    private final Supplier<ReviewSettings> review;
    private final Map<String, String> smsCodes = new HashMap<>();
    private final Map<String, String> merStats = new HashMap<>();
    private final Map<String, Application> changes = new HashMap<>();
    private final Map<String, Map<String, String>> answers = new HashMap<>();
    private final Set<String> decided = new HashSet<>();

    public MerchantAccounts(Ledger ledger, CardBook cards, CardHolders holders, Consumer<AccountFact> journal,
                            Supplier<Instant> now, Supplier<ReviewSettings> review) {
        this.ledger = ledger;
        this.cards = cards;
        this.holders = holders;
        this.journal = journal;
        this.now = now;
        this.review = review;
    }

    /** {@code v2/merchant/basicdata/sms/send}: texts a code for a card change ({@code verify_type=settleBankChange}). */
    public synchronized Map<String, String> sendSmsCode(Map<String, String> data) {
        String problem = missing(data, "huifu_id", "req_seq_id", "req_date", "verify_type");
        if (problem != null) {
            return answer(data, INVALID, problem);
        }
        if (!"settleBankChange".equals(data.get("verify_type"))) {
            return answer(data, INVALID, "verify_type取值错误:" + data.get("verify_type"));
        }
        if (ledger.account(data.get("huifu_id")).isEmpty()) {
            return answer(data, REFUSED, "商户不存在");
        }
        String code = digits("sms", data.get("huifu_id") + "/" + data.get("req_seq_id"), 6);
        journal.accept(new AccountFact.SmsCodeSent(data.get("huifu_id"), code));
        smsCodes.put(data.get("huifu_id"), code);
        log.info("merchant sms code sent huifu_id={}", data.get("huifu_id"));
        return answer(data, OK, "短信发送成功");
    }

    /** The last code texted to the merchant, as its phone would show it (control API). */
    public synchronized String lastSmsCode(String huifuId) {
        return smsCodes.get(huifuId);
    }

    public synchronized void setMerStat(String huifuId, String merStat) {
        if (!MER_STATS.contains(merStat)) {
            throw new IllegalArgumentException("mer_stat must be one of " + MER_STATS + ": " + merStat);
        }
        if (ledger.account(huifuId).isEmpty()) {
            throw new NoSuchElementException("no account " + huifuId);
        }
        journal.accept(new AccountFact.MerchantStatusSet(huifuId, merStat));
        merStats.put(huifuId, merStat);
        log.info("merchant status set huifu_id={} mer_stat={}", huifuId, merStat);
    }

    /** {@code v2/merchant/basicdata/modify}. */
    public synchronized Map<String, String> modify(Map<String, String> data) {
        String problem = missing(data, "huifu_id", "req_seq_id", "req_date");
        if (problem != null) {
            return answer(data, INVALID, problem);
        }
        String huifuId = data.get("huifu_id");
        if (ledger.account(huifuId).isEmpty()) {
            return answer(data, REFUSED, "商户不存在");
        }
        String serial = huifuId + "/" + data.get("req_seq_id");
        if (answers.containsKey(serial)) {
            return answers.get(serial);
        }
        Map<String, String> out;
        try {
            out = decide(data);
        } catch (IllegalArgumentException unreadable) {
            return answer(data, INVALID, unreadable.getMessage());
        }
        journal.accept(new AccountFact.AnswerKept(huifuId, data.get("req_seq_id"), out));
        answers.put(serial, out);
        return out;
    }

    private Map<String, String> decide(Map<String, String> data) {
        String huifuId = data.get("huifu_id");
        List<Map<String, String>> cardInfo = objects(data.get("card_info"), "card_info");
        List<CashConfigSpec> cash = cashSpecs(objects(data.get("cash_config"), "cash_config"), true);
        String refusal = cardInfo.isEmpty() ? null : cardRefusal(huifuId, cardInfo.get(0), data);
        if (refusal != null) {
            log.info("merchant modify refused huifu_id={} req_seq_id={} reason={}", huifuId, data.get("req_seq_id"),
                    refusal);
            return answer(data, REFUSED, refusal);
        }
        if (!cash.isEmpty()) {
            configure(ledger, huifuId, cash);
            log.info("merchant cash config set huifu_id={} types={}", huifuId,
                    cash.stream().map(CashConfigSpec::cashType).toList());
        }
        Map<String, String> out = answer(data, OK, "受理成功");
        // Every modify gets an apply_no for the status query; a card change waits for its review there.
        ReviewSettings settings = review.get();
        Application change = new Application(digits("merchant-apply", huifuId + "/" + data.get("req_seq_id"), 18),
                huifuId, data.get("req_seq_id"), data.get("req_date"), data.get("async_return_url"),
                cardInfo.isEmpty() ? null : cards.card(huifuId, cardInfo.get(0)),
                cardInfo.isEmpty() ? now.get() : settings.neverEnds() ? null : now.get().plus(settings.delay()),
                cardInfo.isEmpty() ? "Y" : settings.outcome(), cardInfo.isEmpty() ? "修改成功" : settings.reason());
        journal.accept(new AccountFact.MerchantChangeFiled(change));
        changes.put(change.applyNo(), change);
        smsCodes.remove(huifuId);
        out.put("apply_no", change.applyNo());
        log.info("merchant modify filed huifu_id={} apply_no={} card_change={}", huifuId, change.applyNo(),
                change.card() != null);
        return out;
    }

    private String cardRefusal(String huifuId, Map<String, String> card, Map<String, String> data) {
        String problem = missing(card, "card_type", "card_no");
        if (problem != null) {
            throw new IllegalArgumentException("card_info." + problem);
        }
        String type = card.get("card_type");
        if (!List.of("0", "1", "2").contains(type)) {
            throw new IllegalArgumentException("card_info.card_type取值错误:" + type);
        }
        String authentication = data.getOrDefault("authentication_type", "0");
        if ("0".equals(authentication)) {
            String sent = smsCodes.get(huifuId);
            if (blank(card.get("verify_code"))) {
                return "card_info.verify_code不能为空";
            }
            if (!card.get("verify_code").equals(sent)) {
                return "短信验证码错误或已失效";
            }
        } else if (blank(data.get("authentication_person_mobile"))) {
            throw new IllegalArgumentException("authentication_person_mobile不能为空");
        }
        boolean privateCard = "1".equals(type) || "2".equals(type);
        if (privateCard && !holders.matches(card.get("card_no"), card.get("card_name"), card.get("cert_no"))) {
            return "银行卡校验失败:户名、卡号与证件号不一致";
        }
        return null;
    }

    /** The change's status now; an approved card change binds its card the first time it is seen due. */
    private String status(Application change) {
        String status = change.statusAt(now.get());
        if (!Application.REVIEWING.equals(status) && !decided.contains(change.applyNo())) {
            journal.accept(new AccountFact.ApplicationDecided(change.applyNo()));
            decided.add(change.applyNo());
            if ("Y".equals(status) && change.card() != null) {
                cards.bind(change.card());
            }
            log.info("merchant modify decided huifu_id={} apply_no={} status={}", change.huifuId(),
                    change.applyNo(), status);
        }
        return status;
    }

    /** {@code v2/merchant/basicdata/status/query} (A6): no token_no here; the detail query has it. */
    public synchronized Map<String, String> statusQuery(Map<String, String> data) {
        String problem = missing(data, "huifu_id", "req_seq_id", "req_date", "apply_no");
        if (problem != null) {
            return answer(data, INVALID, problem);
        }
        Application change = changes.get(data.get("apply_no"));
        if (change == null || !change.huifuId().equals(data.get("huifu_id"))) {
            return answer(data, NOT_FOUND, "申请单不存在");
        }
        String status = status(change);
        String item = switch (status) {
            case "Y" -> "S";
            case "N" -> "F";
            default -> "P";
        };
        Map<String, String> out = answer(data, OK, "成功");
        out.put("reg_name", change.huifuId());
        out.put("apply_status", status);
        out.put("apply_reason", Application.REVIEWING.equals(status) ? "审核中" : change.reason());
        out.put("reg_status", "S");
        out.put("bind_card_status", change.card() == null ? "S" : item);
        out.put("cash_status", "S");
        out.put("settle_status", "S");
        if (change.card() != null) {
            out.put("change_settle_state", item);
        }
        return out;
    }

    /** {@code v2/merchant/basicdata/query} (A7): cards, cash config (payer as {@code out_fee_huifuid}), mer_stat. */
    public synchronized Map<String, String> detailQuery(Map<String, String> data) {
        String problem = missing(data, "huifu_id", "req_seq_id", "req_date");
        if (problem != null) {
            return answer(data, INVALID, problem);
        }
        String huifuId = data.get("huifu_id");
        if (ledger.account(huifuId).isEmpty()) {
            return answer(data, REFUSED, "商户不存在");
        }
        changes.values().stream().filter(change -> change.huifuId().equals(huifuId)).toList()
                .forEach(this::status);
        Map<String, String> out = answer(data, OK, "成功");
        out.put("qry_cash_card_info_list", jsonText(cards.cards(huifuId).stream()
                .map(AccountFields::cardItem).toList()));
        out.put("qry_cash_config_list", jsonText(ledger.account(huifuId).orElseThrow().cashConfig().stream()
                .map(config -> cashItem(config, "out_fee_huifuid")).toList()));
        out.put("qry_settle_config_list", jsonText(List.of()));
        out.put("mer_stat", merStats.getOrDefault(huifuId, NORMAL));
        return out;
    }

    public synchronized void replay(AccountFact fact) {
        if (fact instanceof AccountFact.SmsCodeSent sent) {
            smsCodes.put(sent.huifuId(), sent.code());
        } else if (fact instanceof AccountFact.MerchantStatusSet set) {
            merStats.put(set.huifuId(), set.merStat());
        } else if (fact instanceof AccountFact.MerchantChangeFiled filed) {
            changes.put(filed.application().applyNo(), filed.application());
            smsCodes.remove(filed.application().huifuId());
        } else if (fact instanceof AccountFact.ApplicationDecided decision) {
            decided.add(decision.applyNo());
        } else if (fact instanceof AccountFact.AnswerKept kept) {
            answers.put(kept.huifuId() + "/" + kept.reqSeqId(), kept.answer());
        }
    }
}
