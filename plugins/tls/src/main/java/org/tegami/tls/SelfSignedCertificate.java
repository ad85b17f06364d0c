package org.tegami.tls;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
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
        SelfSignedBuilder.Made made = SelfSignedBuilder.make(hostname);
        writeAtomically(key, made.keyPem(), true);
        writeAtomically(cert, made.certificatePem(), false);
        LOG.info("No TLS certificate configured: made a self-signed one for {} in {} (SHA-256 {})",
                hostname, cert, made.sha256());
        return List.of(cert, key);
    }

    /** A self-signed leaf certificate for {@code hostname} with the public key of {@code pair} (tests make theirs so). */
    static X509Certificate build(KeyPair pair, String hostname) throws IOException {
        return SelfSignedBuilder.build(pair, hostname);
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
