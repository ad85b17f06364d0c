"""SPF checked two ways on the same DNS: Tegami over SMTP and pyspf, the reference implementation.

usage: spfdiff.py SMTP_PORT DNS_PORT MAILDIR AUTHSERV_ID [CASES [SEED]]

Generates SPF scenarios (records made of random mechanisms, qualifiers, prefixes, macros,
includes, redirects, broken syntax, lookup chains and DNS failures), serves them from a DNS
server of its own on 127.0.0.1:DNS_PORT (the server under test must use it as dns.resolver,
check clients from loopback, and only record results: smtp.spf = record), sends one message
per scenario from 127.0.0.1 to the server's SMTP port, reads the spf= result of the server's
Authentication-Results header from the Maildir, and compares it with what pyspf says for the
same client, sender and HELO name against the same DNS server. Prints every difference and
exits 1 if there is one.
"""
import os
import random
import re
import smtplib
import socket
import sys
import threading
import time

import dns.message
import dns.name
import dns.rcode
import dns.rdataclass
import dns.rdatatype
import dns.resolver
import dns.rrset
import spf

CLIENT = "127.0.0.1"


class Zone:
    """Records by (lower-case name, type); names in servfail answer SERVFAIL."""

    def __init__(self):
        self.records = {}
        self.servfail = set()

    def add(self, name, rtype, text):
        self.records.setdefault((name.lower().rstrip("."), rtype), []).append(text)

    def answer(self, query):
        response = dns.message.make_response(query)
        question = query.question[0]
        name = question.name.to_text(omit_final_dot=True).lower()
        rtype = dns.rdatatype.to_text(question.rdtype)
        if name in self.servfail:
            response.set_rcode(dns.rcode.SERVFAIL)
            return response
        if not any(key[0] == name for key in self.records):
            response.set_rcode(dns.rcode.NXDOMAIN)
            return response
        texts = self.records.get((name, rtype), [])
        if texts:
            response.answer.append(dns.rrset.from_text_list(question.name, 300, "IN", rtype, texts))
        return response


def serve(zone, sock):
    while True:
        try:
            data, peer = sock.recvfrom(4096)
            reply = zone.answer(dns.message.from_wire(data)).to_wire(max_size=65535)
            sock.sendto(reply, peer)
        except OSError:
            return
        except Exception as e:  # a query we cannot parse: no answer, as a real server might
            print("dns server: " + repr(e), file=sys.stderr)


def txt(text):
    """TXT presentation form: strings of at most 255 octets, quoted."""
    parts = [text[i:i + 200] for i in range(0, len(text), 200)] or [""]
    return " ".join('"' + p.replace("\\", "\\\\").replace('"', '\\"') + '"' for p in parts)


def raw(presentation):
    """The text of a TXT record in presentation form: its strings joined."""
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', presentation)
    return "".join(re.sub(r"\\(.)", r"\1", p) for p in parts)


def scenarios(zone, count, rnd, run):
    """Yields (sender, helo) and fills the zone: one domain per case, new names in every run
    (the server caches answers within their TTL)."""
    # Shared names: the client's reverse name points at a host that points back.
    zone.add("1.0.0.127.in-addr.arpa", "PTR", "mail.ptr.test.")
    zone.add("mail.ptr.test", "A", CLIENT)
    zone.add("other.ptr.test", "A", "192.0.2.7")
    for n in range(count):
        d = "case-%d.%s.test" % (n, run)
        hosts = {
            "in." + d: CLIENT, "out." + d: "192.0.2.10", "net." + d: "127.9.9.9",
        }
        for h, ip in hosts.items():
            zone.add(h, "A", ip)
        zone.add("six." + d, "AAAA", "2001:db8::1")
        zone.add(d, "MX", "10 in." + d + ".")
        zone.add("mx-out." + d, "MX", "10 out." + d + ".")
        zone.add("mx-out." + d, "MX", "20 net." + d + ".")
        zone.add("inc-pass." + d, "TXT", txt("v=spf1 ip4:127.0.0.0/8 -all"))
        zone.add("inc-fail." + d, "TXT", txt("v=spf1 -all"))
        zone.add("inc-soft." + d, "TXT", txt("v=spf1 ~all"))
        zone.add("inc-broken." + d, "TXT", txt("v=spf1 ipv4:1.2.3.4 -all"))
        zone.servfail.add("inc-down." + d)
        zone.add("127.0.0.1.ex." + d, "A", "127.0.0.2")
        zone.add("u.ex." + d, "A", "127.0.0.2")
        zone.add("red." + d, "TXT", txt("v=spf1 a:in.%s -all" % d))
        zone.add("why." + d, "TXT", txt("%{i} may not send for %{d}"))
        # A chain of includes, each costing a lookup.
        depth = rnd.randint(7, 12)
        for k in range(depth):
            nxt = "include:chain%d.%s " % (k + 1, d) if k + 1 < depth else ""
            zone.add("chain%d.%s" % (k, d), "TXT", txt("v=spf1 %s?all" % nxt))
        zone.add("chain%d.%s" % (depth, d), "TXT", txt("v=spf1 ?all"))
        terms = [term(rnd, d) for _ in range(rnd.randint(0, 5))]
        if rnd.random() < 0.6:
            terms.append(rnd.choice(["-all", "~all", "?all", "+all", "all"]))
        elif rnd.random() < 0.5:
            terms.append("redirect=" + rnd.choice(["red." + d, "inc-fail." + d, "nothing." + d, "inc-down." + d]))
        if rnd.random() < 0.2:
            terms.append("exp=why." + d)
        kind = rnd.random()
        if kind < 0.05:
            zone.add(d, "TXT", txt("v=spf1 -all"))  # two records
        if kind < 0.08:
            record = "v=spf10 " + " ".join(terms)  # not a record at all
        elif kind < 0.12:
            record = "spam=1"  # another TXT record only
        else:
            record = " ".join(["v=spf1"] + terms)
        zone.add(d, "TXT", txt(record))
        sender = rnd.choice(["user", "postmaster", "first.last", "u"]) + "@" + d
        if rnd.random() < 0.08:
            sender = ""  # the null sender: postmaster@helo is checked
        yield sender, "helo." + d if sender else d


def term(rnd, d):
    q = rnd.choice(["", "", "", "+", "-", "~", "?"])
    m = rnd.choice([
        "ip4:127.0.0.1", "ip4:127.0.0.0/8", "ip4:127.0.0.0/31", "ip4:10.0.0.0/8", "ip4:192.0.2.0/24",
        "ip6:::1", "ip6:2001:db8::/32", "ip6:::ffff:127.0.0.1", "a", "a/8", "a:in." + d, "a:out." + d,
        "a:out.%s/8" % d, "a:net.%s/16" % d, "a:six." + d, "a:none." + d, "mx", "mx/24", "mx:mx-out." + d,
        "mx:mx-out.%s/8" % d, "mx:none." + d, "ptr", "ptr:ptr.test", "ptr:other.test", "exists:%{i}.ex." + d,
        "exists:%{l1r}.ex." + d, "exists:none.ex." + d, "include:inc-pass." + d, "include:inc-fail." + d,
        "include:inc-soft." + d, "include:inc-broken." + d, "include:inc-down." + d, "include:none." + d,
        "include:chain0." + d, "a:%{d}", "a:in.%{d2}", "exists:%{ir}.%{v}._spf.%{d}", "a:%{h}",
        "ip4:300.0.0.1", "ip4:127.0.0.1/33", "a:in.%s//129" % d, "mx:%{x}.test", "foo:bar", "unknown=mod",
        "ip6:::1/129", "a:in.%s/24//64" % d,
    ])
    return q + m


def pyspf_result(sender, helo, receiver):
    result, _ = spf.check2(i=CLIENT, s=sender, h=helo, receiver=receiver, querytime=20)
    return result


def main():
    smtp_port, dns_port, maildir, authserv = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
    count = int(sys.argv[5]) if len(sys.argv) > 5 else 200
    seed = int(sys.argv[6]) if len(sys.argv) > 6 else int(time.time())
    rnd = random.Random(seed)
    zone = Zone()
    run = "r%d-%d" % (seed, os.getpid())
    cases = list(scenarios(zone, count, rnd, run))
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", dns_port))
    threading.Thread(target=serve, args=(zone, sock), daemon=True).start()
    resolver = dns.resolver.Resolver(configure=False)
    resolver.nameservers = ["127.0.0.1"]
    resolver.port = dns_port
    resolver.lifetime = 10
    dns.resolver.default_resolver = resolver

    tag = "spfdiff-" + run
    for n, (sender, helo) in enumerate(cases):
        with smtplib.SMTP("127.0.0.1", smtp_port, local_hostname=helo, timeout=60) as s:
            body = "Subject: %s %d\r\n\r\nscenario %d\r\n" % (tag, n, n)
            s.sendmail(sender, ["bob@localhost"], body)
    found = {}
    deadline = time.time() + 60
    header = re.compile(r"^Authentication-Results: ([^;]+);\r?\n\tspf=([a-z]+)", re.M)
    subject = re.compile(r"^Subject: %s (\d+)\r?$" % re.escape(tag), re.M)
    while len(found) < len(cases) and time.time() < deadline:
        for sub in ("new", "cur"):
            folder = os.path.join(maildir, sub)
            for f in os.listdir(folder):
                text = open(os.path.join(folder, f), encoding="latin-1").read()
                m = subject.search(text)
                if m and int(m.group(1)) not in found:
                    h = header.search(text)
                    found[int(m.group(1))] = h.group(2) if h and h.group(1) == authserv else "(no header)"
        time.sleep(0.2)
    differences = 0
    known = {}
    tally = {}
    for n, (sender, helo) in enumerate(cases):
        ours = found.get(n, "(not delivered)")
        theirs = pyspf_result(sender, helo, authserv)
        tally[theirs] = tally.get(theirs, 0) + 1
        d = "case-%d.%s.test" % (n, run)
        why = known_difference(zone, d, sender, helo, authserv, ours) if ours != theirs else None
        if why:
            known[why] = known.get(why, 0) + 1
        elif ours != theirs:
            differences += 1
            print("DIFF case %d: tegami %s, pyspf %s; MAIL FROM:<%s> HELO %s; %s TXT %s" % (
                n, ours, theirs, sender, helo, d, zone.records.get((d, "TXT"))))
    print("seed %d: %d scenarios, %d differences; pyspf results %s" % (
        seed, len(cases), differences, " ".join("%s=%d" % kv for kv in sorted(tally.items()))))
    for why, count in sorted(known.items()):
        print("  %d known: %s" % (count, why))
    sys.exit(1 if differences else 0)


def without_unused_redirect(record):
    return re.sub(r" redirect=[^ ]*", "", record)


def without_repeated_unknown_modifiers(record):
    seen = set()

    def once(m):
        name = m.group(1).lower()
        if name in ("redirect", "exp") or name not in seen:
            seen.add(name)
            return m.group(0)
        return ""
    return re.sub(r" ([A-Za-z][A-Za-z0-9_.-]*)=[^ ]*", once, record)


# Where pyspf and RFC 7208 part, and Tegami follows the RFC: a record changed so that pyspf
# no longer meets the point must then give Tegami's result.
KNOWN = [
    ("pyspf counts a redirect= that a matching mechanism left unused towards the 10 lookups "
     "(RFC 7208 4.6.4 counts terms during evaluation, 6.1 evaluates redirect= only when nothing matched)",
     without_unused_redirect),
    ("pyspf refuses an unknown modifier given twice (RFC 7208 6: unrecognized modifiers are ignored "
     "no matter where or how often they appear)",
     without_repeated_unknown_modifiers),
]


def known_difference(zone, domain, sender, helo, receiver, ours):
    """The KNOWN entry that explains a difference, if one does."""
    key = (domain, "TXT")
    records = zone.records.get(key, [])
    for why, change in KNOWN:
        changed = [txt(change(raw(r))) for r in records]
        if [raw(r) for r in changed] == [raw(r) for r in records]:
            continue
        zone.records[key] = changed
        try:
            if pyspf_result(sender, helo, receiver) == ours:
                return why
        finally:
            zone.records[key] = records
    return None


if __name__ == "__main__":
    main()
