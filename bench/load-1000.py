#!/usr/bin/env python3
"""Connection load for bench/load-1000.sh (asyncio, one process, no dependencies).

  1. N IMAP clients from 127.0.0.1 log in, SELECT INBOX and IDLE, all at once.
  2. One more IMAP and one more SMTP connection from 127.0.0.1: over the per-address limit.
  3. N SMTP sessions from 127.0.0.2 connect at once, EHLO, MAIL, RCPT, DATA (a small
     message) and wait for their 250: then every one of them is open together, 2N in all.
  4. Extra IMAP and SMTP connections from 127.0.0.3: over the total limit.
  5. The SMTP sessions QUIT; each IDLE client must have seen its user's new mail (EXISTS);
     the IDLE clients say DONE and LOGOUT; all N messages must be in the Maildirs once.

Refused or failed connections below the limits are errors. A turned-away client must read a
clear refusal (SMTP 421, IMAP * BYE) within a few seconds, not hang.
"""
import argparse, asyncio, os, re, statistics, sys, time

p = argparse.ArgumentParser()
p.add_argument("--pid", required=True)
p.add_argument("--mail-root", required=True)
p.add_argument("-n", type=int, default=1000)
p.add_argument("--smtp", type=int, default=5525)
p.add_argument("--imap", type=int, default=5143)
p.add_argument("--users", type=int, default=100)
p.add_argument("--timeout", type=float, default=120)
a = p.parse_args()

SERVER, DOMAIN = "127.0.0.1", "bench.test"
peak = {"threads": 0, "fds": 0, "rss_mb": 0.0}
problems = []


def proc_status():
    s = open(f"/proc/{a.pid}/status").read()
    return (int(re.search(r"Threads:\s+(\d+)", s).group(1)), float(re.search(r"VmRSS:\s+(\d+)", s).group(1)) / 1024,
            float(re.search(r"VmHWM:\s+(\d+)", s).group(1)) / 1024)


async def sampler():
    while True:
        try:
            threads, rss, _ = proc_status()
            fds = len(os.listdir(f"/proc/{a.pid}/fd"))
        except (OSError, AttributeError):
            return
        peak["threads"] = max(peak["threads"], threads)
        peak["fds"] = max(peak["fds"], fds)
        peak["rss_mb"] = max(peak["rss_mb"], rss)
        await asyncio.sleep(0.2)


async def connect(port, source):
    t = time.monotonic()
    r, w = await asyncio.wait_for(asyncio.open_connection(SERVER, port, local_addr=(source, 0), limit=1 << 20), 60)
    return r, w, time.monotonic() - t


async def line(r, timeout=None):
    data = await asyncio.wait_for(r.readline(), timeout or a.timeout)
    if not data:
        raise EOFError("connection closed by the server")
    return data.decode("latin-1").rstrip("\r\n")


async def smtp_reply(r):
    """The last line of a (multi-line) SMTP reply."""
    while True:
        l = await line(r)
        if len(l) < 4 or l[3] != "-":
            return l


async def expect_smtp(r, w, command, code):
    if command is not None:
        w.write(command.encode() + b"\r\n")
    reply = await smtp_reply(r)
    if not reply.startswith(code):
        raise RuntimeError(f"{command or 'banner'}: {reply}")


class Imap:
    def __init__(self, i):
        self.i, self.user = i, f"u{i % a.users + 1}@{DOMAIN}"
        self.saw_exists = asyncio.Event()
        self.exists0 = None

    async def open(self):
        self.r, self.w, self.connect_s = await connect(a.imap, "127.0.0.1")
        greeting = await line(self.r)
        if not greeting.startswith("* OK"):
            raise RuntimeError(f"greeting: {greeting}")
        await self.tagged("a", f"LOGIN {self.user} pass")
        for l in await self.tagged("b", "SELECT INBOX"):
            if l.endswith(" EXISTS"):
                self.exists0 = int(l.split()[1])
        self.w.write(b"c IDLE\r\n")
        l = await line(self.r)
        if not l.startswith("+"):
            raise RuntimeError(f"IDLE: {l}")

    async def tagged(self, tag, command):
        self.w.write(f"{tag} {command}\r\n".encode())
        untagged = []
        while True:
            l = await line(self.r)
            if l.startswith(tag + " "):
                if not l.startswith(tag + " OK"):
                    raise RuntimeError(f"{command.split()[0]}: {l}")
                return untagged
            untagged.append(l)

    async def watch(self):
        """Reads IDLE updates until the first EXISTS above the count at SELECT."""
        while True:
            l = await line(self.r, 10**6)
            m = re.match(r"\* (\d+) EXISTS", l)
            if m and int(m.group(1)) > self.exists0:
                self.saw_exists.set()
                return

    async def close(self):
        self.w.write(b"DONE\r\n")
        while not (await line(self.r)).startswith("c "):
            pass
        await self.tagged("d", "LOGOUT")
        self.w.close()


async def smtp_session(i, all_accepted, go_quit, stats):
    r, w, connect_s = await connect(a.smtp, "127.0.0.2")
    stats["connect"].append(connect_s)
    t = time.monotonic()
    await expect_smtp(r, w, None, "220")
    stats["banner"].append(time.monotonic() - t)
    await expect_smtp(r, w, "EHLO load.example.org", "250")
    await expect_smtp(r, w, "MAIL FROM:<load@example.org>", "250")
    to = f"u{i % a.users + 1}@{DOMAIN}"
    await expect_smtp(r, w, f"RCPT TO:<{to}>", "250")
    await expect_smtp(r, w, "DATA", "354")
    body = f"From: load@example.org\r\nTo: {to}\r\nSubject: load {i}\r\n\r\n" + ("load test line\r\n" * 20)
    t = time.monotonic()
    await expect_smtp(r, w, body + ".", "250")
    stats["data"].append(time.monotonic() - t)
    all_accepted.append(i)
    await go_quit.wait()
    await expect_smtp(r, w, "QUIT", "221")
    w.close()


async def refused(port, source, what):
    """A connection over a limit: the first line the client reads, and how long it waited."""
    t = time.monotonic()
    try:
        r, w, _ = await connect(port, source)
        first = await line(r, 10)
        try:
            rest = await asyncio.wait_for(r.read(), 10)
        except asyncio.TimeoutError:
            rest = b"(still open after 10 s)"
        w.close()
        closed = "closed" if rest == b"" else f"then {rest[:60]!r}"
        ok = first.startswith("421 ") if port == a.smtp else first.startswith("* BYE")
        print(f"  {what}: {first!r}, {closed}, after {1000 * (time.monotonic() - t):.0f} ms -> {'ok' if ok else 'WRONG'}")
        if not ok or rest != b"":
            problems.append(f"{what}: {first!r} {closed}")
    except (asyncio.TimeoutError, EOFError, OSError) as e:
        print(f"  {what}: no refusal line ({type(e).__name__}: {e}) after {time.monotonic() - t:.1f} s -> WRONG")
        problems.append(f"{what}: {type(e).__name__}")


def in_maildirs():
    total = 0
    for i in range(1, a.users + 1):
        d = os.path.join(a.mail_root, DOMAIN, f"u{i}")
        for sub in ("new", "cur"):
            try:
                total += len(os.listdir(os.path.join(d, sub)))
            except FileNotFoundError:
                pass
    return total


def pct(xs, q):
    xs = sorted(xs)
    return 1000 * xs[min(len(xs) - 1, int(q * len(xs)))] if xs else float("nan")


async def gather_counting(coros):
    results = await asyncio.gather(*coros, return_exceptions=True)
    failures = [r for r in results if isinstance(r, BaseException)]
    kinds = {}
    for f in failures:
        kinds[f"{type(f).__name__}: {str(f)[:80]}"] = kinds.get(f"{type(f).__name__}: {str(f)[:80]}", 0) + 1
    return failures, kinds


async def main():
    n = a.n
    asyncio.get_running_loop().create_task(sampler())
    t0 = time.monotonic()

    print(f"1. {n} IMAP clients from 127.0.0.1: LOGIN, SELECT, IDLE")
    clients = [Imap(i) for i in range(n)]
    failures, kinds = await gather_counting(c.open() for c in clients)
    t_imap = time.monotonic() - t0
    idle = [c for c in clients if hasattr(c, "w") and c.exists0 is not None]
    print(f"   {n - len(failures)} in IDLE, {len(failures)} failed, in {t_imap:.1f} s; connect p50 "
          f"{pct([c.connect_s for c in idle], .5):.0f} ms p99 {pct([c.connect_s for c in idle], .99):.0f} ms")
    for k, v in kinds.items():
        print(f"   failure x{v}: {k}")
        problems.append(f"IMAP below the limit x{v}: {k}")
    watchers = [asyncio.get_running_loop().create_task(c.watch()) for c in idle]

    print("2. over the per-address limit (127.0.0.1 already has its maximum):")
    await refused(a.imap, "127.0.0.1", "IMAP from 127.0.0.1")
    await refused(a.smtp, "127.0.0.1", "SMTP from 127.0.0.1")

    print(f"3. {n} SMTP sessions from 127.0.0.2, all open together")
    stats = {"connect": [], "banner": [], "data": []}
    accepted, go_quit = [], asyncio.Event()
    t1 = time.monotonic()
    sessions = [asyncio.get_running_loop().create_task(smtp_session(i, accepted, go_quit, stats)) for i in range(n)]
    while len(accepted) < n and not all(s.done() for s in sessions) and time.monotonic() - t1 < a.timeout:
        await asyncio.sleep(0.05)
    t_accept = time.monotonic() - t1
    threads, rss, _ = proc_status()
    print(f"   {len(accepted)} of {n} got 250 after DATA in {t_accept:.1f} s, all still open; server now "
          f"{threads} threads, {rss:.0f} MB resident, {len(os.listdir(f'/proc/{a.pid}/fd'))} fds")
    print(f"   connect p50 {pct(stats['connect'], .5):.0f} ms p99 {pct(stats['connect'], .99):.0f} ms max "
          f"{pct(stats['connect'], 1):.0f} ms; banner p50 {pct(stats['banner'], .5):.0f} ms p99 "
          f"{pct(stats['banner'], .99):.0f} ms; DATA to 250 p50 {pct(stats['data'], .5):.0f} ms p99 "
          f"{pct(stats['data'], .99):.0f} ms")

    print("4. over the total limit (from 127.0.0.3):")
    await refused(a.imap, "127.0.0.3", "IMAP from 127.0.0.3")
    await refused(a.smtp, "127.0.0.3", "SMTP from 127.0.0.3")

    go_quit.set()
    failures, kinds = await gather_counting(sessions)
    t_smtp = time.monotonic() - t1
    for k, v in kinds.items():
        print(f"   failure x{v}: {k}")
        problems.append(f"SMTP below the limit x{v}: {k}")
    print(f"5. {n - len(failures)} SMTP sessions done (QUIT 221) in {t_smtp:.1f} s from their first connect")

    deadline = time.monotonic() + a.timeout
    while in_maildirs() < len(accepted) and time.monotonic() < deadline:
        await asyncio.sleep(0.2)
    t_delivered = time.monotonic() - t1
    delivered = in_maildirs()
    print(f"   {delivered} messages in the Maildirs ({len(accepted)} accepted) {t_delivered:.1f} s after the first connect")
    if delivered != len(accepted) or len(accepted) != n:
        problems.append(f"accepted {len(accepted)} of {n}, delivered {delivered}")

    done, _ = await asyncio.wait(watchers, timeout=30)
    saw = sum(1 for c in idle if c.saw_exists.is_set())
    print(f"   {saw} of {len(idle)} IDLE clients saw their new mail as EXISTS")
    if saw != n:
        problems.append(f"only {saw} of {n} IDLE clients saw EXISTS")
    for w in watchers:
        w.cancel()
    failures, kinds = await gather_counting(c.close() for c in idle)
    for k, v in kinds.items():
        print(f"   logout failure x{v}: {k}")
        problems.append(f"IMAP logout x{v}: {k}")
    await asyncio.sleep(0.5)
    threads, rss, hwm = proc_status()
    print(f"   IDLE clients logged out; total {time.monotonic() - t0:.1f} s")
    print(f"\nserver peaks: {peak['threads']} threads, {peak['fds']} open fds, resident {peak['rss_mb']:.0f} MB "
          f"sampled / {hwm:.0f} MB VmHWM; after the load: {threads} threads, {rss:.0f} MB")
    print("RESULT:", "PASS" if not problems else "FAIL")
    for pr in problems:
        print("  problem:", pr)
    return 0 if not problems else 1


sys.exit(asyncio.run(main()))
