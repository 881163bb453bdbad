package io.payout.orchestrator.account;

import io.payout.model.account.AccountRequested;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keyed hashes (HMAC-SHA256) that stand in for what may not be kept: of account requests, so a replay can be told
 * from a conflict without keeping the card number, certificate number or name it carries ({@code requested_at} is
 * left out, as for withdrawals: a request sent again with a new timestamp is the same request); and of card numbers,
 * so a card can be matched after its number was purged.
 */
final class KeyedHashes {

    private static final String ALGORITHM = "HmacSHA256";
    // Map entries by key: the holder's fields come as a map, and equal content must give equal bytes.
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private final SecretKeySpec key;

    KeyedHashes(String base64Key) {
        byte[] bytes = Base64.getDecoder().decode(base64Key);
        if (bytes.length < 32) {
            throw new IllegalArgumentException("orchestrator.accounts.hash-key must hold at least 32 bytes");
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    /** Hex, as the registry keeps it. */
    String ofCardNo(String cardNo) {
        return HexFormat.of().formatHex(mac(cardNo.getBytes(StandardCharsets.UTF_8)));
    }

    byte[] of(AccountRequested request) {
        AccountRequested content = new AccountRequested(request.accountRequestId(), request.action(),
                request.accountKind(), request.huifuId(), request.holder(), request.card(), request.cashConfig(),
                request.authorization(), null);
        return mac(CANONICAL.writeValueAsBytes(content));
    }

    private byte[] mac(byte[] bytes) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JRE", e);
        }
    }
}
