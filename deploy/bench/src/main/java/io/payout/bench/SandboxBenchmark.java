package io.payout.bench;

import com.sun.net.httpserver.HttpServer;
import io.payout.model.huifu.HuifuEnvelope;
import io.payout.model.huifu.HuifuKeys;
import io.payout.sandbox.SandboxControl;
import io.payout.sandbox.ledger.AccountSpec;
import io.payout.testkit.ServiceLaunch;
import io.payout.testkit.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * {@code deploy/bench/run sandbox}: the sandbox's CPU per withdrawal, alone: its exec jar in its own JVM (as B3 runs
 * it), D0 encashments signed up front by this JVM, and a notify endpoint here that acknowledges every notice. Per
 * withdrawal the sandbox verifies one request and signs three texts (answer, 02, 01); the rest is its overhead. The
 * orchestrator, gateway, broker and database of B3 are left out, so the number moves with the sandbox's own changes
 * only. Arguments: --withdrawals=3000 --warmup=3000 --connections=8, --jfr=/tmp/file.jfr (a profile of the measured
 * phase), --jar=other-sandbox-exec.jar (to compare builds); --quick: 300 of each.
 */
final class SandboxBenchmark {

    private static final int ACCOUNTS = 20;
    private static final Pattern REQ_SEQ_ID = Pattern.compile("\"req_seq_id\":\"([^\"]*)\"");
    private static final Pattern MSG_TYPE = Pattern.compile("\"msg_type\":\"([^\"]*)\"");

    private SandboxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        int count = options.integer("withdrawals", 3000, 300);
        int warmup = options.integer("warmup", 3000, 300);
        int connections = options.integer("connections", 8, 8);
        Path work = Files.createTempDirectory("sandbox-bench");
        KeyPair merchant = HuifuKeys.generate();
        KeyPair huifu = HuifuKeys.generate();
        ServiceLaunch.KeyFiles keys = ServiceLaunch.KeyFiles.write(work.resolve("keys"), merchant, huifu);
        Path jar = options.has("jar") ? Path.of(options.string("jar", null))
                : ServiceLaunch.execJar(Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize(),
                        "huifu-sandbox");
        AckServer acks = AckServer.start();
        try (ServiceProcess sandbox = ServiceProcess.start("sandbox", jar, Stack.SANDBOX_XMX, ServiceLaunch.freePort(),
                ServiceLaunch.sandbox(keys), work.resolve("sandbox.log"))) {
            SandboxControl control = SandboxControl.of(sandbox.baseUrl());
            for (int a = 0; a < ACCOUNTS; a++) {
                control.createAccount(AccountSpec.standard(huifuId(a), "100000000.00", "T" + a));
            }
            String run = Long.toString(System.currentTimeMillis(), 36);
            drive(sandbox.baseUrl(), bodies("w" + run, warmup, merchant, acks.url()), connections, acks, warmup);
            // After the warm-up, which signed thousands of requests here: the JIT has compiled the signing path.
            double signMs = RsaCost.measure(huifu).signMs();
            String jfr = options.string("jfr", null);
            if (jfr != null) {
                jcmd(sandbox.pid(), "JFR.start", "name=bench", "settings=profile", "filename=" + jfr);
            }
            List<String> bodies = bodies("m" + run, count, merchant, acks.url());
            long ticks = sandbox.cpuTicks();
            Map<String, Long> threadsBefore = threadTicks(sandbox.pid());
            long start = System.nanoTime();
            drive(sandbox.baseUrl(), bodies, connections, acks, count);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMs = (sandbox.cpuTicks() - ticks) * 1000.0 / clockTicksPerSecond();
            if (jfr != null) {
                jcmd(sandbox.pid(), "JFR.stop", "name=bench");
            }
            Map<String, Long> threadsAfter = threadTicks(sandbox.pid());
            double perWithdrawal = cpuMs / count;
            System.out.printf("%d withdrawals in %.1f s (%.0f/s), %d connections%n", count, seconds, count / seconds,
                    connections);
            System.out.printf("sandbox CPU ms per withdrawal: %.2f  (RSA-2048 sign here: %.2f ms; three signs: "
                    + "%.2f; the rest: %.2f)%n", perWithdrawal, signMs, 3 * signMs, perWithdrawal - 3 * signMs);
            long hz = clockTicksPerSecond();
            threadsAfter.forEach((group, after) -> {
                double ms = (after - threadsBefore.getOrDefault(group, 0L)) * 1000.0 / hz / count;
                if (ms >= 0.005) {
                    System.out.printf("  %-28s %.3f ms per withdrawal%n", group, ms);
                }
            });
            System.out.printf("ledger conserved: %s; log: %s%n", control.ledger().conserved(), sandbox.logFile());
        } finally {
            acks.close();
        }
        System.exit(0);
    }

    /** Sends every body (closed loop, {@code connections} at a time) and waits for all their 01 notices. */
    private static void drive(String baseUrl, List<String> bodies, int connections, AckServer acks, int expected)
            throws InterruptedException {
        int resultsBefore = acks.results.get();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(connections);
        for (int c = 0; c < connections; c++) {
            senders.execute(() -> {
                for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                    if (!accepted(http, baseUrl, bodies.get(i))) {
                        refused.incrementAndGet();
                    }
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(1, TimeUnit.HOURS);
        if (refused.get() > 0) {
            throw new IllegalStateException(refused.get() + " encashments not accepted");
        }
        // every result notice acknowledged, or the benchmark goes on to report what it has after 5 minutes
        try {
            Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(10))
                    .until(() -> acks.results.get() - resultsBefore >= expected);
        } catch (ConditionTimeoutException e) {
            // not every notice acknowledged in time: the report shows what was done
        }
    }

    private static boolean accepted(HttpClient http, String baseUrl, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v2/trade/settlement/encashment"))
                .header("Content-Type", "application/json;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"trans_stat\":\"P\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<String> bodies(String prefix, int count, KeyPair merchant, String notifyUrl) {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.BASIC_ISO_DATE);
        return IntStream.range(0, count).parallel().mapToObj(i -> {
            Map<String, String> data = new LinkedHashMap<>();
            data.put("req_date", today);
            data.put("req_seq_id", prefix + "-" + i);
            data.put("cash_amt", "100.00");
            data.put("huifu_id", huifuId(i % ACCOUNTS));
            data.put("into_acct_date_type", "D0");
            data.put("token_no", "T" + (i % ACCOUNTS));
            data.put("notify_url", notifyUrl);
            return HuifuEnvelope.request(ServiceLaunch.SYS_ID, ServiceLaunch.PRODUCT_ID, data,
                    merchant.getPrivate()).body();
        }).toList();
    }

    private static String huifuId(int a) {
        return "66660001" + (10000000 + a);
    }

    private static long clockTicksPerSecond() throws IOException, InterruptedException {
        Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
        String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        getconf.waitFor();
        return Long.parseLong(out);
    }

    /**
     * CPU ticks of the sandbox's threads by name, digits dropped ({@code http-nio-N-exec-N}), so the JIT, the
     * collector, Tomcat, the scheduler and the HTTP client can be told apart. A thread that ended took its ticks.
     */
    private static Map<String, Long> threadTicks(long pid) throws IOException {
        Map<String, Long> groups = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d+", "N");
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    groups.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
                    groups.merge(name + " (kernel)", Long.parseLong(fields[12]), Long::sum);
                } catch (IOException ended) {
                    // the thread ended while we looked
                }
            }
        }
        return groups;
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        new ProcessBuilder(line).inheritIO().start().waitFor();
    }

    /** The merchant's notify endpoint: acknowledges every notice and counts the 01 (result) notices. */
    private record AckServer(HttpServer server, AtomicInteger results, AtomicLong notices) implements AutoCloseable {

        static AckServer start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
                AckServer acks = new AckServer(server, new AtomicInteger(), new AtomicLong());
                server.createContext("/notify", exchange -> {
                    String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    String respData = "";
                    for (String pair : form.split("&")) {
                        if (pair.startsWith("resp_data=")) {
                            respData = URLDecoder.decode(pair.substring("resp_data=".length()), StandardCharsets.UTF_8);
                        }
                    }
                    Matcher seq = REQ_SEQ_ID.matcher(respData);
                    Matcher type = MSG_TYPE.matcher(respData);
                    byte[] ack = ("RECV_ORD_ID_" + (seq.find() ? seq.group(1) : "")).getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, ack.length);
                    exchange.getResponseBody().write(ack);
                    exchange.close();
                    acks.notices.incrementAndGet();
                    if (type.find() && type.group(1).equals("01")) {
                        acks.results.incrementAndGet();
                    }
                });
                server.setExecutor(Executors.newFixedThreadPool(4));
                server.start();
                return acks;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/notify";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
