package io.payout.orchestrator.ops;

/** An operator's acknowledgement of a withdrawal's attention flag: who, and what they found. */
record Acknowledgement(String actor, String reason) {

    Acknowledgement {
        OperatorText.require(actor, "actor");
        OperatorText.require(reason, "reason");
    }
}
