package io.payout.orchestrator.reconciliation.statement;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Decides whether a statement's {@code download_url} may be fetched: only from the scheme, host and port of the
 * configured Huifu base URL. The URL arrives inside Huifu's answer; following any host it names would let a
 * tampered or misrouted answer point us at an internal address or feed us a forged statement.
 */
public final class DownloadHosts {

    private final URI huifu;

    public DownloadHosts(URI huifuBaseUrl) {
        this.huifu = Objects.requireNonNull(huifuBaseUrl, "Huifu base URL is required");
    }

    /** The URL to fetch, or {@link StatementRefused} naming the host it pointed at. */
    public URI check(String downloadUrl) {
        URI url;
        try {
            url = new URI(Objects.requireNonNull(downloadUrl, "download_url is required"));
        } catch (URISyntaxException e) {
            throw new StatementRefused("download_url is not a URL: " + e.getReason());
        }
        if (url.getHost() == null || url.getRawUserInfo() != null
                || !scheme(huifu).equals(scheme(url))
                || !huifu.getHost().toLowerCase(Locale.ROOT).equals(url.getHost().toLowerCase(Locale.ROOT))
                || port(huifu) != port(url)) {
            throw new StatementRefused("download_url on another host than Huifu's " + huifu.getHost() + ": "
                    + url.getHost());
        }
        return url;
    }

    private static String scheme(URI uri) {
        return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equals(scheme(uri)) ? 443 : 80;
    }
}
