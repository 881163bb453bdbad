package io.payout.orchestrator.ops;

/** An operator's acknowledgement of a withdrawal's attention flag, or explanation of a statement break: who, and what they found. */
record Acknowledgement(String actor, String reason) {

    Acknowledgement {
        OperatorText.require(actor, "actor");
        OperatorText.require(reason, "reason");
    }
}
