package io.payout.sandbox.behavior;

import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The seeded fault plan: rates for everyone, optionally overridden per {@code huifu_id}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FaultSettings(Long seed, FaultRates rates, Map<String, FaultRates> accounts) {

    public FaultSettings {
        rates = rates == null ? FaultRates.NONE : rates;
        accounts = accounts == null ? Map.of() : Map.copyOf(accounts);
    }

    public static FaultSettings everyone(long seed, FaultRates rates) {
        return new FaultSettings(seed, rates, Map.of());
    }

    FaultRates ratesFor(String huifuId) {
        return huifuId == null ? rates : accounts.getOrDefault(huifuId, rates);
    }
}
