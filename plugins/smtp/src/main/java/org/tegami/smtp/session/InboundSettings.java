package org.tegami.smtp.session;

import java.util.ArrayList;
import java.util.List;
import org.tegami.api.ConfigException;
import org.tegami.api.Settings;
import org.tegami.smtp.spf.AddressBlock;
import org.tegami.smtp.spf.SpfMode;

/**
 * The settings of the checks of mail from other servers (keys with the {@code smtp.} prefix).
 *
 * @param exempt {@code check-exempt}: clients (CIDR blocks) not checked at all; by default this
 *     machine, whose programs hand mail over without being anyone's SPF-listed server
 * @param spf {@code spf}: {@code off}, {@code record} or {@code reject-fail} (the default)
 * @param dnsbl {@code dnsbl}: blocklist zones whose listed clients are refused; none by default
 */
public record InboundSettings(List<AddressBlock> exempt, SpfMode spf, List<String> dnsbl) {

    private static final List<String> LOOPBACK = List.of("127.0.0.0/8", "::1");

    public InboundSettings {
        exempt = List.copyOf(exempt);
        dnsbl = List.copyOf(dnsbl);
    }

    /** The built-in defaults. */
    public static InboundSettings defaults() {
        return new InboundSettings(LOOPBACK.stream().map(AddressBlock::parse).toList(), SpfMode.REJECT_FAIL, List.of());
    }

    /** Reads {@code check-exempt}, {@code spf} and {@code dnsbl}. */
    public static InboundSettings read(Settings settings) throws ConfigException {
        List<AddressBlock> exempt = new ArrayList<>();
        for (String block : settings.list("check-exempt", LOOPBACK)) {
            try {
                exempt.add(AddressBlock.parse(block));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("smtp.check-exempt: " + e.getMessage());
            }
        }
        SpfMode spf = SpfMode.of(settings.string("spf", SpfMode.REJECT_FAIL.key()));
        List<String> zones = settings.list("dnsbl", List.of());
        for (String zone : zones) {
            if (!zone.matches("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)+\\.?")) {
                throw new ConfigException("smtp.dnsbl: not a DNS zone: '" + zone + "'");
            }
        }
        return new InboundSettings(exempt, spf, zones);
    }
}
