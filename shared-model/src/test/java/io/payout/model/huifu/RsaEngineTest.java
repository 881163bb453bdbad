package io.payout.model.huifu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RsaEngineTest {

    private static final String CANONICAL = TestKeys.resource("example-canonical.txt");
    private static final String OPENSSL_SIGNATURE = TestKeys.resource("example-canonical.sig.b64");

    @Test
    void bothProvidersSignLikeOpenSslAndVerifyEachOther() throws GeneralSecurityException {
        RsaEngine chosen = RsaEngine.select();
        assumeThat(chosen.name()).as("Conscrypt loads on this platform").isEqualTo("Conscrypt");
        RsaEngine jdk = RsaEngine.jdk();
        PrivateKey key = HuifuKeys.privateKey(TestKeys.resource("merchant-pkcs8.b64"));
        PublicKey publicKey = HuifuKeys.publicKey(TestKeys.resource("merchant-public.b64"));

        assertThat(sign(chosen, chosen.own(key))).isEqualTo(sign(jdk, key)).isEqualTo(OPENSSL_SIGNATURE);
        assertThat(verify(chosen, chosen.own(publicKey), sign(jdk, key))).isTrue();
        assertThat(verify(jdk, publicKey, sign(chosen, chosen.own(key)))).isTrue();
    }

    @Test
    void aKeyInConscryptsFormSignsAsTheJdkKeyDoes() throws GeneralSecurityException {
        RsaEngine chosen = RsaEngine.select();
        assumeThat(chosen.name()).isEqualTo("Conscrypt");
        KeyPair pair = HuifuKeys.generate();

        PrivateKey owned = chosen.own(pair.getPrivate());

        assertThat(owned.getClass().getName()).startsWith("org.conscrypt.");
        assertThat(sign(chosen, owned)).isEqualTo(sign(chosen, pair.getPrivate()))
                .isEqualTo(sign(RsaEngine.jdk(), pair.getPrivate()));
    }

    @Test
    void theSystemPropertyChoosesTheJdksProvider() {
        String before = System.getProperty(RsaEngine.PROPERTY);
        System.setProperty(RsaEngine.PROPERTY, "jdk");
        try {
            RsaEngine engine = RsaEngine.select();
            PrivateKey key = HuifuKeys.generate().getPrivate();

            assertThat(engine.name()).isEqualTo("SunRsaSign");
            assertThat(engine.own(key)).isSameAs(key);
        } finally {
            if (before == null) {
                System.clearProperty(RsaEngine.PROPERTY);
            } else {
                System.setProperty(RsaEngine.PROPERTY, before);
            }
        }
    }

    @Test
    void signaturesReusedAcrossKeysOnOneThreadStayCorrect() {
        // RsaSignatures keeps each thread's last key in the provider's form: a change of key must not reuse it
        KeyPair first = HuifuKeys.generate();
        KeyPair second = HuifuKeys.generate();

        String a = RsaSignatures.sign(CANONICAL, first.getPrivate());
        String b = RsaSignatures.sign(CANONICAL, second.getPrivate());

        assertThat(a).isNotEqualTo(b);
        assertThat(RsaSignatures.verify(CANONICAL, a, first.getPublic())).isTrue();
        assertThat(RsaSignatures.verify(CANONICAL, b, first.getPublic())).isFalse();
        assertThat(RsaSignatures.verify(CANONICAL, b, second.getPublic())).isTrue();
        assertThat(RsaSignatures.sign(CANONICAL, first.getPrivate())).isEqualTo(a);
    }

    private static String sign(RsaEngine engine, PrivateKey key) throws GeneralSecurityException {
        Signature signature = engine.newSignature();
        signature.initSign(key);
        signature.update(CANONICAL.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signature.sign());
    }

    private static boolean verify(RsaEngine engine, PublicKey key, String sign) throws GeneralSecurityException {
        Signature signature = engine.newSignature();
        signature.initVerify(key);
        signature.update(CANONICAL.getBytes(StandardCharsets.UTF_8));
        return signature.verify(Base64.getDecoder().decode(sign));
    }
}
