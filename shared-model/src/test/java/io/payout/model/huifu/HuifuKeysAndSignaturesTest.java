package io.payout.model.huifu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HuifuKeysAndSignaturesTest {

    private static final String CANONICAL = TestKeys.resource("example-canonical.txt");

    @Test
    void signatureMatchesOpenSslByteForByte() {
        // RSASSA-PKCS1-v1_5 is deterministic: the same key and text always give the same signature.
        PrivateKey key = HuifuKeys.privateKey(TestKeys.resource("merchant-pkcs8.b64"));

        assertThat(RsaSignatures.sign(CANONICAL, key)).isEqualTo(TestKeys.resource("example-canonical.sig.b64"));
    }

    @Test
    void pkcs1PemAndPkcs8Base64OfOnePairSignAlikeAndVerifyWithThePublicKey() {
        PrivateKey fromPkcs1Pem = HuifuKeys.privateKey(TestKeys.resource("merchant-pkcs1.pem"));
        PrivateKey fromPkcs8Base64 = HuifuKeys.privateKey(TestKeys.resource("merchant-pkcs8.b64"));
        PrivateKey fromPkcs8Pem = HuifuKeys.privateKey(TestKeys.resource("merchant-pkcs8.pem"));
        PublicKey fromBase64 = HuifuKeys.publicKey(TestKeys.resource("merchant-public.b64"));
        PublicKey fromPem = HuifuKeys.publicKey(TestKeys.resource("merchant-public.pem"));

        String sign1 = RsaSignatures.sign(CANONICAL, fromPkcs1Pem);
        String sign8 = RsaSignatures.sign(CANONICAL, fromPkcs8Base64);

        assertThat(sign1).isEqualTo(sign8).isEqualTo(RsaSignatures.sign(CANONICAL, fromPkcs8Pem));
        assertThat(RsaSignatures.verify(CANONICAL, sign1, fromBase64)).isTrue();
        assertThat(RsaSignatures.verify(CANONICAL, sign8, fromPem)).isTrue();
    }

    @Test
    void oneChangedByteInDataOrSignatureFails() {
        KeyPair pair = HuifuKeys.generate();
        String sign = RsaSignatures.sign(CANONICAL, pair.getPrivate());
        String changedData = CANONICAL.replace("100.00", "100.01");
        char[] signChars = sign.toCharArray();
        signChars[10] = signChars[10] == 'A' ? 'B' : 'A';

        assertThat(RsaSignatures.verify(CANONICAL, sign, pair.getPublic())).isTrue();
        assertThat(RsaSignatures.verify(changedData, sign, pair.getPublic())).isFalse();
        assertThat(RsaSignatures.verify(CANONICAL, new String(signChars), pair.getPublic())).isFalse();
    }

    @Test
    void malformedSignaturesAreFalseNotErrors() {
        PublicKey key = HuifuKeys.generate().getPublic();

        assertThat(RsaSignatures.verify(CANONICAL, "not base64!!", key)).isFalse();
        assertThat(RsaSignatures.verify(CANONICAL, "", key)).isFalse();
        assertThat(RsaSignatures.verify(CANONICAL, null, key)).isFalse();
        assertThat(RsaSignatures.verify(CANONICAL, "c2hvcnQ=", key)).isFalse();
    }

    @Test
    void readsKeysFromFiles(@TempDir Path dir) throws Exception {
        Path pem = Files.writeString(dir.resolve("merchant.pem"), TestKeys.resource("merchant-pkcs1.pem"));

        PrivateKey key = HuifuKeys.privateKey("file:" + pem);

        assertThat(RsaSignatures.sign(CANONICAL, key)).isEqualTo(TestKeys.resource("example-canonical.sig.b64"));
    }

    @Test
    void unreadableKeysFailWithoutEchoingTheirContent() {
        assertThatThrownBy(() -> HuifuKeys.privateKey("TUlJQ-secret-material"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> HuifuKeys.publicKey(""))
                .hasMessageContaining("not configured");
    }

    @Test
    void generatedKeysRoundTripThroughTheConsoleBase64Form() {
        KeyPair pair = HuifuKeys.generate();

        PrivateKey privateKey = HuifuKeys.privateKey(HuifuKeys.toBase64(pair.getPrivate()));
        PublicKey publicKey = HuifuKeys.publicKey(HuifuKeys.toBase64(pair.getPublic()));

        assertThat(RsaSignatures.verify("x", RsaSignatures.sign("x", privateKey), publicKey)).isTrue();
    }
}
