package io.payout.orchestrator.ops;

import io.payout.orchestrator.reconciliation.statement.StatementFetcher;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** What a re-run did for one account's statement, as the operations API shows it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record StatementRunView(String huifuId, String state, String detail, Long rows, Integer breaksFound,
                        Integer breaksRaised) {

    static StatementRunView of(StatementFetcher.AccountRun run) {
        return new StatementRunView(run.huifuId(), run.state().name(), run.detail(), run.rows(), run.breaksFound(),
                run.breaksRaised());
    }
}
