#!/usr/bin/env python3
"""Start-to-banner time and idle memory of servers, measured the same way (bench/footprint.sh).

Each server is a JSON spec: name, start (argv), port, banner (prefix of the first line),
pids (shell command printing the root pid(s) of its process tree, run after the banner),
stop (argv). For each of `runs` rounds, the servers are measured in turn: the start command
runs, a client tries to connect every millisecond and reads the first line; the time from
just before the start command to that line is start-to-banner. After `idle` seconds the
process tree's RSS and PSS are read with the peers' rss.sh; then the server is stopped and
the next one goes. Prints every run and a table of medians.
"""
import json, socket, statistics, subprocess, sys, time

specs, runs, idle, rss_sh = json.loads(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]


def banner_after(port, prefix, t0, timeout=120):
    while time.monotonic() - t0 < timeout:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
                line = s.makefile("rb").readline().decode("latin-1")
                if line.startswith(prefix):
                    return time.monotonic() - t0
                raise RuntimeError(f"port {port} answered {line!r}")
        except (ConnectionRefusedError, ConnectionResetError):
            time.sleep(0.001)
    raise RuntimeError(f"no banner on port {port} after {timeout} s")


def port_closed(port, timeout=60):
    t = time.monotonic()
    while time.monotonic() - t < timeout:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            time.sleep(0.1)
        except OSError:
            return
    raise RuntimeError(f"port {port} still open after stop")


def memory(pids):
    out = subprocess.run([rss_sh, *pids], capture_output=True, text=True).stdout
    f = dict(kv.split("=") for kv in out.split())
    return int(f["procs"]), int(f["rss_kb"]) / 1024, int(f["pss_kb"]) / 1024


results = {s["name"]: [] for s in specs}
for r in range(1, runs + 1):
    for s in specs:
        port_closed(s["port"], 5)
        t0 = time.monotonic()
        proc = subprocess.Popen(s["start"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            secs = banner_after(s["port"], s["banner"], t0)
            time.sleep(idle)
            pids = subprocess.run(["sh", "-c", s["pids"].replace("{pid}", str(proc.pid))],
                                  capture_output=True, text=True).stdout.split()
            procs, rss, pss = memory(pids)
        finally:
            subprocess.run(s["stop"].replace("{pid}", str(proc.pid)), shell=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
            port_closed(s["port"])
        results[s["name"]].append((secs, rss, pss, procs))
        print(f"  run {r} {s['name']:8s} start-to-banner {secs:6.3f} s  idle rss {rss:6.1f} MiB  "
              f"pss {pss:6.1f} MiB  ({procs} processes)", flush=True)

print(f"\n{'server':18s} {'start-to-banner':>16s} {'idle RSS':>10s} {'idle PSS':>10s} {'procs':>6s}   (medians of {runs} runs, {idle:.0f} s idle)")
med = {}
for name, rows in results.items():
    med[name] = [statistics.median(x[i] for x in rows) for i in range(4)]
    print(f"{name:18s} {med[name][0]:14.3f} s {med[name][1]:6.1f} MiB {med[name][2]:6.1f} MiB {med[name][3]:6.0f}")
if "postfix" in med and "dovecot" in med:
    p, d = med["postfix"], med["dovecot"]
    print(f"{'postfix+dovecot':18s} {max(p[0], d[0]):14.3f} s {p[1] + d[1]:6.1f} MiB {p[2] + d[2]:6.1f} MiB {p[3] + d[3]:6.0f}"
          "   (sum of medians; start = the slower one)")
