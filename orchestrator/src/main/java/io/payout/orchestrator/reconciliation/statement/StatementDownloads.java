package io.payout.orchestrator.reconciliation.statement;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Downloads statement zips into the statement folder and finds them again for a re-run. A URL is followed only to
 * Huifu's host ({@link DownloadHosts}); the body is streamed to disk and cut off past the size limit; the file gets
 * its final name only once complete, so a crash never leaves a partial statement to be matched later. File names are
 * built from the trade date and huifu_id alone, both checked, never from anything in Huifu's answer.
 */
final class StatementDownloads {

    private static final Pattern HUIFU_ID = Pattern.compile("^[0-9A-Za-z]{1,32}$");
    private static final Pattern TRADE_DATE = Pattern.compile("^[0-9]{8}$");
    private static final int HTTP_OK = 200;

    private final DownloadHosts hosts;
    private final Path folder;
    private final long maxBytes;
    private final Duration timeout;
    private final HttpClient http;

    StatementDownloads(DownloadHosts hosts, Path folder, long maxBytes, Duration timeout) {
        this.hosts = hosts;
        this.folder = folder;
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        // never follows a redirect: it could lead to a host the check above never saw
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Where the statement of this account and trade date is kept once downloaded. */
    Path fileOf(String huifuId, String tradeDate) {
        if (!HUIFU_ID.matcher(huifuId).matches() || !TRADE_DATE.matcher(tradeDate).matches()) {
            throw new StatementRefused("not a statement's account or date: " + huifuId + " " + tradeDate);
        }
        return folder.resolve(tradeDate).resolve(tradeDate + "_" + huifuId + "_outcash.zip");
    }

    /** Downloads the zip at {@code downloadUrl}; StatementRefused for another host or an oversized file. */
    Path download(String downloadUrl, String huifuId, String tradeDate) {
        URI url = hosts.check(downloadUrl);
        Path target = fileOf(huifuId, tradeDate);
        try {
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            try {
                HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(url).timeout(timeout).GET()
                        .build(), HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body(); OutputStream out = Files.newOutputStream(partial)) {
                    if (response.statusCode() != HTTP_OK) {
                        throw new IOException("statement download answered HTTP " + response.statusCode());
                    }
                    copyBounded(body, out);
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return target;
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("statement download failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while downloading a statement", e);
        }
    }

    private void copyBounded(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > maxBytes) {
                throw new StatementRefused("statement zip larger than " + maxBytes + " bytes");
            }
            out.write(buffer, 0, n);
        }
    }
}
