package io.payout.sandbox.api;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** Every encashment serial received, in arrival order, and how often each serial has arrived. */
public final class SerialLog {

    private final Queue<SerialView> received = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> arrivals = new ConcurrentHashMap<>();

    void add(SerialView view) {
        received.add(view);
    }

    /**
     * The how-many-th arrival of this request (1 for the first). Fault decisions include it so that a client's
     * retry of a refused request is a new event with its own, still reproducible, fate.
     */
    int arrival(String kind, String huifuId, String reqDate, String reqSeqId) {
        return arrivals.computeIfAbsent(kind + '|' + huifuId + '|' + reqDate + '|' + reqSeqId,
                key -> new AtomicInteger()).incrementAndGet();
    }

    public List<SerialView> list(String huifuId, String reqSeqId) {
        return received.stream()
                .filter(view -> huifuId == null || huifuId.equals(view.huifuId()))
                .filter(view -> reqSeqId == null || reqSeqId.equals(view.reqSeqId()))
                .toList();
    }
}
