package io.payout.sandbox.api;

import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One encashment request as received, whatever became of it: {@code http_status} 200 with a {@code resp_code},
 * or a gateway refusal (922, 911/914, 500, 502) with none. {@code answered} is false when a NO_ANSWER fault
 * withheld the reply; {@code fault} names the fault that struck, if any.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SerialView(
        String path,
        String huifuId,
        String reqDate,
        String reqSeqId,
        int httpStatus,
        String respCode,
        String respDesc,
        String transStat,
        String hfSeqId,
        boolean answered,
        String fault,
        Instant at) {
}
