package org.tegami.tls;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.tegami.api.ConfigException;

/**
 * Reads a certificate chain and its private key from PEM files: the chain leaf first, the key
 * as PKCS#1 ({@code RSA PRIVATE KEY}), SEC 1 ({@code EC PRIVATE KEY}) or PKCS#8
 * ({@code PRIVATE KEY}). Certificate and key may share one file. Encrypted keys are refused:
 * the server starts unattended and could not ask for a passphrase.
 */
public final class PemKeyLoader {

    private PemKeyLoader() {
    }

    /**
     * Loads and checks a certificate with its key.
     *
     * @param certFile the PEM chain, leaf first
     * @param keyFile the PEM key; may be the same file as {@code certFile}
     * @throws ConfigException naming the file when a part is missing, unreadable or the key
     *     does not belong to the leaf certificate
     */
    public static CertifiedKey load(Path certFile, Path keyFile) throws ConfigException {
        List<X509Certificate> chain = new ArrayList<>();
        List<PrivateKey> keys = new ArrayList<>();
        read(certFile, chain, keys);
        if (!keyFile.equals(certFile)) {
            read(keyFile, new ArrayList<>(), keys);
        }
        if (chain.isEmpty()) {
            throw new ConfigException(certFile, 0, "no CERTIFICATE block found");
        }
        if (keys.size() != 1) {
            throw new ConfigException(keyFile, 0, keys.isEmpty() ? "no private key found" : "more than one private key");
        }
        PrivateKey key = keys.get(0);
        if (!matches(key, chain.get(0))) {
            throw new ConfigException(keyFile, 0, "the private key does not belong to the certificate in " + certFile);
        }
        return new CertifiedKey(key, chain);
    }

    private static void read(Path file, List<X509Certificate> chain, List<PrivateKey> keys) throws ConfigException {
        JcaX509CertificateConverter certs = new JcaX509CertificateConverter();
        JcaPEMKeyConverter keyConverter = new JcaPEMKeyConverter();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            Object item;
            while ((item = parser.readObject()) != null) {
                if (item instanceof X509CertificateHolder holder) {
                    chain.add(certs.getCertificate(holder));
                } else if (item instanceof PEMKeyPair pair) {
                    keys.add(keyConverter.getPrivateKey(pair.getPrivateKeyInfo()));
                } else if (item instanceof PrivateKeyInfo info) {
                    keys.add(keyConverter.getPrivateKey(info));
                } else {
                    throw new ConfigException(file, 0, "unsupported PEM block " + item.getClass().getSimpleName()
                            + " (encrypted keys are not supported)");
                }
            }
        } catch (IOException e) {
            throw new ConfigException(file, 0, "cannot read PEM: " + e.getMessage());
        } catch (CertificateException e) {
            throw new ConfigException(file, 0, "bad certificate: " + e.getMessage());
        }
    }

    /** Signs a probe with the key and verifies it with the certificate's public key. */
    private static boolean matches(PrivateKey key, X509Certificate cert) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null || !algorithm.startsWith("Ed") && !key.getAlgorithm().equals(cert.getPublicKey().getAlgorithm())) {
            return false;
        }
        try {
            byte[] probe = "tegami key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
