package org.tegami.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The BouncyCastle half of {@link SelfSignedCertificate}: makes the key pair and the leaf
 * certificate and writes both as PEM. Kept apart so that BouncyCastle is loaded only when a
 * certificate has to be made, not at every start that finds one.
 */
final class SelfSignedBuilder {

    private static final Duration VALIDITY = Duration.ofDays(3650);

    /** A new certificate: its PEM, its key's PEM (PKCS#8) and its SHA-256 fingerprint for the log. */
    record Made(String certificatePem, String keyPem, String sha256) {
    }

    private SelfSignedBuilder() {
    }

    /** An ECDSA P-256 key pair and a leaf certificate for {@code hostname}. */
    static Made make(String hostname) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            X509Certificate certificate = sign(pair, hostname);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            // PKCS#8 carries the curve in its algorithm identifier, which every TLS stack reads.
            return new Made(pem(certificate), pem(new JcaPKCS8Generator(pair.getPrivate(), null)),
                    HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot make a self-signed certificate: " + e.getMessage(), e);
        }
    }

    /** A leaf certificate for {@code hostname} with the public key of {@code pair}, signed by its private key. */
    static X509Certificate build(KeyPair pair, String hostname) throws IOException {
        try {
            return sign(pair, hostname);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot make a self-signed certificate: " + e.getMessage(), e);
        }
    }

    private static X509Certificate sign(KeyPair pair, String hostname) throws GeneralSecurityException, OperatorCreationException, IOException {
        X500Name subject = new X500Name("CN=" + hostname.replaceAll("[,+=\"\\\\<>;]", "_"));
        Instant now = Instant.now();
        BigInteger serial = new BigInteger(64, new SecureRandom()).abs();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
        Set<String> dnsNames = new LinkedHashSet<>(List.of(hostname, "localhost"));
        GeneralName[] names = new GeneralName[dnsNames.size() + 1];
        int i = 0;
        for (String name : dnsNames) {
            names[i++] = new GeneralName(GeneralName.dNSName, name);
        }
        names[i] = new GeneralName(GeneralName.iPAddress, "127.0.0.1");
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        var signer = new JcaContentSignerBuilder(pair.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA").build(pair.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

}
