package io.payout.orchestrator.outage;

import static io.payout.orchestrator.OrchestratorHarness.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.payout.orchestrator.OrchestratorHarness;
import io.payout.testkit.TestKafka;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A database outage is retried with back-off: no request is lost and none becomes a rejection. */
class DatabaseOutageIntegrationTest {

    @Test
    void requestsArrivingWhileTheDatabaseIsDownAreStoredOnceItIsBackAndNoneIsRejected() throws Exception {
        OrchestratorHarness probe = new OrchestratorHarness();
        int databasePort = URI.create(probe.database.jdbcUrl().substring("jdbc:".length())).getPort();
        try (TcpProxy proxy = new TcpProxy(databasePort);
             OrchestratorHarness orchestrator = withProxy(probe, proxy)) {
            orchestrator.start();
            orchestrator.sendRequest("before", request("before", "6666000123456789", "10.00", "T1"));
            orchestrator.awaitOutcomes(seen -> seen.stream().anyMatch(r -> "before".equals(r.key())));

            proxy.cut();
            List<String> ids = IntStream.range(0, 10).mapToObj(i -> "during-" + i).toList();
            ids.forEach(id -> orchestrator.sendRequest(id, request(id, "6666000123456789", "10.00", "T1")));
            // the listener keeps retrying against the dead database
            await().atMost(OrchestratorHarness.WAIT).until(() -> proxy.refused() >= 3);
            proxy.restore();

            List<ConsumerRecord<String, String>> events = orchestrator.awaitOutcomes(seen -> seen.stream()
                    .map(ConsumerRecord::key).collect(Collectors.toSet()).containsAll(ids));
            Map<String, Long> perId = events.stream().filter(r -> ids.contains(r.key()))
                    .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
            assertThat(perId).hasSize(10);
            List<ConsumerRecord<String, String>> rejections = TestKafka.readAll(orchestrator.rejections);
            assertThat(rejections).noneMatch(r -> Set.copyOf(ids).contains(r.key()));
        }
    }

    private static OrchestratorHarness withProxy(OrchestratorHarness probe, TcpProxy proxy) {
        return probe
                .with("spring.datasource.url", probe.database.jdbcUrl()
                        .replaceFirst(":\\d+/", ":" + proxy.port() + "/"))
                // fail fast while the database is away, so the retries are visible within seconds
                .with("spring.datasource.hikari.connection-timeout", "1000")
                .with("spring.datasource.hikari.validation-timeout", "500");
    }
}
