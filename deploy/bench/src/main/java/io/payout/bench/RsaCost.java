package io.payout.bench;

import io.payout.model.huifu.RsaSignatures;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cost of one SHA256withRSA sign and one verify with a 2048-bit key on a Huifu-sized signing string, measured in
 * this JVM during a run. Absolute rates move with the machine; a figure beside the signature's cost measured in the
 * same run can be compared across machines.
 *
 * @param provider the engine that signed (see {@link RsaSignatures#engine()})
 * @param signMs   CPU milliseconds per signature
 * @param verifyMs CPU milliseconds per verification
 */
record RsaCost(String provider, double signMs, double verifyMs) {

    private static final int SIGNS = 300;
    private static final int VERIFIES = 3_000;
    private static final String TEXT = "{\"acct_status\":\"S\",\"cash_amt\":\"100.00\",\"fee_amt\":\"1.05\","
            + "\"huifu_id\":\"6666000123456789\",\"msg_type\":\"01\",\"req_date\":\"20261125\","
            + "\"req_seq_id\":\"01JDEXAMPLE0000000000000000\",\"sub_resp_code\":\"00000000\","
            + "\"sub_resp_desc\":\"处理成功\",\"trans_status\":\"S\"}";

    /**
     * Measures on the calling thread. CPU time, not wall time: on a busy machine the wall clock also counts other
     * processes' turns, and the benchmarks compare it with CPU time per unit of work.
     */
    static RsaCost measure(KeyPair keys) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 50; i++) {
            RsaSignatures.sign(TEXT + i, keys.getPrivate()); // warm-up
        }
        long t0 = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < SIGNS; i++) {
            RsaSignatures.sign(TEXT + i, keys.getPrivate());
        }
        double signMs = (threads.getCurrentThreadCpuTime() - t0) / 1e6 / SIGNS;
        String signature = RsaSignatures.sign(TEXT, keys.getPrivate());
        for (int i = 0; i < 500; i++) {
            RsaSignatures.verify(TEXT, signature, keys.getPublic());
        }
        long t1 = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < VERIFIES; i++) {
            if (!RsaSignatures.verify(TEXT, signature, keys.getPublic())) {
                throw new IllegalStateException("a signature of this JVM did not verify");
            }
        }
        double verifyMs = (threads.getCurrentThreadCpuTime() - t1) / 1e6 / VERIFIES;
        return new RsaCost(RsaSignatures.engine(), signMs, verifyMs);
    }

    /** Prints the measured cost as one line of a scenario's table. */
    RsaCost print() {
        System.out.printf("  RSA-2048 SHA256withRSA (%s) in this run: sign %.3f ms, verify %.3f ms (CPU)%n",
                provider, signMs, verifyMs);
        return this;
    }

    /** {@code cpuMs} in signatures' worth. */
    double signatures(double cpuMs) {
        return cpuMs / signMs;
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("provider", provider);
        m.put("sign_ms", Bench.round(signMs));
        m.put("verify_ms", Bench.round(verifyMs));
        m.put("signs_measured", SIGNS);
        m.put("verifies_measured", VERIFIES);
        return m;
    }
}
