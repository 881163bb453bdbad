package io.payout.orchestrator;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operations API's bearer token ({@code orchestrator.ops.token}). Unset means the API answers 401 to everyone:
 * an orchestrator is never reachable without a token someone chose.
 */
@ConfigurationProperties("orchestrator.ops")
public record OpsProperties(String token) {

    @Override
    public String toString() {
        return "OpsProperties[token=" + (token == null || token.isBlank() ? "unset" : "****") + "]";
    }
}
