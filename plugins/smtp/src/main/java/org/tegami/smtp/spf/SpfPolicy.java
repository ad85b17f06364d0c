package org.tegami.smtp.spf;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.tegami.api.ConfigException;
import org.tegami.api.Settings;

/**
 * What the SMTP server does with SPF (keys with the {@code smtp.} prefix).
 *
 * @param mode {@code spf}: {@code off}, {@code record} (an {@code Authentication-Results}
 *     header only) or {@code reject-fail} (the default: also refuse MAIL FROM when the result is
 *     {@code fail}, as Postfix's SPF policy service does by default)
 * @param exempt {@code spf-exempt}: clients not checked; by default this machine, whose
 *     programs hand mail over without being anyone's SPF-listed server
 */
public record SpfPolicy(Mode mode, List<AddressBlock> exempt) {

    /** How far the check goes. */
    public enum Mode {
        OFF("off"), RECORD("record"), REJECT_FAIL("reject-fail");

        private final String key;

        Mode(String key) {
            this.key = key;
        }

        static Mode of(String value) throws ConfigException {
            for (Mode m : values()) {
                if (m.key.equalsIgnoreCase(value.strip())) {
                    return m;
                }
            }
            throw new ConfigException("smtp.spf: must be off, record or reject-fail, not '" + value + "'");
        }
    }

    private static final List<String> LOOPBACK = List.of("127.0.0.0/8", "::1");

    public SpfPolicy {
        exempt = List.copyOf(exempt);
    }

    /** The built-in defaults: check and refuse {@code fail}, except for loopback clients. */
    public static SpfPolicy defaults() {
        return new SpfPolicy(Mode.REJECT_FAIL, LOOPBACK.stream().map(AddressBlock::parse).toList());
    }

    /** Reads {@code spf} and {@code spf-exempt}. */
    public static SpfPolicy read(Settings settings) throws ConfigException {
        Mode mode = Mode.of(settings.string("spf", Mode.REJECT_FAIL.key));
        List<AddressBlock> exempt = new ArrayList<>();
        for (String block : settings.list("spf-exempt", LOOPBACK)) {
            try {
                exempt.add(AddressBlock.parse(block));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("smtp.spf-exempt: " + e.getMessage());
            }
        }
        return new SpfPolicy(mode, exempt);
    }

    /** Whether mail from this client gets checked at all. */
    public boolean checks(InetAddress client) {
        return mode != Mode.OFF && client != null && exempt.stream().noneMatch(b -> b.contains(client));
    }
}
