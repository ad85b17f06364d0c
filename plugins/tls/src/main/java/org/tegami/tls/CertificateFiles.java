package org.tegami.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.tegami.api.ConfigException;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * One loaded generation of certificate files with the context built from them, and the files'
 * modification stamps to notice a renewal. A renewal that does not load (half-copied files, a
 * key that does not match yet) is logged and the previous generation stays in use until the
 * files change again. Thread-safe: immutable apart from the time of the last look.
 */
final class CertificateFiles {

    private static final TaggedLogger LOG = Logger.tag("tls");

    private final List<Path[]> pairs;
    private final Duration checkInterval;
    private final List<CertifiedKey> certificates;
    private final SSLContext context;
    private final List<String> stamps;
    private final AtomicLong lastCheck = new AtomicLong(System.nanoTime());
    private volatile List<String> failedStamps = List.of();

    private CertificateFiles(List<Path[]> pairs, Duration checkInterval, List<CertifiedKey> certificates,
            SSLContext context, List<String> stamps) {
        this.pairs = List.copyOf(pairs);
        this.checkInterval = checkInterval;
        this.certificates = List.copyOf(certificates);
        this.context = context;
        this.stamps = stamps;
    }

    static CertificateFiles load(List<Path[]> pairs, Duration checkInterval) throws ConfigException, GeneralSecurityException {
        List<String> stamps = stamps(pairs);
        List<CertifiedKey> certificates = new ArrayList<>();
        for (Path[] pair : pairs) {
            certificates.add(PemKeyLoader.load(pair[0], pair[1]));
        }
        return new CertificateFiles(pairs, checkInterval, certificates, SslContextFactory.create(certificates), stamps);
    }

    SSLContext context() {
        return context;
    }

    List<CertifiedKey> certificates() {
        return certificates;
    }

    /** This generation, or a new one when the files changed since it was loaded and load cleanly. */
    CertificateFiles reloadIfChanged() {
        long now = System.nanoTime();
        long last = lastCheck.get();
        if (now - last < checkInterval.toNanos() || !lastCheck.compareAndSet(last, now)) {
            return this;
        }
        return reloadNowIfChanged();
    }

    /** As {@link #reloadIfChanged()} but looks at the files now, whatever the interval ({@code tegami reload}). */
    CertificateFiles reloadNowIfChanged() {
        lastCheck.set(System.nanoTime());
        List<String> current = stamps(pairs);
        if (current.equals(stamps) || current.equals(failedStamps)) {
            return this;
        }
        try {
            CertificateFiles next = load(pairs, checkInterval);
            for (CertifiedKey entry : next.certificates) {
                LOG.info("Reloaded TLS certificate for {} valid until {}", entry.dnsNames(), entry.leaf().getNotAfter().toInstant());
            }
            return next;
        } catch (ConfigException | GeneralSecurityException e) {
            failedStamps = current;
            LOG.warn("Changed TLS certificate files not loaded, keeping the previous ones: {}", e.getMessage());
            return this;
        }
    }

    private static List<String> stamps(List<Path[]> pairs) {
        List<String> stamps = new ArrayList<>();
        for (Path[] pair : pairs) {
            for (Path file : pair) {
                try {
                    stamps.add(file + "@" + Files.getLastModifiedTime(file).toMillis() + "/" + Files.size(file));
                } catch (IOException e) {
                    stamps.add(file + "@missing");
                }
            }
        }
        return stamps;
    }
}
