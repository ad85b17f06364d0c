package org.tegami.smtp.spf;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An in-memory {@link SpfDns} for tests: records by name, names that fail with
 * {@link SpfDns.DnsFailure}, and a log of every query made ("TXT name", "A name", "AAAA name",
 * "MX name", "PTR address").
 */
final class FakeDns implements SpfDns {

    private final Map<String, List<String>> txt = new HashMap<>();
    private final Map<String, List<InetAddress>> a = new HashMap<>();
    private final Map<String, List<InetAddress>> aaaa = new HashMap<>();
    private final Map<String, List<String>> mx = new HashMap<>();
    private final Map<String, List<String>> ptr = new HashMap<>();
    private final Set<String> failing = new HashSet<>();
    final List<String> queries = new ArrayList<>();

    FakeDns txt(String name, String... records) {
        txt.computeIfAbsent(key(name), k -> new ArrayList<>()).addAll(List.of(records));
        return this;
    }

    FakeDns a(String name, String... addresses) {
        a.computeIfAbsent(key(name), k -> new ArrayList<>()).addAll(literals(addresses));
        return this;
    }

    FakeDns aaaa(String name, String... addresses) {
        aaaa.computeIfAbsent(key(name), k -> new ArrayList<>()).addAll(literals(addresses));
        return this;
    }

    FakeDns mx(String name, String... hosts) {
        mx.computeIfAbsent(key(name), k -> new ArrayList<>()).addAll(List.of(hosts));
        return this;
    }

    FakeDns ptr(String address, String... names) {
        ptr.computeIfAbsent(literal(address).getHostAddress(), k -> new ArrayList<>()).addAll(List.of(names));
        return this;
    }

    /** Every query for this name (or address, for PTR) fails as if timed out. */
    FakeDns fail(String nameOrAddress) {
        failing.add(key(nameOrAddress));
        return this;
    }

    /** Checks with this DNS, HELO "helo.example.org", receiver "mx.example.net", a fixed clock. */
    SpfVerdict check(String client, String mailFrom) {
        return new SpfChecker(this, Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC))
                .check(literal(client), mailFrom, "helo.example.org", "mx.example.net");
    }

    int count(String prefix) {
        return (int) queries.stream().filter(q -> q.startsWith(prefix)).count();
    }

    @Override
    public List<String> txt(String name) throws DnsFailure {
        return answer("TXT", name, txt);
    }

    @Override
    public List<InetAddress> addresses(String name, boolean ipv6) throws DnsFailure {
        return answer(ipv6 ? "AAAA" : "A", name, ipv6 ? aaaa : a);
    }

    @Override
    public List<String> mx(String name) throws DnsFailure {
        return answer("MX", name, mx);
    }

    @Override
    public List<String> ptr(InetAddress address) throws DnsFailure {
        return answer("PTR", address.getHostAddress(), ptr);
    }

    private <T> List<T> answer(String type, String name, Map<String, List<T>> records) throws DnsFailure {
        queries.add(type + " " + name);
        if (failing.contains(key(name))) {
            throw new DnsFailure("timed out");
        }
        return List.copyOf(records.getOrDefault(key(name), List.of()));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static List<InetAddress> literals(String... addresses) {
        List<InetAddress> out = new ArrayList<>();
        for (String s : addresses) {
            out.add(literal(s));
        }
        return out;
    }

    /** An address literal (never a name lookup: the tests give only literals). */
    static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
