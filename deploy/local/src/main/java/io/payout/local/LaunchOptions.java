package io.payout.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What the user asked of the launcher on the command line. */
record LaunchOptions(
        Path dataDir,
        boolean fresh,
        int demoCount,
        Duration demoTimeout,
        int kafkaPort,
        int kafkaControllerPort,
        int postgresPort,
        int sandboxPort,
        int gatewayPort,
        int orchestratorPort,
        boolean verbose) {

    static final String USAGE = """
            usage: deploy/local/run [--demo N] [--fresh] [--data DIR] [--verbose]
                                    [--kafka-port 9092] [--kafka-controller-port 9093] [--postgres-port 15432]
                                    [--sandbox-port 8090] [--gateway-port 8000] [--orchestrator-port 8080]
              --demo N     publish N withdrawal requests over every cash type, account kind and sandbox scenario,
                           show their progress and a summary checked against the sandbox's ledger, then stop
              --fresh      start from empty data (deletes the database, the broker's records, the sandbox's
                           ledger, the keys and the logs in the data folder)
              --data DIR   where every piece of state and the logs live (default .local-stack)
              --verbose    show every service's log on the console (it always goes to DIR/logs/local-stack.log)
            """;

    /** One port the stack listens on, with the option that changes it (for the "port in use" message). */
    record Port(int number, String owner, String option) {
    }

    static LaunchOptions parse(String[] args) {
        Path dataDir = Path.of(".local-stack");
        boolean fresh = false;
        boolean verbose = false;
        int demo = 0;
        int kafka = 9092;
        int kafkaController = -1;
        int postgres = 15432;
        int sandbox = 8090;
        int gateway = 8000;
        int orchestrator = 8080;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--fresh" -> fresh = true;
                case "--verbose" -> verbose = true;
                case "--data" -> dataDir = Path.of(value(args, ++i, arg));
                case "--demo" -> demo = number(args, ++i, arg);
                case "--kafka-port" -> kafka = port(args, ++i, arg);
                case "--kafka-controller-port" -> kafkaController = port(args, ++i, arg);
                case "--postgres-port" -> postgres = port(args, ++i, arg);
                case "--sandbox-port" -> sandbox = port(args, ++i, arg);
                case "--gateway-port" -> gateway = port(args, ++i, arg);
                case "--orchestrator-port" -> orchestrator = port(args, ++i, arg);
                case "-h", "--help" -> throw new IllegalArgumentException("");
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (demo < 0) {
            throw new IllegalArgumentException("--demo takes a count of at least 1");
        }
        if (gateway < 8000 || gateway > 9005) {
            // Huifu only calls custom ports in 8000–9005 (PROTOCOL.md §4.1).
            throw new IllegalArgumentException("--gateway-port must be in 8000..9005, as Huifu requires");
        }
        Duration demoTimeout = Duration.ofSeconds(Math.max(120, demo / 10L));
        // The controller's port follows the broker's unless chosen, so one option moves both.
        int controller = kafkaController > 0 ? kafkaController : kafka + 1;
        return new LaunchOptions(dataDir.toAbsolutePath().normalize(), fresh, demo, demoTimeout, kafka, controller,
                postgres, sandbox, gateway, orchestrator, verbose);
    }

    /** Every port the stack will listen on, in start order. */
    List<Port> ports() {
        return List.of(new Port(kafkaPort, "Kafka", "--kafka-port"),
                new Port(kafkaControllerPort, "the Kafka controller", "--kafka-controller-port"),
                new Port(postgresPort, "PostgreSQL", "--postgres-port"),
                new Port(sandboxPort, "the Huifu sandbox", "--sandbox-port"),
                new Port(gatewayPort, "the callback gateway", "--gateway-port"),
                new Port(orchestratorPort, "the orchestrator", "--orchestrator-port"));
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int number(String[] args, int index, String option) {
        String text = value(args, index, option);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not " + text);
        }
    }

    private static int port(String[] args, int index, String option) {
        int port = number(args, index, option);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(option + " takes a port number in 1..65535, not " + port);
        }
        return port;
    }
}
