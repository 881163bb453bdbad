package io.payout.local;

/**
 * The all-in-one launcher. Until its own issue lands it only proves the build: it starts nothing yet
 * and says so, rather than pretending to run the system.
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void main(String[] args) {
        System.out.println("local stack: not built yet (see the issue 'One command runs the whole system').");
    }
}
