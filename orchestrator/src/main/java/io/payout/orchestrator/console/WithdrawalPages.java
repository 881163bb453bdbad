package io.payout.orchestrator.console;

import io.payout.model.AccountKind;
import io.payout.model.IntoAcctDateType;
import io.payout.model.WithdrawalStatus;
import io.payout.orchestrator.retention.WithdrawalKeys;
import io.payout.orchestrator.withdrawal.Withdrawal;
import io.payout.orchestrator.withdrawal.WithdrawalHistory;
import io.payout.orchestrator.withdrawal.WithdrawalSerials;
import io.payout.orchestrator.withdrawal.Withdrawals;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The withdrawals: the search with its counts per state and CSV export, one withdrawal's timeline, the attention queue. */
@Controller
class WithdrawalPages {

    static final int ATTENTION_LIMIT = 500;
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ConsoleQueries queries;
    private final Withdrawals withdrawals;
    private final WithdrawalKeys archivedKeys;
    private final WithdrawalSerials serials;
    private final WithdrawalHistory history;
    private final ConsoleFormat format;
    private final Clock clock;

    WithdrawalPages(ConsoleQueries queries, Withdrawals withdrawals, WithdrawalKeys archivedKeys,
                    WithdrawalSerials serials, WithdrawalHistory history, ConsoleFormat format, Clock clock) {
        this.queries = queries;
        this.archivedKeys = archivedKeys;
        this.withdrawals = withdrawals;
        this.serials = serials;
        this.history = history;
        this.format = format;
        this.clock = clock;
    }

    @GetMapping("/console/withdrawals")
    String search(@RequestParam Map<String, String> params, Model model) {
        WithdrawalSearch search = WithdrawalSearch.of(params);
        // one row more than a page tells whether there is a next page without counting them all
        List<ConsoleRow> rows = queries.search(search, WithdrawalSearch.PAGE_SIZE + 1,
                search.page() * WithdrawalSearch.PAGE_SIZE);
        model.addAttribute("search", search);
        model.addAttribute("rows", rows.subList(0, Math.min(rows.size(), WithdrawalSearch.PAGE_SIZE)));
        model.addAttribute("hasNext", rows.size() > WithdrawalSearch.PAGE_SIZE);
        model.addAttribute("counts", queries.countsByStatus(search));
        model.addAttribute("statuses", WithdrawalStatus.values());
        model.addAttribute("cashTypes", IntoAcctDateType.values());
        model.addAttribute("accountKinds", AccountKind.values());
        return "console/withdrawals";
    }

    /** The rows of the page on screen, as CSV. */
    @GetMapping("/console/withdrawals.csv")
    ResponseEntity<String> csv(@RequestParam Map<String, String> params) {
        WithdrawalSearch search = WithdrawalSearch.of(params);
        StringBuilder out = new StringBuilder(CsvCells.line(List.of("withdrawal_id", "status", "huifu_id",
                "account_kind", "into_acct_date_type", "cash_amt", "fee_amt", "req_seq_id", "hf_seq_id", "attention",
                "attention_reason", "remark", "created_at_beijing", "created_at_utc")));
        int offset = search.page() * WithdrawalSearch.PAGE_SIZE;
        for (ConsoleRow r : queries.search(search, WithdrawalSearch.PAGE_SIZE, offset)) {
            out.append(CsvCells.line(Arrays.asList(r.withdrawalId(), r.status(), r.huifuId(),
                    r.accountKind(), r.cashType(), r.cashAmt(), r.feeAmt(), r.reqSeqId(), r.hfSeqId(), r.attention(),
                    r.attentionReason(), format.text(r.remark()), format.beijing(r.createdAt()),
                    format.utc(r.createdAt()))));
        }
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("withdrawals.csv").build().toString())
                .body(out.toString());
    }

    @GetMapping("/console/withdrawals/{withdrawalId}")
    String withdrawal(@PathVariable String withdrawalId, HttpSession session, Model model) {
        Withdrawal w = withdrawals.find(withdrawalId)
                .orElseThrow(() -> archivedKeys.notFound(withdrawalId));
        boolean open = !w.status().isFinal();
        model.addAttribute("w", w);
        model.addAttribute("serials", serials.serialsOf(withdrawalId));
        model.addAttribute("history", history.of(withdrawalId));
        model.addAttribute("canRequery", open);
        model.addAttribute("canResolve", open && FreshQueries.isFresh(session, withdrawalId, clock.instant()));
        model.addAttribute("canAcknowledge", w.attention());
        return "console/withdrawal";
    }

    @GetMapping("/console/attention")
    String attention(Model model) {
        model.addAttribute("rows", queries.attention(ATTENTION_LIMIT));
        return "console/attention";
    }
}
