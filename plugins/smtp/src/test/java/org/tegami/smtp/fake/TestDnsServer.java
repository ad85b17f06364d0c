package org.tegami.smtp.fake;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A tiny authoritative DNS server for tests: UDP on 127.0.0.1, port 0, answers built with
 * dnsjava's {@link Message}. Names with records answer them (or NODATA for other types); unknown
 * names get NXDOMAIN; names marked with {@link #failWith} get SERVFAIL. Counts the queries.
 */
public final class TestDnsServer implements AutoCloseable {

    private final DatagramSocket socket;
    private final Map<Name, List<Record>> zone = new ConcurrentHashMap<>();
    private final Set<Name> servfail = ConcurrentHashMap.newKeySet();
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final AtomicInteger answered = new AtomicInteger();
    private final Thread thread;

    public TestDnsServer() throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(this::serve, "test-dns");
        thread.setDaemon(true);
        thread.start();
    }

    /** {@code 127.0.0.1:port}, the value for {@code smtp.relay.dns-resolver}. */
    public String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    public TestDnsServer mx(String domain, int preference, String host, long ttl) {
        return add(new MXRecord(name(domain), DClass.IN, ttl, preference, name(host)));
    }

    public TestDnsServer mx(String domain, int preference, String host) {
        return mx(domain, preference, host, 300);
    }

    /** RFC 7505: one MX record of preference 0 pointing at the root. */
    public TestDnsServer nullMx(String domain) {
        return add(new MXRecord(name(domain), DClass.IN, 300, 0, Name.root));
    }

    public TestDnsServer a(String host, String ip) {
        return a(host, ip, 300);
    }

    public TestDnsServer a(String host, String ip, long ttl) {
        return add(new ARecord(name(host), DClass.IN, ttl, address(ip)));
    }

    public TestDnsServer aaaa(String host, String ip) {
        return add(new AAAARecord(name(host), DClass.IN, 300, address(ip)));
    }

    /** Answers SERVFAIL for this name. */
    public TestDnsServer failWith(String host) {
        servfail.add(name(host));
        return this;
    }

    /** One TXT record of one string (SPF records, DKIM keys). */
    public TestDnsServer txt(String name, String text) {
        return add(new TXTRecord(name(name), DClass.IN, 300, text));
    }

    /** A PTR record for an address's reverse name. */
    public TestDnsServer ptr(String ip, String host) {
        return add(new PTRRecord(ReverseMap.fromAddress(address(ip)), DClass.IN, 300, name(host)));
    }

    private TestDnsServer add(Record r) {
        zone.computeIfAbsent(r.getName(), n -> new CopyOnWriteArrayList<>()).add(r);
        return this;
    }

    /** Queries received, as {@code name TYPE}. */
    public List<String> queries() {
        return List.copyOf(queries);
    }

    public int queryCount(String name, int type) {
        String key = name(name) + " " + Type.string(type);
        return (int) queries.stream().filter(key::equals).count();
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                byte[] answer = answer(query).toWire(512);
                socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
                answered.incrementAndGet();
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private Message answer(Message query) {
        Record question = query.getQuestion();
        queries.add(question.getName() + " " + Type.string(question.getType()));
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        response.addRecord(question, Section.QUESTION);
        Name name = question.getName();
        if (servfail.contains(name)) {
            response.getHeader().setRcode(Rcode.SERVFAIL);
            return response;
        }
        List<Record> records = zone.get(name);
        if (records == null) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
            response.addRecord(soa(name), Section.AUTHORITY);
            return response;
        }
        List<Record> matching = new ArrayList<>();
        for (Record r : records) {
            if (r.getType() == question.getType()) {
                matching.add(r);
            }
        }
        if (matching.isEmpty()) {
            response.addRecord(soa(name), Section.AUTHORITY);
        }
        matching.forEach(r -> response.addRecord(r, Section.ANSWER));
        return response;
    }

    private static SOARecord soa(Name name) {
        return new SOARecord(name, DClass.IN, 60, name("ns.test"), name("hostmaster.test"), 1, 3600, 600, 86400, 60);
    }

    public static Name name(String s) {
        try {
            return Name.fromString(s.endsWith(".") ? s : s + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static InetAddress address(String ip) {
        try {
            return InetAddress.getByName(ip);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
