package org.tegami.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/** Writes throw-away certificates and keys in the PEM forms operators use. */
final class TestCertificates {

    private TestCertificates() {
    }

    static KeyPair keyPair(String algorithm) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
        g.initialize(algorithm.equals("RSA") ? 2048 : 256);
        return g.generateKeyPair();
    }

    /** Writes {@code name.crt} and {@code name.key}; {@code pkcs8} picks PKCS#8 over PKCS#1/SEC 1. */
    static Path[] write(Path dir, String name, String host, KeyPair pair, boolean pkcs8) throws Exception {
        X509Certificate cert = SelfSignedCertificate.build(pair, host);
        Path certFile = dir.resolve(name + ".crt");
        Path keyFile = dir.resolve(name + ".key");
        Files.writeString(certFile, pem(cert));
        Files.writeString(keyFile, pkcs8 ? pem(new JcaPKCS8Generator(pair.getPrivate(), null))
                : pair.getPrivate().getAlgorithm().equals("EC") ? pem(sec1(pair)) : pem(pair));
        return new Path[] {certFile, keyFile};
    }

    /** An {@code EC PRIVATE KEY} as openssl writes it: SEC 1 with the curve and public key inside. */
    static PemObject sec1(KeyPair pair) throws IOException {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded());
        ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
        DERBitString publicKey = new DERBitString(SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()).getPublicKeyData().getBytes());
        ECPrivateKey full = new ECPrivateKey(256, inner.getKey(), publicKey, info.getPrivateKeyAlgorithm().getParameters());
        return new PemObject("EC PRIVATE KEY", full.getEncoded());
    }

    static String pem(Object o) throws IOException {
        StringWriter s = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(s)) {
            w.writeObject(o);
        }
        return s.toString();
    }
}
