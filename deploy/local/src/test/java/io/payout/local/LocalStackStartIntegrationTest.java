package io.payout.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as a user meets it: one stack started once for the class, a second launcher on its data folder, a
 * launcher facing a taken port, and the log file of the running stack.
 */
class LocalStackStartIntegrationTest {

    private static final Duration START = Duration.ofMinutes(4);
    /** A JVM's start and one refusal, on a busy 2-core machine. */
    private static final Duration REFUSAL = Duration.ofSeconds(30);

    @TempDir
    static Path work;
    static Path data;
    static LauncherProcess.Ports ports;
    static LauncherProcess running;

    @BeforeAll
    static void startAStack() {
        data = work.resolve("data");
        ports = LauncherProcess.Ports.free();
        running = LauncherProcess.start(data, ports, work.resolve("first.out"));
        running.awaitReady(START);
    }

    @AfterAll
    static void stopTheStack() {
        if (running != null) {
            running.close();
        }
        PostgresData.delete(data);
    }

    @Test
    void refusesASecondLauncherOnTheSameDataFolderInOneLine() {
        LauncherProcess second = LauncherProcess.start(data, LauncherProcess.Ports.free(), work.resolve("second.out"));

        int status = second.awaitExit(REFUSAL);

        assertThat(status).isNotZero();
        assertThat(second.outputLines()).singleElement().asString()
                .startsWith("cannot start: another launcher (pid ")
                .contains("is running on " + data);
    }

    @Test
    void refusesATakenPortNamingItAndItsOption(@TempDir Path otherData) throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            LauncherProcess.Ports free = LauncherProcess.Ports.free();
            LauncherProcess.Ports clash = new LauncherProcess.Ports(free.kafka(), free.controller(), free.postgres(),
                    free.sandbox(), free.gateway(), taken.getLocalPort());
            LauncherProcess launcher = LauncherProcess.start(otherData, clash, work.resolve("taken.out"));

            int status = launcher.awaitExit(REFUSAL);

            assertThat(status).isNotZero();
            assertThat(launcher.outputLines()).singleElement().asString()
                    .startsWith("cannot start: port " + taken.getLocalPort())
                    .contains("--orchestrator-port");
        }
    }

    @Test
    void logsEveryEventOnceWithTheNameOfTheServiceItCameFrom() throws IOException {
        List<String> lines = Files.readAllLines(data.resolve("logs").resolve("local-stack.log")).stream()
                .filter(line -> line.matches("^\\d{4}-\\d\\d-\\d\\dT.*")).toList();

        Set<String> seen = new HashSet<>();
        assertThat(lines.stream().filter(line -> !seen.add(line)).toList()).as("lines written twice").isEmpty();
        assertThat(lines).as("lines of the sandbox, the gateway and the orchestrator")
                .anyMatch(line -> line.contains("[huifu-sandbox]") && line.contains("Started HuifuSandboxApplication"))
                .anyMatch(line -> line.contains("[callback-gateway]")
                        && line.contains("Started CallbackGatewayApplication"))
                .anyMatch(line -> line.contains("[orchestrator]") && line.contains("Started OrchestratorApplication"))
                // Framework lines too: Tomcat knows nothing of the service it serves.
                .anyMatch(line -> line.contains("[huifu-sandbox]")
                        && line.contains("Tomcat started on port " + ports.sandbox() + " "))
                .anyMatch(line -> line.contains("[callback-gateway]")
                        && line.contains("Tomcat started on port " + ports.gateway() + " "))
                .anyMatch(line -> line.contains("[orchestrator]")
                        && line.contains("Tomcat started on port " + ports.orchestrator() + " "));
        assertThat(lines).as("lines of one service's own classes under another's name")
                .noneMatch(line -> line.contains("i.p.sandbox.") && !line.contains("[huifu-sandbox]"))
                .noneMatch(line -> line.contains("i.p.gateway.") && !line.contains("[callback-gateway]"))
                .noneMatch(line -> line.contains("i.p.orchestrator.") && !line.contains("[orchestrator]"));
    }
}
