package io.payout.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The load generator against real HTTP servers: the JDK's, Tomcat (the gateway's) and a raw socket for failures. */
@Timeout(value = 2, unit = TimeUnit.MINUTES) // a client that never ends its run must fail the build, not hang it
class LoadClientTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    static {
        // The JDK server writes an answer's headers and body separately; with Nagle on, each answer then waits for
        // the client's delayed ACK (40 ms). Read once, when its first server is made: no other test here makes one.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        threads.shutdownNow();
    }

    @Test
    void eachRequestEndsOnceWithItsAnswersStatusOverKeptAliveConnections() throws Exception {
        Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
        URI uri = jdkServer(exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            int status = Integer.parseInt(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            answer(exchange, status, "RECV_ORD_ID_" + status);
        });
        List<byte[]> requests = new ArrayList<>();
        int[] expected = new int[300];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = i % 10 == 0 ? 503 : i % 7 == 0 ? 404 : 200;
            requests.add(LoadClient.post(uri, FORM, Integer.toString(expected[i]).getBytes(StandardCharsets.UTF_8)));
        }
        LoadClient client = client(uri, 4);

        Results results = run(client, requests, 0, 1000);

        assertThat(results.statuses).containsExactly(expected);
        assertThat(results.calls.get()).isEqualTo(requests.size());
        assertThat(client.connects()).as("no connection opened beyond the pool").isEqualTo(4);
        assertThat(clientPorts).hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void noRequestIsSentBeforeItsScheduledTime() throws Exception {
        URI uri = jdkServer(exchange -> answer(exchange, 200, "ok"));
        List<byte[]> requests = Collections.nCopies(20, LoadClient.post(uri, FORM, new byte[0]));
        long interval = TimeUnit.MILLISECONDS.toNanos(2);
        long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
        long[] ended = new long[requests.size()];

        client(uri, 2).run(requests, t0, interval, 1000, (index, status, nanoTime) -> ended[index] = nanoTime);

        for (int i = 0; i < ended.length; i++) {
            assertThat(ended[i]).as("request %d", i).isGreaterThanOrEqualTo(t0 + i * interval);
        }
    }

    @Test
    void aChunkedAnswerIsReadToItsEndAndTheConnectionCarriesOn() throws Exception {
        URI uri = jdkServer(exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(202, 0); // length 0: the JDK server sends the body chunked
            try (OutputStream body = exchange.getResponseBody()) {
                body.write("RECV_".getBytes(StandardCharsets.UTF_8));
                body.flush();
                body.write("ORD_ID_1".getBytes(StandardCharsets.UTF_8));
            }
        });
        LoadClient client = client(uri, 1);

        Results results = run(client, Collections.nCopies(25, LoadClient.post(uri, FORM, new byte[1])), 0,
                1000);

        assertThat(results.statuses).containsOnly(202);
        assertThat(client.connects()).isEqualTo(1);
    }

    @Test
    void aConnectionTheServerClosesAfterAnAnswerIsOpenedAgainWithoutLosingARequest() throws Exception {
        URI uri = jdkServer(exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Connection", "close");
            answer(exchange, 200, "bye");
        });
        LoadClient client = client(uri, 2);

        Results results = run(client, Collections.nCopies(30, LoadClient.post(uri, FORM, new byte[0])), 0,
                1000);

        assertThat(results.statuses).containsOnly(200);
        assertThat(client.connects()).as("one connection per request").isEqualTo(30);
    }

    @Test
    void aConnectionIdleForTooLongIsReplacedRatherThanUsed() throws Exception {
        URI uri = jdkServer(exchange -> {
            exchange.getRequestBody().readAllBytes();
            answer(exchange, 200, "ok");
        });
        AtomicLong clock = new AtomicLong(System.nanoTime());
        LoadClient client = new LoadClient(uri, 1, Duration.ofSeconds(20), clock::get);
        toClose.add(client);
        int[] statuses = new int[5];

        // one at a time; a minute passes after each answer, so the connection has been idle too long at each next use
        client.run(Collections.nCopies(statuses.length, LoadClient.post(uri, FORM, new byte[0])), clock.get(), 0, 1,
                (index, status, nanoTime) -> {
                    statuses[index] = status;
                    clock.addAndGet(TimeUnit.MINUTES.toNanos(1));
                });

        assertThat(statuses).containsOnly(200);
        assertThat(client.connects()).as("the first one, then one per later request").isEqualTo(5);
        assertThat(client.failures()).isEmpty();
    }

    @Test
    void tomcatClosingAConnectionAfterItsHundredthRequestCostsNoRequest() throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("loadclient-tomcat").toString());
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "notify", new HttpServlet() {
            @Override
            protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
                request.getInputStream().readAllBytes();
                byte[] body = "RECV_ORD_ID_1".getBytes(StandardCharsets.UTF_8);
                response.setContentType("text/plain;charset=UTF-8");
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
            }
        });
        context.addServletMappingDecoded("/huifu/notify/withdrawal", "notify");
        tomcat.start();
        toClose.add(() -> {
            tomcat.stop();
            tomcat.destroy();
        });
        URI uri = URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/huifu/notify/withdrawal");
        LoadClient client = client(uri, 1);

        Results results = run(client, Collections.nCopies(250, LoadClient.post(uri, FORM,
                "resp_code=00000000".getBytes(StandardCharsets.UTF_8))), 0, 1000);

        assertThat(results.statuses).containsOnly(200);
        assertThat(client.connects()).as("a new connection after each 100 requests").isEqualTo(3);
    }

    @Test
    void theOutstandingBoundHoldsWhateverTheNumberOfConnections() throws Exception {
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch never = new CountDownLatch(1);
        URI uri = jdkServer(exchange -> {
            most.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            try {
                never.await(20, TimeUnit.MILLISECONDS); // hold the answer so that requests pile up
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            concurrent.decrementAndGet();
            answer(exchange, 200, "ok");
        });

        Results results = run(client(uri, 10), Collections.nCopies(30, LoadClient.post(uri, FORM,
                new byte[0])), 0, 3);

        assertThat(results.statuses).containsOnly(200);
        assertThat(most.get()).isBetween(1, 3);
    }

    @Test
    void aConnectionDroppedBeforeTheAnswerFailsItsRequestAndIsOpenedAgain() throws Exception {
        RawServer server = rawServer();
        URI uri = server.uri();
        List<byte[]> requests = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            requests.add(LoadClient.post(uri, FORM, ascii(i % 4 == 0 ? "drop" : i % 4 == 1 ? "until-eof" : "ok")));
        }
        LoadClient client = client(uri, 3);

        Results results = run(client, requests, 0, 1000);

        for (int i = 0; i < requests.size(); i++) {
            assertThat(results.statuses[i]).as("request %d", i).isEqualTo(i % 4 == 0 ? LoadClient.FAILED : 200);
        }
        assertThat(client.failures()).containsExactly(Map.entry("closed by the server before the answer", 10L));
        assertThat(client.connects()).isGreaterThan(3);
    }

    @Test
    void aServerThatGoesAwayFailsEveryRequestInsteadOfHoldingTheRun() throws Exception {
        RawServer server = rawServer();
        URI uri = server.uri();
        LoadClient client = client(uri, 2);
        server.close();

        Results results = run(client, Collections.nCopies(10, LoadClient.post(uri, FORM, ascii("ok"))), 0,
                1000);

        assertThat(results.statuses).containsOnly(LoadClient.FAILED);
        assertThat(results.calls.get()).isEqualTo(10);
        assertThat(client.failures().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(10);
    }

    private record Results(int[] statuses, AtomicInteger calls) {
    }

    private static Results run(LoadClient client, List<byte[]> requests, long interval, int maxOutstanding)
            throws IOException {
        int[] statuses = new int[requests.size()];
        Arrays.fill(statuses, -1);
        AtomicInteger calls = new AtomicInteger();
        client.run(requests, System.nanoTime(), interval, maxOutstanding, (index, status, nanoTime) -> {
            calls.incrementAndGet();
            statuses[index] = status;
        });
        return new Results(statuses, calls);
    }

    private LoadClient client(URI uri, int connections) throws IOException {
        LoadClient client = new LoadClient(uri, connections);
        toClose.add(client);
        return client;
    }

    private URI jdkServer(HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", handler);
        server.setExecutor(threads);
        server.start();
        toClose.add(() -> server.stop(0));
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/huifu/notify/withdrawal");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private RawServer rawServer() throws IOException {
        RawServer server = new RawServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), threads);
        toClose.add(server);
        threads.submit(server::accept);
        return server;
    }

    /**
     * A server on a bare socket, for what a real one will not do on request: a body "drop" closes the connection
     * without an answer, "until-eof" answers 200 with a body delimited by closing the connection, anything else 200.
     */
    private record RawServer(ServerSocket socket, ExecutorService threads, Set<Socket> open) implements AutoCloseable {

        RawServer(ServerSocket socket, ExecutorService threads) {
            this(socket, threads, ConcurrentHashMap.newKeySet());
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/raw");
        }

        void accept() {
            try {
                while (true) {
                    Socket s = socket.accept();
                    open.add(s);
                    if (socket.isClosed()) {
                        s.close(); // close() ran between accept and add
                    }
                    threads.submit(() -> serve(s));
                }
            } catch (IOException e) {
                // closed
            }
        }

        private void serve(Socket s) {
            try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                while (true) {
                    String body = readRequestBody(in);
                    if (body == null || body.equals("drop")) {
                        return;
                    }
                    if (body.equals("until-eof")) {
                        out.write(ascii("HTTP/1.1 200 \r\nContent-Type: text/plain\r\n\r\nthe rest of the stream"));
                        return;
                    }
                    out.write(ascii("HTTP/1.1 200 \r\nContent-Length: 2\r\n\r\nok"));
                }
            } catch (IOException e) {
                // the client went away
            } finally {
                open.remove(s);
            }
        }

        /** The body of the next request (its headers read up to the blank line), or null at the end of the stream. */
        private static String readRequestBody(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            int b;
            while (!head.toString().endsWith("\r\n\r\n")) {
                if ((b = in.read()) < 0) {
                    return null;
                }
                head.append((char) b);
            }
            int at = head.indexOf("Content-Length: ") + 16;
            int length = Integer.parseInt(head.substring(at, head.indexOf("\r\n", at)));
            return new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : open) {
                s.close();
            }
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
