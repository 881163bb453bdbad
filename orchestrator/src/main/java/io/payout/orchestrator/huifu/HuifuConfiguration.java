package io.payout.orchestrator.huifu;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.payout.model.huifu.HuifuKeys;
import java.net.http.HttpClient;
import java.security.PrivateKey;
import java.security.PublicKey;
import io.payout.orchestrator.tracing.Traces;
import java.time.Clock;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the Huifu client from {@code orchestrator.huifu.*}; fails start-up clearly when it cannot. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HuifuProperties.class)
public class HuifuConfiguration {

    @Bean
    HuifuHttpClient huifuHttpClient(HuifuProperties properties, ObjectProvider<MeterRegistry> meters,
                                    ObjectProvider<Traces> traces) {
        Traces tracing = traces.getIfAvailable();
        return create(properties, meters.getIfAvailable(SimpleMeterRegistry::new),
                tracing == null ? () -> null : tracing::currentTraceParent);
    }

    /** The client for given properties (also used by tests and tools outside a Spring context). */
    public static HuifuHttpClient create(HuifuProperties properties) {
        return create(properties, new SimpleMeterRegistry(), () -> null);
    }

    static HuifuHttpClient create(HuifuProperties properties, MeterRegistry meters,
                                  Supplier<String> currentTraceParent) {
        properties.requireComplete();
        PrivateKey merchantKey = load("merchant-private-key",
                () -> HuifuKeys.privateKey(properties.merchantPrivateKey()));
        PublicKey huifuKey = load("huifu-public-key", () -> HuifuKeys.publicKey(properties.huifuPublicKey()));
        // The JDK client's blocking send, not RestClient's JDK request factory: that one sends asynchronously, and on
        // a machine of two cores or fewer every call then started two threads (the body's writer and the
        // completion's hop to the common pool), a tenth of the orchestrator's CPU per withdrawal.
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                // HTTP/1.1: no h2c upgrade dance with Huifu's gateway on every new connection.
                .version(HttpClient.Version.HTTP_1_1)
                // The client's own pool only took each response event from its selector thread to wake the calling
                // thread; the selector thread completes the exchange itself (it never blocks).
                .executor(Runnable::run)
                .build();
        return new HuifuHttpClient(http, properties, merchantKey, huifuKey, meters, Clock.systemUTC(),
                currentTraceParent);
    }

    /** Loads a key; the message names the property and never carries the key (nor a cause that might). */
    private static <K> K load(String property, java.util.function.Supplier<K> loader) {
        try {
            return loader.get();
        } catch (RuntimeException e) {
            throw new IllegalStateException("orchestrator.huifu." + property + ": " + e.getMessage());
        }
    }
}
