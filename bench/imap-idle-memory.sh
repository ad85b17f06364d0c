#!/usr/bin/env bash
# imap-idle-memory.sh [clients]
# Resident memory of the server with N IMAP clients logged in, INBOX selected, in IDLE; a
# delivery must reach all of them as "* 1 EXISTS". Tegami and Dovecot (from
# ../shared/peers/setup-dovecot.sh) measured the same way with the peers' rss.sh.
set -eu
. "$(dirname "$0")/lib.sh"
N=${1:-1000}
WORK=${BENCH_DIR:-/tmp/tegami-bench}/idle
make_install "$WORK"
sed -i 's/^imap.listen =$/imap.listen = 127.0.0.1:3143/' "$WORK/conf/tegami.conf"
printf 'net.max-connections = %d\nnet.max-connections-per-ip = %d\n' $((N + 100)) $((N + 100)) >> "$WORK/conf/tegami.conf"
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:-} -Xss512k" start_tegami "$WORK"
trap stop_tegami EXIT
echo "tegami idle before clients: $("$PEER_SCRIPTS/rss.sh" "$TEGAMI_PID" | tr '\n' ' ')"
python3 - "$N" "$TEGAMI_PID" "$PEER_SCRIPTS/rss.sh" "$WORK" <<'PY'
import socket, subprocess, sys, time, os
n, pid, rss, work = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
socks = []
for i in range(n):
    s = socket.create_connection(("127.0.0.1", 3143)); f = s.makefile("rb")
    f.readline()
    s.sendall(b"a LOGIN u1@bench.test pass\r\nb SELECT INBOX\r\nc IDLE\r\n")
    while not f.readline().startswith(b"+"):
        pass
    socks.append((s, f))
time.sleep(3)
print(f"tegami with {n} clients in IDLE: " + subprocess.run([rss, pid], capture_output=True, text=True).stdout.replace("\n", " "))
os.makedirs(f"{work}/stage", exist_ok=True)
open(f"{work}/stage/m", "w").write("X-Envelope-To: <u1@bench.test>\nSubject: wake\n\nup\n")
t = time.time()
os.rename(f"{work}/stage/m", f"{work}/spool/incoming/m")
seen = 0
for s, f in socks:
    s.settimeout(10)
    line = f.readline()
    while b"EXISTS" not in line:
        line = f.readline()
    seen += 1
print(f"{seen} of {n} clients saw EXISTS within {time.time() - t:.2f}s")
PY
