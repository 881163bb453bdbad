package io.payout.orchestrator.console;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may sign in to the console ({@code console.identities[i].name/password-hash/role}): BCrypt hashes only, never
 * a password in configuration. No identity configured means nobody can sign in.
 */
@ConfigurationProperties("console")
public record ConsoleProperties(List<Identity> identities) {

    public ConsoleProperties {
        identities = identities == null ? List.of() : List.copyOf(identities);
    }

    /** One person or desk, with a role: VIEWER reads everything, OPERATOR may also change. */
    public record Identity(String name, String passwordHash, Role role) {

        public Identity {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("console identity without a name");
            }
            if (passwordHash == null || !passwordHash.startsWith("$2")) {
                throw new IllegalArgumentException("console identity " + name + " needs a BCrypt password-hash");
            }
            if (role == null) {
                throw new IllegalArgumentException("console identity " + name + " needs a role (VIEWER or OPERATOR)");
            }
        }

        @Override
        public String toString() {
            return "Identity[" + name + ", " + role + "]";
        }
    }

    public enum Role { VIEWER, OPERATOR }
}
