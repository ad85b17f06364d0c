package org.tegami.smtp.spf;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The mechanisms that compare the client with hosts found in DNS: a (RFC 7208 5.3), mx (5.4),
 * ptr (5.5) and exists (5.7), plus the validated client name for the {@code %{p}} macro.
 */
final class HostMatcher {

    private final Lookups lookups;
    private final InetAddress clientAddress;
    private final byte[] client;

    HostMatcher(Lookups lookups, InetAddress clientAddress) {
        this.lookups = lookups;
        this.client = IpBytes.of(clientAddress);
        this.clientAddress = plain(clientAddress, client);
    }

    /** The PTR query of an IPv4-mapped client goes to in-addr.arpa. */
    private static InetAddress plain(InetAddress address, byte[] bytes) {
        try {
            return bytes.length == address.getAddress().length ? address : InetAddress.getByAddress(bytes);
        } catch (java.net.UnknownHostException e) {
            return address; // cannot happen: 4 bytes are a valid IPv4 address
        }
    }

    private boolean ipv6() {
        return client.length == 16;
    }

    /** 5.3: an A (IPv4 client) or AAAA (IPv6 client) record of the target within the cidr. */
    boolean a(String target, Directive d) throws SpfException {
        return anyWithin(lookups.countVoid(lookups.addresses(target, ipv6())), d);
    }

    /** 5.4: an address of one of the target's MX hosts within the cidr; more than 10 is PERMERROR. */
    boolean mx(String target, Directive d) throws SpfException {
        List<String> names = lookups.countVoid(lookups.mx(target));
        if (names.size() > Lookups.MAX_NAMES) {
            throw SpfException.permerror("more than " + Lookups.MAX_NAMES + " MX names for " + target);
        }
        for (String name : names) {
            String host = DomainNames.stripDot(name);
            if (!host.isEmpty() && anyWithin(lookups.addresses(host, ipv6()), d)) {
                return true;
            }
        }
        return false;
    }

    /** 5.7: any A record of the target matches, whatever the client's address family. */
    boolean exists(String target) throws SpfException {
        return !lookups.countVoid(lookups.addresses(target, false)).isEmpty();
    }

    /** 5.5: a validated name of the client that is the target or within it. */
    boolean ptr(String target) throws SpfException {
        List<String> names = lookups.ptrOrNull(clientAddress);
        if (names == null) {
            return false;
        }
        for (String name : firstNames(lookups.countVoid(names))) {
            if (DomainNames.isWithin(name, target) && validates(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * 7.3 {@code %{p}}: a validated name of the client, preferring {@code domain} itself, then a
     * subdomain of it, then any; "unknown" when none validates or DNS fails.
     */
    String validatedName(String domain) {
        List<String> names = lookups.ptrOrNull(clientAddress);
        if (names == null) {
            return "unknown";
        }
        List<String> valid = new ArrayList<>();
        for (String name : firstNames(names)) {
            if (validates(name)) {
                valid.add(DomainNames.stripDot(name));
            }
        }
        return valid.stream().filter(n -> n.equalsIgnoreCase(domain)).findFirst()
                .or(() -> valid.stream().filter(n -> DomainNames.isWithin(n, domain)).findFirst())
                .or(() -> valid.stream().findFirst())
                .orElse("unknown");
    }

    /** 4.6.4: only the first 10 PTR names are looked at. */
    private static List<String> firstNames(List<String> names) {
        return names.size() > Lookups.MAX_NAMES ? names.subList(0, Lookups.MAX_NAMES) : names;
    }

    /** 5.5: the name's forward addresses include the client; a DNS error skips the name. */
    private boolean validates(String name) {
        String host = DomainNames.stripDot(name);
        if (host.isEmpty()) {
            return false;
        }
        List<InetAddress> addresses = lookups.addressesOrNull(host, ipv6());
        return addresses != null && addresses.stream().anyMatch(a -> IpBytes.inPrefix(IpBytes.of(a), client, client.length * 8));
    }

    private boolean anyWithin(List<InetAddress> addresses, Directive d) {
        int bits = ipv6() ? d.cidr6() : d.cidr4();
        return addresses.stream().anyMatch(a -> IpBytes.inPrefix(client, IpBytes.of(a), bits));
    }
}
