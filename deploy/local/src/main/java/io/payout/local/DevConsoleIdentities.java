package io.payout.local;

import java.util.Map;

/**
 * The console's development identities: a viewer (finance) and an operator (the operations desk). Their passwords
 * are public and for a local stack only; a deployment configures its own BCrypt hashes
 * ({@code console.identities[i].password-hash}).
 */
final class DevConsoleIdentities {

    static final String VIEWER = "finance";
    static final String VIEWER_PASSWORD = "finance-dev";
    static final String OPERATOR = "desk";
    static final String OPERATOR_PASSWORD = "desk-dev";

    private DevConsoleIdentities() {
    }

    /** The identities as the orchestrator's configuration holds them: names, roles and BCrypt hashes. */
    static Map<String, Object> properties() {
        return Map.of(
                "console.identities[0].name", VIEWER,
                "console.identities[0].role", "VIEWER",
                "console.identities[0].password-hash", "$2a$10$Z6XMkLy4SeSVYOAelpigjeBUcX6APgKo/AJtmstGlkuO38QxFKP4y",
                "console.identities[1].name", OPERATOR,
                "console.identities[1].role", "OPERATOR",
                "console.identities[1].password-hash", "$2a$10$1dzBpPMS9WUYyelcPXFNFuOFpmCX/Tycaq0kCr/Q8Lxp8ObIIns46");
    }
}
