package org.tegami.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.pf4j.Extension;
import org.tegami.api.ConfigException;
import org.tegami.api.ServerContext;
import org.tegami.api.Settings;
import org.tegami.api.TlsProvider;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * The server's TLS provider. Settings (prefix {@code tls.}):
 * <ul>
 * <li>{@code cert}, {@code key}: the default certificate chain and key (PEM; the key may sit
 * in the certificate file). When {@code cert} is absent a self-signed certificate is made at
 * first start under {@code <conf>/tls/}.</li>
 * <li>{@code sni.1.cert}, {@code sni.1.key}, {@code sni.2.cert} ...: more certificates, served
 * to clients whose SNI name they cover.</li>
 * <li>{@code reload-check} (default {@code 10s}): how often a handshake may look at the files'
 * modification times; changed files are loaded for the next handshakes, without restart.</li>
 * </ul>
 * Thread-safe: {@link #serverContext()} is called for every handshake.
 */
@Extension
public class TlsService implements TlsProvider {

    private static final TaggedLogger LOG = Logger.tag("tls");

    private final List<Path[]> configured = new ArrayList<>();
    private Duration reloadCheck = Duration.ofSeconds(10);
    private volatile CertificateFiles files;

    @Override
    public void configure(Settings settings) throws ConfigException {
        configured.clear();
        Path cert = settings.path("cert", null);
        Path key = settings.path("key", cert);
        if (key != null && cert == null) {
            throw new ConfigException("tls.key is set but tls.cert is not");
        }
        if (cert != null) {
            configured.add(new Path[] {cert, key});
        }
        for (int i = 1; settings.get("sni." + i + ".cert").isPresent(); i++) {
            Path sniCert = settings.path("sni." + i + ".cert", null);
            configured.add(new Path[] {sniCert, settings.path("sni." + i + ".key", sniCert)});
        }
        if (cert == null && !configured.isEmpty()) {
            throw new ConfigException("tls.sni.* needs a default certificate in tls.cert");
        }
        reloadCheck = settings.duration("reload-check", reloadCheck);
        for (Path[] pair : configured) {
            PemKeyLoader.load(pair[0], pair[1]);
        }
    }

    @Override
    public void start(ServerContext context) throws IOException, ConfigException, GeneralSecurityException {
        List<Path[]> pairs = new ArrayList<>(configured);
        if (pairs.isEmpty()) {
            List<Path> made = SelfSignedCertificate.ensure(context.configDirectory().resolve("tls"), context.hostname());
            pairs.add(new Path[] {made.get(0), made.get(1)});
        }
        start(pairs);
    }

    /** Starts from explicit certificate and key files, without a server context (tests, tools). */
    public void start(List<Path[]> pairs) throws ConfigException, GeneralSecurityException {
        files = CertificateFiles.load(pairs, reloadCheck);
        for (CertifiedKey entry : files.certificates()) {
            LOG.info("TLS certificate for {} valid until {}", entry.dnsNames(), entry.leaf().getNotAfter().toInstant());
        }
    }

    @Override
    public SSLContext serverContext() {
        CertificateFiles current = files;
        if (current == null) {
            throw new IllegalStateException("TLS provider not started");
        }
        CertificateFiles next = current.reloadIfChanged();
        if (next != current) {
            files = next;
        }
        return next.context();
    }

    /** Looks at the certificate files now ({@code tegami reload}) instead of at the next check. */
    @Override
    public synchronized void refresh() {
        CertificateFiles current = files;
        if (current != null) {
            files = current.reloadNowIfChanged();
        }
    }

    @Override
    public String[] enabledProtocols() {
        return SslContextFactory.PROTOCOLS.toArray(String[]::new);
    }
}
