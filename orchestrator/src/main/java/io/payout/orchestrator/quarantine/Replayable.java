package io.payout.orchestrator.quarantine;

/** A consumer whose quarantined records can be replayed: processed again, as received, once the cause is fixed. */
public interface Replayable {

    /** The topic whose records it consumes. */
    String topic();

    /** Processes one record again; throws when it still cannot be processed. */
    void replay(String key, byte[] value);
}
