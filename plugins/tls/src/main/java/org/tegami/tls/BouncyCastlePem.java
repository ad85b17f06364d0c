package org.tegami.tls;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.tegami.api.ConfigException;

/**
 * Reads any PEM file with BouncyCastle's parser: the files {@link JdkPemReader} leaves alone,
 * and it names the problem of a file that cannot be used (an encrypted key, a block of another
 * kind, a damaged block). Kept apart so that BouncyCastle is loaded only when such a file comes.
 */
final class BouncyCastlePem {

    private BouncyCastlePem() {
    }

    static void read(Path file, List<X509Certificate> chain, List<PrivateKey> keys) throws ConfigException {
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
}
