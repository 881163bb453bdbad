package io.payout.orchestrator.console;

import io.payout.orchestrator.huifu.QueryOutcome;
import io.payout.orchestrator.ops.OperatorText;
import io.payout.orchestrator.ops.Resolution;
import io.payout.orchestrator.ops.Resolutions;
import io.payout.orchestrator.submission.Submissions;
import io.payout.orchestrator.withdrawal.Withdrawal;
import io.payout.orchestrator.withdrawal.WithdrawalWork;
import io.payout.orchestrator.withdrawal.Withdrawals;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * An operator's actions on a withdrawal (operators only: ConsoleSecurity refuses every POST from a viewer). The
 * signed-in identity is the actor; each action goes through the same entry as the operations API's.
 */
@Controller
class WithdrawalActions {

    private static final Logger log = LoggerFactory.getLogger(WithdrawalActions.class);

    private final Withdrawals withdrawals;
    private final ObjectProvider<Submissions> submissions;
    private final Resolutions resolutions;
    private final WithdrawalWork work;
    private final Clock clock;

    WithdrawalActions(Withdrawals withdrawals, ObjectProvider<Submissions> submissions, Resolutions resolutions,
                      WithdrawalWork work, Clock clock) {
        this.withdrawals = withdrawals;
        this.submissions = submissions;
        this.resolutions = resolutions;
        this.work = work;
        this.clock = clock;
    }

    /** Asks Huifu about the current serial now; the answer is applied as QUERY evidence and opens the resolve. */
    @PostMapping("/console/withdrawals/{withdrawalId}/requery")
    String requery(@PathVariable String withdrawalId, Authentication who, HttpSession session,
                   RedirectAttributes flash) {
        Submissions querying = submissions.getIfAvailable();
        if (querying == null) {
            flash.addFlashAttribute("failure", "requery.disabled");
            return back(withdrawalId);
        }
        QueryOutcome answer = querying.queryNow(withdrawalId, ConsoleModel.actor(who))
                .orElseThrow(() -> new NoSuchElementException("no withdrawal " + withdrawalId));
        log.info("withdrawal {} re-queried at Huifu by operator {}: {}", withdrawalId, ConsoleModel.actor(who),
                answer.getClass().getSimpleName());
        FreshQueries.record(session, withdrawalId, clock.instant());
        flash.addFlashAttribute("requeried", describe(answer));
        return back(withdrawalId);
    }

    /**
     * Resolves in two steps: the first post shows a confirmation that names the amounts, the second (with
     * {@code confirmed}) resolves. Refused without a fresh re-query in this session.
     */
    @PostMapping("/console/withdrawals/{withdrawalId}/resolve")
    String resolve(@PathVariable String withdrawalId, @RequestParam String status, @RequestParam String reason,
                   @RequestParam(defaultValue = "false") boolean confirmed, Authentication who, HttpSession session,
                   Model model, RedirectAttributes flash) {
        Withdrawal w = withdrawals.find(withdrawalId)
                .orElseThrow(() -> new NoSuchElementException("no withdrawal " + withdrawalId));
        if (!FreshQueries.isFresh(session, withdrawalId, clock.instant())) {
            flash.addFlashAttribute("failure", "resolve.needsRequery");
            return back(withdrawalId);
        }
        Resolution resolution;
        try {
            resolution = new Resolution(status, ConsoleModel.actor(who), reason);
            resolution.target();
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("failureText", e.getMessage());
            return back(withdrawalId);
        }
        if (!confirmed) {
            model.addAttribute("w", w);
            model.addAttribute("status", status);
            model.addAttribute("reason", reason);
            return "console/confirm-resolve";
        }
        try {
            resolutions.resolve(withdrawalId, resolution);
            flash.addFlashAttribute("done", "resolve.done");
        } catch (IllegalStateException e) {
            flash.addFlashAttribute("failureText", e.getMessage());
        }
        return back(withdrawalId);
    }

    /** Clears the attention flag with the operator's reason, also on a final withdrawal. */
    @PostMapping("/console/withdrawals/{withdrawalId}/acknowledge")
    String acknowledge(@PathVariable String withdrawalId, @RequestParam String reason, Authentication who,
                       RedirectAttributes flash) {
        try {
            OperatorText.require(reason, "reason");
            work.acknowledge(withdrawalId, ConsoleModel.actor(who), reason);
            flash.addFlashAttribute("done", "acknowledge.done");
        } catch (IllegalArgumentException | IllegalStateException e) {
            flash.addFlashAttribute("failureText", e.getMessage());
        }
        return back(withdrawalId);
    }

    private static String back(String withdrawalId) {
        return "redirect:/console/withdrawals/" + UriUtils.encodePathSegment(withdrawalId, StandardCharsets.UTF_8);
    }

    private static String describe(QueryOutcome answer) {
        if (answer instanceof QueryOutcome.Found f) {
            return "trans_stat " + f.transStatus().code() + " (resp_code " + f.respCode() + ")";
        }
        if (answer instanceof QueryOutcome.NotFound n) {
            return "not found (resp_code " + n.respCode() + ")";
        }
        return "no answer: " + ((QueryOutcome.Unknown) answer).reason();
    }
}
