package io.payout.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * Where the local database lives. PostgreSQL runs as {@code nobody} when we are root, and {@code nobody} must be
 * able to reach its folder: inside a home folder it often cannot, so root gets a folder under /var/tmp instead.
 */
final class PostgresData {

    private PostgresData() {
    }

    static Path folder(Path dataDir) {
        Path inProject = dataDir.resolve("pg");
        if (!isRoot() || reachableByNobody(dataDir)) {
            return inProject;
        }
        return Path.of("/var/tmp", "payout-local-pg-" + Integer.toHexString(dataDir.toString().hashCode()));
    }

    /**
     * Everything the stack keeps, for {@code --fresh}: the data folder's contents (database, broker, sandbox, keys,
     * logs) and the database folder under /var/tmp. Not the lock file, which the running launcher holds.
     */
    static void delete(Path dataDir) {
        deleteTree(folder(dataDir));
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        try (var entries = Files.list(dataDir)) {
            for (Path entry : entries.toList()) {
                if (!entry.getFileName().toString().equals(DataFolderLock.FILE_NAME)) {
                    deleteTree(entry);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static boolean reachableByNobody(Path dir) {
        try {
            Files.createDirectories(dir);
            Process check = new ProcessBuilder("runuser", "-u", "nobody", "--", "test", "-x", dir.toString())
                    .redirectErrorStream(true).start();
            return check.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete " + root + ": " + e.getMessage(), e);
        }
    }
}
