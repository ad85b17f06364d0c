package org.tegami.smtp.dkim;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tegami.api.ConfigException;
import org.tegami.api.Envelope;
import org.tegami.api.OutboundMessage;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * Signs relayed messages written by this server's users with the key of their From domain: reads the message once from the
 * spool to hash its body, then hands on a message whose content is the new
 * {@code DKIM-Signature} field followed by the original bytes, read again from the spool.
 * Earlier signatures, even of the same domain, stay below the new one. Thread-safe; the keys
 * can be re-read while messages are signed.
 */
public final class OutboundSigner {

    private static final TaggedLogger LOG = Logger.tag("dkim");

    private final Path folder;
    private final Clock clock;
    private volatile Map<String, DkimKey> keys = Map.of();

    /**
     * @param folder the keys folder ({@link DkimKeyFolder})
     * @param clock gives {@code t=}
     */
    public OutboundSigner(Path folder, Clock clock) {
        this.folder = folder;
        this.clock = clock;
    }

    /** Reads the keys folder, for the start. */
    public void load() throws ConfigException {
        keys = DkimKeyFolder.read(folder);
        LOG.info("DKIM: {}", describe());
    }

    /** Reads the keys folder again; a bad file is logged and the keys read before stay. */
    public void reload() {
        try {
            Map<String, DkimKey> fresh = DkimKeyFolder.read(folder);
            if (!fresh.equals(keys)) {
                keys = fresh;
                LOG.info("DKIM keys re-read: {}", describe());
            }
        } catch (ConfigException e) {
            LOG.error("DKIM keys not re-read, the old ones stay: {}", e.getMessage());
        }
    }

    /**
     * Whether a message was written by a user of this server: handed over by a logged-in SMTP
     * client, or locally (sendmail, and the server's own notices). Mail that arrived from
     * elsewhere and is only passed on (an alias that forwards) is not signed, even when its From
     * names one of our domains: a signature would vouch for a forgery (DMARC would pass).
     */
    static boolean writtenHere(Envelope.Origin origin) {
        return origin.authenticatedUser() != null || "local".equals(origin.protocol());
    }

    /** The domains that sign. */
    public Set<String> domains() {
        return keys.keySet();
    }

    /** The key that signs for a domain, if any. */
    public Optional<DkimKey> keyFor(String domain) {
        return Optional.ofNullable(keys.get(domain));
    }

    /**
     * The message as it should go out: signed when it was written here (see
     * {@link #writtenHere}) and its From domain has a key, else as given.
     *
     * @throws IOException if the spool file cannot be read
     */
    public OutboundMessage sign(OutboundMessage message) throws IOException {
        Map<String, DkimKey> current = keys;
        if (current.isEmpty() || !writtenHere(message.envelope().origin())) {
            return message;
        }
        Optional<MessageScan> scan;
        try (InputStream in = message.content().open()) {
            // The body is hashed only when the From domain has a key.
            scan = MessageScan.read(in, fields -> FromDomain.of(fields).map(current::get).isPresent());
        }
        if (scan.isEmpty()) {
            return message;
        }
        List<HeaderField> fields = scan.get().fields();
        Optional<DkimKey> key = FromDomain.of(fields).map(current::get);
        if (key.isEmpty()) {
            return message;
        }
        byte[] field;
        try {
            List<String> names = DkimSigner.fieldsToSign(fields);
            long now = clock.instant().getEpochSecond();
            field = DkimSigner.sign(key.get(), DkimSigner.tags(key.get(), now, names, scan.get().bodyHash()), names, fields)
                    .getBytes(StandardCharsets.ISO_8859_1);
        } catch (GeneralSecurityException e) {
            LOG.error("{}: cannot sign for {}: {}", message.queueId(), key.get().domain(), e.getMessage());
            return message;
        }
        LOG.debug("{}: signed for {} with selector {}", message.queueId(), key.get().domain(), key.get().selector());
        OutboundMessage.Content original = message.content();
        OutboundMessage.Content signed = () -> new SequenceInputStream(new ByteArrayInputStream(field), original.open());
        return new OutboundMessage(message.queueId(), message.envelope(), message.recipients(), message.nextHop(),
                message.requireTls(), signed, message.size() + field.length);
    }

    private String describe() {
        if (keys.isEmpty()) {
            return "no keys in " + folder + ", relayed mail is not signed";
        }
        StringBuilder s = new StringBuilder("signing for");
        keys.values().forEach(k -> s.append(' ').append(k.domain()).append(" (").append(k.selector()).append(')'));
        return s.toString();
    }
}
