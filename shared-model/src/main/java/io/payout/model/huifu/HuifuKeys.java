package io.payout.model.huifu;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.DERNull;

/**
 * Loads the RSA keys of PROTOCOL.md §2.1 in every form an operator may hold them: the Base64 DER Huifu's console
 * hands out (PKCS#8 private, X.509 public) or a PEM (PKCS#1 or PKCS#8 private; SubjectPublicKeyInfo, PKCS#1 or a
 * certificate for the public key). A value starting with {@code file:} names a file to read. Error messages never
 * contain key material.
 */
public final class HuifuKeys {

    private static final String FILE_PREFIX = "file:";
    private static final JcaPEMKeyConverter CONVERTER = new JcaPEMKeyConverter();

    private HuifuKeys() {
    }

    public static PrivateKey privateKey(String valueOrFile) {
        String text = resolve(valueOrFile, "private key");
        try {
            if (text.contains("-----BEGIN")) {
                return privateKeyFromPem(text);
            }
            byte[] der = decodeBase64(text, "private key");
            try {
                return rsa().generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notPkcs8) {
                // Base64 of a PKCS#1 RSAPrivateKey: wrap it into PKCS#8.
                PrivateKeyInfo info = new PrivateKeyInfo(
                        new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                        RSAPrivateKey.getInstance(der));
                return CONVERTER.getPrivateKey(info);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("unreadable RSA private key (expected PKCS#8 Base64 or PEM)", e);
        }
    }

    public static PublicKey publicKey(String valueOrFile) {
        String text = resolve(valueOrFile, "public key");
        try {
            if (text.contains("-----BEGIN")) {
                return publicKeyFromPem(text);
            }
            return rsa().generatePublic(new X509EncodedKeySpec(decodeBase64(text, "public key")));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("unreadable RSA public key (expected X.509 Base64 or PEM)", e);
        }
    }

    /** A fresh RSA-2048 pair, for development keys, the sandbox and tests. */
    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** The form Huifu's console uses for the merchant key: Base64 PKCS#8 DER without PEM armour. */
    public static String toBase64(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** The form Huifu's console uses for its public key: Base64 X.509 SubjectPublicKeyInfo. */
    public static String toBase64(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    private static PrivateKey privateKeyFromPem(String pem) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            if (object instanceof PEMKeyPair pair) {
                return CONVERTER.getKeyPair(pair).getPrivate();
            }
            if (object instanceof PrivateKeyInfo info) {
                return CONVERTER.getPrivateKey(info);
            }
            throw new IllegalArgumentException("PEM holds no unencrypted RSA private key");
        }
    }

    private static PublicKey publicKeyFromPem(String pem) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            if (object instanceof SubjectPublicKeyInfo info) {
                return CONVERTER.getPublicKey(info);
            }
            if (object instanceof X509CertificateHolder certificate) {
                return CONVERTER.getPublicKey(certificate.getSubjectPublicKeyInfo());
            }
            if (object instanceof PEMKeyPair pair) {
                return CONVERTER.getPublicKey(pair.getPublicKeyInfo());
            }
            throw new IllegalArgumentException("PEM holds no RSA public key");
        }
    }

    private static String resolve(String valueOrFile, String what) {
        if (valueOrFile == null || valueOrFile.isBlank()) {
            throw new IllegalArgumentException(what + " is not configured");
        }
        String value = valueOrFile.strip();
        if (!value.startsWith(FILE_PREFIX)) {
            return value;
        }
        Path path = Path.of(value.substring(FILE_PREFIX.length()));
        try {
            return Files.readString(path, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what + " file " + path, e);
        }
    }

    private static byte[] decodeBase64(String text, String what) {
        try {
            return Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not Base64");
        }
    }

    private static KeyFactory rsa() throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA");
    }
}
