package io.payout.bench;

import io.payout.testkit.ServiceProcess;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CPU time of each service over one phase of a benchmark, read from /proc before and after. */
final class Phase {

    private final List<ServiceProcess> services;
    private final long[] startTicks;
    private final long startNanos = System.nanoTime();

    private Phase(List<ServiceProcess> services) {
        this.services = services;
        this.startTicks = services.stream().mapToLong(ServiceProcess::cpuTicks).toArray();
    }

    static Phase begin(List<ServiceProcess> services) {
        return new Phase(services);
    }

    /** CPU milliseconds each service spent since the phase began, per unit of work (e.g. per withdrawal). */
    Map<String, Object> cpuMillisPer(long units, long ticksPerSecond) {
        Map<String, Object> out = new LinkedHashMap<>();
        double wallSeconds = (System.nanoTime() - startNanos) / 1e9;
        for (int i = 0; i < services.size(); i++) {
            double ms = Stats.ticksToMillis(services.get(i).cpuTicks() - startTicks[i], ticksPerSecond);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("cpu_ms_total", Bench.round(ms));
            s.put("cpu_ms_per_unit", Bench.round(ms / units));
            s.put("cores_busy", Bench.round(ms / 1000.0 / wallSeconds));
            out.put(services.get(i).name(), s);
        }
        return out;
    }
}
