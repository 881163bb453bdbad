package io.payout.orchestrator.submission;

import io.payout.orchestrator.withdrawal.NextStep;
import io.payout.orchestrator.withdrawal.PollSchedule;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The submission workers: how often they look for due work, how many withdrawals they handle at once, the lease
 * that keeps two instances off one withdrawal; and the next-step policy's timings: the follow-up query after an
 * acceptance, the back-off of queries after an unknown outcome, the not-found spacing and the failed confirmation.
 */
@ConfigurationProperties("orchestrator.submission")
public record SubmissionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("16") int threads,
        @DefaultValue("64") int batchSize,
        /* longer than Huifu's read timeout, so a lease never expires during a call */
        @DefaultValue("30s") Duration lease,
        @DefaultValue("1s") Duration retryBase,
        @DefaultValue("5m") Duration retryMax,
        /* a new serial only after two not-found answers at least this far apart */
        @DefaultValue("2m") Duration notFoundSpacing,
        /* query F before any debit was seen: how long the 02/01 notices get to arrive before it is taken as FAILED */
        @DefaultValue("2m") Duration failedConfirmation,
        /* after Huifu accepted or debited: how long the notices get before a query is the safety net */
        @DefaultValue("30s") Duration followUp) {

    /** The next-step policy's settings: these timings and the poll schedule's. */
    public NextStep.Settings nextStepSettings(PollSchedule.Settings polls) {
        return new NextStep.Settings(followUp, retryBase, retryMax, notFoundSpacing, failedConfirmation, polls);
    }
}
