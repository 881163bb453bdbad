package io.payout.bench;

import io.payout.testkit.ServiceLaunch;
import io.payout.testkit.ServiceProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The services of one lifecycle scenario: the sandbox, and as many gateways and orchestrators as the stack runs
 * ({@link Stack#instances()}). Orchestrator <i>i</i> gives gateway <i>i</i> as the notify URL of what it submits, so
 * the sandbox's notices spread over the gateways as the work spreads over the orchestrators.
 */
final class Deployment implements AutoCloseable {

    private final ServiceProcess sandbox;
    private final List<ServiceProcess> gateways = new ArrayList<>();
    private final List<ServiceProcess> orchestrators = new ArrayList<>();

    private Deployment(ServiceProcess sandbox) {
        this.sandbox = sandbox;
    }

    /** Starts them all (the gateways, then the orchestrators, each kind at once); {@code sandboxSettings} may be empty. */
    static Deployment start(Stack stack, String scenario, ServiceLaunch.Topics topics, String jdbcUrl,
                            Map<String, Object> sandboxSettings) {
        Deployment d = new Deployment(stack.sandbox(scenario, sandboxSettings));
        try {
            int n = stack.instances();
            List<CompletableFuture<ServiceProcess>> gateways = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String name = name("gateway", i, n);
                gateways.add(CompletableFuture.supplyAsync(() -> stack.gateway(scenario, name, topics)));
            }
            gateways.forEach(g -> d.gateways.add(g.join()));
            List<CompletableFuture<ServiceProcess>> orchestrators = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String name = name("orchestrator", i, n);
                String notifyUrl = d.gateways.get(i).baseUrl() + "/huifu/notify/withdrawal";
                orchestrators.add(CompletableFuture.supplyAsync(() -> stack.orchestrator(scenario, name, topics,
                        jdbcUrl, d.sandbox.baseUrl(), notifyUrl)));
            }
            orchestrators.forEach(o -> d.orchestrators.add(o.join()));
        } catch (RuntimeException e) {
            d.close();
            throw e;
        }
        return d;
    }

    /** {@code gateway} alone, as the single-broker tables have always named it; {@code gateway-a}, ... of several. */
    private static String name(String kind, int index, int count) {
        return count == 1 ? kind : kind + "-" + (char) ('a' + index);
    }

    ServiceProcess sandbox() {
        return sandbox;
    }

    List<ServiceProcess> gateways() {
        return List.copyOf(gateways);
    }

    List<ServiceProcess> orchestrators() {
        return List.copyOf(orchestrators);
    }

    /** The gateways and the orchestrators: what the product runs (the sandbox plays Huifu). */
    List<ServiceProcess> product() {
        List<ServiceProcess> out = new ArrayList<>(gateways);
        out.addAll(orchestrators);
        return out;
    }

    /** Every service, in the tables' order: gateways, orchestrators, the sandbox. */
    List<ServiceProcess> services() {
        List<ServiceProcess> out = product();
        out.add(sandbox);
        return out;
    }

    /** The orchestrators first, so nothing they still send finds the gateways or the sandbox gone. */
    @Override
    public void close() {
        orchestrators.forEach(ServiceProcess::close);
        gateways.forEach(ServiceProcess::close);
        sandbox.close();
    }
}
