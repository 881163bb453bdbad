package io.payout.bench;

import io.payout.testkit.ServiceProcess;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What B4 reads at the end of each tenth of the soak, chosen so that reading it does not disturb the run: the
 * orchestrator's heap after collection from its own GC log (no forced collection, no metrics scrape), resident
 * memory from /proc, and two small queries on the orchestrator's database (unsent outbox rows, size per withdrawal).
 */
final class SoakSample {

    /** The "after" figure of an {@code -Xlog:gc} pause line, e.g. {@code 130M->12M(491M)}. */
    private static final Pattern AFTER = Pattern.compile("\\d+[KMG]->(\\d+)([KMG])\\(\\d+[KMG]\\)");

    private final List<ServiceProcess> services;
    private final ServiceProcess orchestrator;
    private final String jdbcUrl;
    private final String user;
    /** How far the orchestrator's GC log has been read, in bytes. */
    private long gcLogRead;
    private String dataDirectory;

    SoakSample(List<ServiceProcess> services, ServiceProcess orchestrator, String jdbcUrl, String user) {
        this.services = services;
        this.orchestrator = orchestrator;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
    }

    /** One tenth's readings. Heap: the lowest heap after a collection since the previous reading (-1: none ran). */
    record Reading(long heapAfterGcBytes, Map<String, Long> rssBytes, long outboxBacklog, long withdrawals,
                   long databaseBytes) {

        double databaseBytesPerWithdrawal() {
            return withdrawals == 0 ? Double.NaN : (double) databaseBytes / withdrawals;
        }
    }

    Reading read() {
        Map<String, Long> rss = new LinkedHashMap<>();
        for (ServiceProcess s : services) {
            rss.put(s.name(), rssBytes(s.pid()));
        }
        rss.put("harness", rssBytes(ProcessHandle.current().pid()));
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, "");
             Statement st = c.createStatement()) {
            if (dataDirectory == null) {
                try (ResultSet rs = st.executeQuery("show data_directory")) {
                    rs.next();
                    dataDirectory = rs.getString(1);
                }
            }
            rss.put("postgresql (Pss)", postgresPssBytes(dataDirectory));
            long backlog = single(st, "select count(*) from outbox");
            long withdrawals = single(st, "select count(*) from withdrawals");
            long size = single(st, "select pg_database_size(current_database())");
            return new Reading(heapFloorSinceLastRead(), rss, backlog, withdrawals, size);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the orchestrator's database", e);
        }
    }

    private static long single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Current resident set (VmRSS) of a process, in bytes; -1 when it is gone. */
    static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            // the process has ended
        }
        return -1;
    }

    /**
     * The memory of this benchmark's PostgreSQL server (the postmaster started on {@code dataDirectory} and its
     * children; other servers on the machine are not ours): the proportional set size (Pss) summed, since their RSS
     * would count the shared buffers once per backend.
     */
    static long postgresPssBytes(String dataDirectory) {
        Map<Long, Long> parents = new HashMap<>();
        long postmaster = -1;
        try (java.util.stream.Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    long ppid = Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
                    parents.put(Long.parseLong(name), ppid);
                    String cmdline = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                    if (cmdline.contains("postgres") && cmdline.contains(dataDirectory)) {
                        postmaster = Long.parseLong(name);
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            return -1;
        }
        long sum = 0;
        for (Map.Entry<Long, Long> e : parents.entrySet()) {
            if (postmaster >= 0 && (e.getKey() == postmaster || e.getValue() == postmaster)) {
                sum += pss(e.getKey());
            }
        }
        return postmaster < 0 ? -1 : sum;
    }

    private static long pss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            // ended while we looked
        }
        return 0;
    }

    private long heapFloorSinceLastRead() {
        Path log = orchestrator.logFile().resolveSibling(orchestrator.logFile().getFileName() + ".gc");
        if (!Files.exists(log)) {
            return -1;
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long to = file.length();
            // the JVM rotates its GC log at 20 MB: a file shorter than what was read is a new one
            long from = to < gcLogRead ? 0 : gcLogRead;
            byte[] bytes = new byte[(int) (to - from)];
            file.seek(from);
            file.readFully(bytes);
            // only whole lines: a line still being written is read next time
            String text = new String(bytes, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n') + 1;
            gcLogRead = from + text.substring(0, end).getBytes(StandardCharsets.UTF_8).length;
            return lowestAfter(text.substring(0, end));
        } catch (IOException e) {
            return -1;
        }
    }

    /** The lowest heap after a collection among {@code -Xlog:gc} pause lines; -1 if there is none. */
    static long lowestAfter(String gcLog) {
        Matcher m = AFTER.matcher(gcLog);
        long min = -1;
        while (m.find()) {
            long unit = switch (m.group(2)) {
                case "K" -> 1L << 10;
                case "M" -> 1L << 20;
                default -> 1L << 30;
            };
            long after = Long.parseLong(m.group(1)) * unit;
            min = min < 0 ? after : Math.min(min, after);
        }
        return min;
    }
}
