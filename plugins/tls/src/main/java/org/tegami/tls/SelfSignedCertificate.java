package org.tegami.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
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
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * Makes the server's certificate when none is configured: an ECDSA P-256 leaf certificate (not
 * a CA) for the hostname, with subject alternative names for the hostname, {@code localhost}
 * and {@code 127.0.0.1}, so mail clients that pin a self-signed certificate accept it. Written
 * once (key file readable by the owner only) and reused at later starts.
 */
public final class SelfSignedCertificate {

    /** File names under the TLS folder. */
    public static final String CERT_FILE = "selfsigned.crt";
    public static final String KEY_FILE = "selfsigned.key";

    private static final TaggedLogger LOG = Logger.tag("tls");
    private static final Duration VALIDITY = Duration.ofDays(3650);

    private SelfSignedCertificate() {
    }

    /**
     * Returns the certificate and key files in {@code folder}, creating them first when absent.
     *
     * @return {@code [certFile, keyFile]}
     */
    public static List<Path> ensure(Path folder, String hostname) throws IOException {
        Path cert = folder.resolve(CERT_FILE);
        Path key = folder.resolve(KEY_FILE);
        if (Files.exists(cert) && Files.exists(key)) {
            return List.of(cert, key);
        }
        Files.createDirectories(folder);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            X509Certificate certificate = build(pair, hostname);
            // PKCS#8 carries the curve in its algorithm identifier, which every TLS stack reads.
            writeAtomically(key, pem(new JcaPKCS8Generator(pair.getPrivate(), null)), true);
            writeAtomically(cert, pem(certificate), false);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            LOG.info("No TLS certificate configured: made a self-signed one for {} in {} (SHA-256 {})",
                    hostname, cert, HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot make a self-signed certificate: " + e.getMessage(), e);
        }
        return List.of(cert, key);
    }

    static X509Certificate build(KeyPair pair, String hostname) throws GeneralSecurityException, OperatorCreationException, IOException {
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

    /** Write to a temporary file, fsync, rename: a crash never leaves half a key. */
    private static void writeAtomically(Path target, String content, boolean secret) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp);
        if (secret && Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        }
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
