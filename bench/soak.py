#!/usr/bin/env python3
"""Soak load for bench/soak.sh: steady mixed SMTP, IMAP and POP3 traffic against one server
while sampling its memory, file descriptors and threads; prints a table and a verdict.

usage: soak.py --pid PID --mail-root DIR [--minutes 20] [--sample 60] [ports...]

Users u1..u10@bench.test are read and expunged over IMAP, u11..u20 over POP3 (retr, dele), so
the mailboxes stay small and the server's footprint should stay flat. Each IMAP thread owns
its own users, so the EXPUNGE responses it counts are its own.
"""
import argparse, imaplib, os, poplib, random, re, smtplib, statistics, subprocess, sys, threading, time

p = argparse.ArgumentParser()
p.add_argument("--pid", required=True)
p.add_argument("--mail-root", required=True)
p.add_argument("--minutes", type=float, default=20)
p.add_argument("--sample", type=float, default=60)
p.add_argument("--smtp", type=int, default=4525)
p.add_argument("--imap", type=int, default=4143)
p.add_argument("--pop3", type=int, default=4110)
p.add_argument("--smtp-rate", type=float, default=3.0, help="messages per second, all threads")
p.add_argument("--imap-rate", type=float, default=1.0, help="IMAP sessions per second")
p.add_argument("--pop3-rate", type=float, default=0.5, help="POP3 sessions per second")
a = p.parse_args()

HOST, DOMAIN = "127.0.0.1", "bench.test"
IMAP_USERS = [f"u{i}" for i in range(1, 11)]
POP3_USERS = [f"u{i}" for i in range(11, 21)]
stop = threading.Event()
lock = threading.Lock()
count = {"accepted": 0, "imap_sessions": 0, "pop3_sessions": 0, "removed": 0, "errors": 0}
errors = []


def add(key, n=1):
    with lock:
        count[key] += n


def failed(what, e):
    with lock:
        count["errors"] += 1
        if len(errors) < 20:
            errors.append(f"{time.strftime('%H:%M:%S')} {what}: {type(e).__name__}: {e}")


def paced(rate, body):
    """Runs body() about `rate` times a second until stop, whatever body's own duration."""
    period, nxt = 1.0 / rate, time.monotonic()
    while not stop.is_set():
        body()
        nxt += period * random.uniform(0.5, 1.5)
        stop.wait(max(0.0, nxt - time.monotonic()))


def smtp_once():
    user = random.choice(IMAP_USERS + POP3_USERS)
    body = "x" * random.randint(500, 8000)
    msg = (f"From: soak@example.org\r\nTo: {user}@{DOMAIN}\r\nSubject: soak {time.time():.3f}\r\n\r\n"
           + "\r\n".join(body[i:i + 76] for i in range(0, len(body), 76)) + "\r\n")
    try:
        with smtplib.SMTP(HOST, a.smtp, timeout=30) as s:
            s.ehlo("soak.example.org")
            s.sendmail("soak@example.org", [f"{user}@{DOMAIN}"], msg)
        add("accepted")
    except Exception as e:
        failed("smtp", e)


def idle_briefly(m, seconds):
    tag = m._new_tag()
    m.send(tag + b" IDLE\r\n")
    if not m.readline().startswith(b"+"):
        raise imaplib.IMAP4.error("IDLE not accepted")
    time.sleep(seconds)
    m.send(b"DONE\r\n")
    while True:
        line = m.readline()
        if not line:
            raise EOFError("connection closed during IDLE")
        if line.startswith(tag):
            if b" OK" not in line:
                raise imaplib.IMAP4.error(line.decode(errors="replace").strip())
            return


def imap_once(users):
    user = random.choice(users)
    try:
        m = imaplib.IMAP4(HOST, a.imap, timeout=30)
        try:
            m.login(f"{user}@{DOMAIN}", "pass")
            typ, data = m.select("INBOX")
            exists = int(data[0])
            if exists:
                m.fetch("1:*", "(FLAGS UID RFC822.SIZE)")
                n = random.randint(1, exists)
                m.fetch(str(n), "(BODY.PEEK[])")
                m.store(str(n), "+FLAGS", "(\\Seen)")
            if exists > 30:
                m.store(f"1:{exists - 20}", "+FLAGS", "(\\Deleted)")
                typ, gone = m.expunge()
                add("removed", len([g for g in gone if g]))
            idle_briefly(m, random.uniform(1, 3))
            m.close()
        finally:
            m.logout()
        add("imap_sessions")
    except Exception as e:
        failed("imap", e)


def pop3_once():
    user = random.choice(POP3_USERS)
    try:
        c = poplib.POP3(HOST, a.pop3, timeout=30)
        try:
            c.user(f"{user}@{DOMAIN}")
            c.pass_("pass")
            n, _ = c.stat()
            for i in range(1, min(n, 25) + 1):
                c.retr(i)
                c.dele(i)
            c.quit()  # deletions happen at QUIT (RFC 1939 6)
            add("removed", min(n, 25))
        except Exception:
            c.close()
            raise
        add("pop3_sessions")
    except Exception as e:
        failed("pop3", e)


def in_maildirs():
    total = 0
    for user in IMAP_USERS + POP3_USERS:
        for sub in ("new", "cur"):
            try:
                total += len(os.listdir(os.path.join(a.mail_root, DOMAIN, user, sub)))
            except FileNotFoundError:
                pass
    return total


def sample():
    status = open(f"/proc/{a.pid}/status").read()
    rss = int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
    threads = int(re.search(r"Threads:\s+(\d+)", status).group(1))
    fds = len(os.listdir(f"/proc/{a.pid}/fd"))
    heap = meta = float("nan")
    try:  # heap after a full GC: the live set; a leak shows here before RSS
        subprocess.run(["jcmd", a.pid, "GC.run"], capture_output=True, timeout=60)
        out = subprocess.run(["jstat", "-gc", a.pid], capture_output=True, text=True, timeout=60).stdout.split("\n")
        row = dict(zip(out[0].split(), out[1].split()))
        heap = sum(float(row[k]) for k in ("S0U", "S1U", "EU", "OU")) / 1024
        meta = float(row["MU"]) / 1024
    except Exception:
        pass
    return rss / 1024, fds, threads, heap, meta


def cpu_seconds():
    """The server's user + system CPU time so far (/proc/PID/stat fields 14 and 15)."""
    fields = open(f"/proc/{a.pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


threads = [threading.Thread(target=paced, args=(a.smtp_rate / 2, smtp_once), daemon=True) for _ in range(2)]
threads += [threading.Thread(target=paced, args=(a.imap_rate / 2, lambda u=u: imap_once(u)), daemon=True)
            for u in (IMAP_USERS[:5], IMAP_USERS[5:])]
threads.append(threading.Thread(target=paced, args=(a.pop3_rate, pop3_once), daemon=True))
start = time.monotonic()
for t in threads:
    t.start()

rows = []
print(f"{'min':>5} {'rss_MB':>7} {'fds':>5} {'thr':>5} {'heap_MB':>8} {'meta_MB':>8} {'cpu_%':>6} {'accepted':>9} {'imap':>6} {'pop3':>6} {'errors':>6}",
      flush=True)
cpu_before, t_before = cpu_seconds(), time.monotonic()
end = start + a.minutes * 60
while True:
    now = time.monotonic()
    nxt = start + (len(rows) + 1) * a.sample
    if nxt > end + 1:
        break
    time.sleep(max(0.0, nxt - now))
    cpu_now, t_now = cpu_seconds(), time.monotonic()  # before sample(): its forced GC is ours, not the load's
    cpu_pct = 100 * (cpu_now - cpu_before) / (t_now - t_before)
    rss, fds, thr, heap, meta = sample()
    cpu_before, t_before = cpu_seconds(), time.monotonic()
    with lock:
        c = dict(count)
    rows.append((rss, fds, thr, heap, meta))
    print(f"{(time.monotonic() - start) / 60:5.1f} {rss:7.1f} {fds:5d} {thr:5d} {heap:8.1f} {meta:8.1f} {cpu_pct:6.1f} "
          f"{c['accepted']:9d} {c['imap_sessions']:6d} {c['pop3_sessions']:6d} {c['errors']:6d}", flush=True)
stop.set()
for t in threads:
    t.join(60)

# Every accepted message must be in a Maildir or have been removed by a client.
deadline = time.monotonic() + 120
while time.monotonic() < deadline and in_maildirs() + count["removed"] < count["accepted"]:
    time.sleep(1)
delivered = in_maildirs() + count["removed"]

third = max(1, len(rows) // 3)
first, last = rows[:third], rows[-third:]
med = lambda rs, i: statistics.median(r[i] for r in rs)
verdict = []
def check(name, i, ratio, slack, unit):
    f, l = med(first, i), med(last, i)
    ok = l <= f * (1 + ratio) + slack
    verdict.append(ok)
    print(f"  {name:8s} first third {f:8.1f}{unit}  last third {l:8.1f}{unit}  growth {100 * (l - f) / f:+6.1f}%  "
          f"(bound +{ratio * 100:.0f}% +{slack}{unit}) {'ok' if ok else 'GROWING'}")
print(f"\nsummary after {len(rows)} samples ({a.sample:.0f} s apart), medians of the first and last third:")
check("rss", 0, 0.20, 0, " MB")
check("fds", 1, 0.20, 5, "")
check("threads", 2, 0.20, 5, "")
if rows and all(r[3] == r[3] for r in rows):
    check("heap", 3, 0.20, 4, " MB")
half = rows[len(rows) // 2:]
if len(half) >= 3:  # for the record: how fast RSS still moves once warmed up
    xs = [i * a.sample / 3600 for i in range(len(half))]
    mx, my = statistics.mean(xs), statistics.mean(r[0] for r in half)
    slope = sum((x - mx) * (r[0] - my) for x, r in zip(xs, half)) / sum((x - mx) ** 2 for x in xs)
    print(f"  rss trend over the second half: {slope:+.1f} MB/hour (information, not part of the verdict)")
print(f"  traffic: {count['accepted']} messages accepted, {delivered} delivered (in Maildirs {in_maildirs()}, "
      f"removed by clients {count['removed']}), {count['imap_sessions']} IMAP and {count['pop3_sessions']} POP3 sessions, "
      f"{count['errors']} errors")
for e in errors:
    print("  error:", e)
verdict.append(delivered == count["accepted"] and count["errors"] == 0)
print("VERDICT:", "FLAT (pass)" if all(verdict) else "FAIL")
sys.exit(0 if all(verdict) else 1)
