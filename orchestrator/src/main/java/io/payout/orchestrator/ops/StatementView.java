package io.payout.orchestrator.ops;

import io.payout.orchestrator.reconciliation.statement.StatementFetches;
import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** How far one account's statement of a trade date got, as the operations API shows it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record StatementView(String huifuId, String state, int queries, String detail, Long rows, Instant lastQueryAt,
                     Instant matchedAt) {

    static StatementView of(StatementFetches.Fetch fetch) {
        return new StatementView(fetch.huifuId(), fetch.state().name(), fetch.queries(), fetch.detail(), fetch.rows(),
                fetch.lastQueryAt(), fetch.matchedAt());
    }
}
