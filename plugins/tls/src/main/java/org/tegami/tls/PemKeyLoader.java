package org.tegami.tls;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    /** The JDK reads the usual files; BouncyCastle, loaded only then, reads the rest and words the errors. */
    private static void read(Path file, List<X509Certificate> chain, List<PrivateKey> keys) throws ConfigException {
        Optional<JdkPemReader.Content> content = JdkPemReader.read(file);
        if (content.isPresent()) {
            chain.addAll(content.get().chain());
            keys.addAll(content.get().keys());
        } else {
            BouncyCastlePem.read(file, chain, keys);
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
