package io.payout.gateway.callback;

import io.payout.gateway.GatewayServer;
import io.payout.model.HuifuNotification;
import io.payout.model.huifu.HuifuNotifications;
import java.util.Locale;

/**
 * The notices Huifu posts to the gateway, each on a path of its own: a withdrawal's trade notices (PROTOCOL.md §4,
 * signed text in {@code resp_data}) and an account's audit notices (ACCOUNTS.md A3.3 and A4, signed text in
 * {@code data}). Everything else — verification, the field checks, publishing before acknowledging — is the same.
 */
enum NoticeKind {
    WITHDRAWAL(GatewayServer.NOTIFY_PATH, HuifuNotifications.TRADE_DATA_FIELD, HuifuNotification.KIND_WITHDRAWAL),
    ACCOUNT(GatewayServer.ACCOUNT_NOTIFY_PATH, HuifuNotifications.ACCOUNT_DATA_FIELD, HuifuNotification.KIND_ACCOUNT);

    private final String path;
    private final String dataField;
    private final String kind;

    NoticeKind(String path, String dataField, String kind) {
        this.path = path;
        this.dataField = dataField;
        this.kind = kind;
    }

    String path() {
        return path;
    }

    /** The form field whose exact text {@code sign} covers. */
    String dataField() {
        return dataField;
    }

    /** The {@code kind} of the published {@link HuifuNotification}. */
    String kind() {
        return kind;
    }

    /** The value of the metrics' {@code kind} tag. */
    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
