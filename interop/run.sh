#!/usr/bin/env bash
# interop/run.sh [ARCHIVE] - the distribution archive against real mail clients.
#
# Unpacks ARCHIVE (default: dist/target/tegami-*.tar.gz from 'mvn package'), runs it on free
# loopback ports of its own, and checks it with swaks, msmtp, curl (SMTP, POP3, IMAP),
# fetchmail, mbsync, bin/sendmail with s-nail as mailx, Dovecot's doveadm opened on the
# same Maildir, dkimpy (python3-dkim) on a relayed, DKIM-signed message, and pyspf
# (python3-spf) on random SPF records that Tegami checks over SMTP (interop/spfdiff.py), and
# Dovecot's imap answering the same SORT and THREAD commands on the same Maildir (sortdiff.py).
# Prints PASS/FAIL per check and exits non-zero if any failed.
# Installs missing tools with apt-get (as root). KEEP=1 keeps the temp folder for a look.
# interop/README.md tells more.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd -P)
REPO=$(cd "$HERE/.." && pwd -P)
START=$(date +%s)

# ---------------------------------------------------------------------------------------------
# Tools

# command -> Debian package
TOOLS=(swaks:swaks msmtp:msmtp curl:curl fetchmail:fetchmail mbsync:isync doveadm:dovecot-core
       s-nail:s-nail python3:python3 dkimverify:python3-dkim java:openjdk-17-jre-headless)

install_tools() {
    local missing=() t
    for t in "${TOOLS[@]}"; do
        command -v "${t%%:*}" >/dev/null 2>&1 || missing+=("${t#*:}")
    done
    # pyspf and dnspython, for the system's Python (the first python3 on PATH may be another)
    [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import spf, dns.resolver' >/dev/null 2>&1 \
        || missing+=(python3-spf python3-dnspython)
    # Dovecot's imap binary, which the sort-thread check runs on Tegami's Maildir
    [ -x /usr/lib/dovecot/imap ] || missing+=(dovecot-imapd)
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "installing with apt-get: ${missing[*]}"
    [ "$(id -u)" -eq 0 ] || { echo "FAIL setup: ${missing[*]} missing and not root to install them" >&2; exit 2; }
    local dovecot_was_there=no
    command -v dovecot >/dev/null 2>&1 && dovecot_was_there=yes
    # No package's service may start while installing (Dovecot would grab 143/110/993/995):
    # policy-rc.d answering 101 forbids it to invoke-rc.d and deb-systemd-invoke. A policy
    # already in place is left as it is.
    if [ ! -e "$POLICY" ]; then
        printf '#!/bin/sh\nexit 101\n' > "$POLICY"
        chmod 0755 "$POLICY"
        MADE_POLICY=yes
    fi
    local rc=0
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q --no-install-recommends "${missing[@]}" >"$WORK/apt.log" 2>&1 || rc=$?
    if [ $rc -ne 0 ]; then
        apt-get update -q >>"$WORK/apt.log" 2>&1 || true
        rc=0
        apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$WORK/apt.log" 2>&1 || rc=$?
    fi
    if [ $MADE_POLICY = yes ]; then rm -f "$POLICY"; MADE_POLICY=no; fi
    if [ $rc -ne 0 ]; then
        tail -n 20 "$WORK/apt.log" >&2
        echo "FAIL setup: apt-get install ${missing[*]} failed (exit $rc)" >&2
        exit 2
    fi
    # A system Dovecot installed here must not stay enabled or running: only ours, and only
    # doveadm of it, is wanted. Dovecot instances of other people (their own base_dir) are
    # not touched: systemctl/service act on the system unit only.
    if [ $dovecot_was_there = no ]; then
        if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
            systemctl disable --now dovecot.service dovecot.socket >/dev/null 2>&1 || true
        elif [ -f /run/dovecot/master.pid ] && command -v service >/dev/null 2>&1; then
            service dovecot stop >/dev/null 2>&1 || true
        fi
    fi
}

# ---------------------------------------------------------------------------------------------
# Temp folder, server, cleanup

WORK=$(mktemp -d "${TMPDIR:-/tmp}/tegami-interop.XXXXXX")
SERVER_PID=
POLICY=/usr/sbin/policy-rc.d
MADE_POLICY=no
cleanup() {
    local rc=$?
    if [ $MADE_POLICY = yes ]; then rm -f "$POLICY"; fi
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 75); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
        kill -KILL "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    if [ "${KEEP:-0}" = 1 ]; then
        echo "kept $WORK"
    else
        rm -rf "$WORK"
    fi
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

install_tools

ARCHIVE=${1:-}
if [ -z "$ARCHIVE" ]; then
    shopt -s nullglob
    found=("$REPO"/dist/target/tegami-*.tar.gz)
    shopt -u nullglob
    [ ${#found[@]} -eq 1 ] || { echo "FAIL setup: expected one dist/target/tegami-*.tar.gz (run mvn package), found ${#found[@]}" >&2; exit 2; }
    ARCHIVE=${found[0]}
fi
[ -f "$ARCHIVE" ] || { echo "FAIL setup: no archive $ARCHIVE" >&2; exit 2; }
echo "archive: $ARCHIVE"

tar -xzf "$ARCHIVE" -C "$WORK"
ROOT=$(find "$WORK" -mindepth 1 -maxdepth 1 -type d -name 'tegami-*' | head -n 1)
[ -x "$ROOT/bin/tegami" ] || { echo "FAIL setup: no bin/tegami in the archive" >&2; exit 2; }
CONF=$ROOT/conf
# The server runs as an unprivileged user, as installed (docs/install.md); as root this is
# 'mail', which Debian always has. Dovecot, too, opens no mail as root.
AS=()
if [ "$(id -u)" -eq 0 ]; then
    SERVER_USER=${TEGAMI_USER:-mail}
    chown -R "$SERVER_USER:" "$ROOT"
    chmod 0755 "$WORK"
    AS=(setpriv --reuid="$SERVER_USER" --regid="$(id -g "$SERVER_USER")" --init-groups --)
fi
MAILROOT=$ROOT/spool/mail
CERT=$CONF/tls/selfsigned.crt
mkdir -p "$WORK/logs" "$WORK/msg"

# Free loopback ports out of 20000-29999, none twice. A port counts as taken when something
# answers on 127.0.0.1 there (a listener on 0.0.0.0 does too).
TAKEN=" "
pick_port() {
    local p
    while :; do
        p=$((20000 + RANDOM % 10000))
        case $TAKEN in *" $p "*) continue ;; esac
        if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then continue; fi
        TAKEN+="$p "
        REPLY=$p
        return 0
    done
}
pick_port; SMTP_PORT=$REPLY
pick_port; SUBMISSION_PORT=$REPLY
pick_port; SMTPS_PORT=$REPLY
pick_port; POP3_PORT=$REPLY
pick_port; POP3S_PORT=$REPLY
pick_port; IMAP_PORT=$REPLY
pick_port; IMAPS_PORT=$REPLY
pick_port; DNS_PORT=$REPLY

set_key() { # key value: replaces the key's line in tegami.conf
    grep -q "^$1 *=" "$CONF/tegami.conf" || { echo "FAIL setup: no key $1 in tegami.conf" >&2; exit 2; }
    sed -i "s|^$1 *=.*|$1 = $2|" "$CONF/tegami.conf"
}
set_key smtp.listen "127.0.0.1:$SMTP_PORT"
set_key submission.listen "127.0.0.1:$SUBMISSION_PORT"
set_key smtps.listen "127.0.0.1:$SMTPS_PORT"
set_key pop3.listen "127.0.0.1:$POP3_PORT"
set_key pop3s.listen "127.0.0.1:$POP3S_PORT"
set_key imap.listen "127.0.0.1:$IMAP_PORT"
set_key imaps.listen "127.0.0.1:$IMAPS_PORT"
# The spf check serves its records here; no other check looks anything up (loopback clients
# are not SPF-checked by default, relays go to address literals).
set_key dns.resolver "127.0.0.1:$DNS_PORT"
# Cheaper bcrypt for the two test users: some forty logins follow.
set_key auth.password-cost 6
echo "ports: smtp $SMTP_PORT submission $SUBMISSION_PORT smtps $SMTPS_PORT pop3 $POP3_PORT" \
     "pop3s $POP3S_PORT imap $IMAP_PORT imaps $IMAPS_PORT"

ALICE=alice@localhost
ALICE_PW="alice-$RANDOM-pass"
BOB=bob@localhost
BOB_PW="bob-$RANDOM-pass"
for u in "$ALICE:$ALICE_PW" "$BOB:$BOB_PW"; do
    printf '%s\n' "${u#*:}" | "${AS[@]}" "$ROOT/bin/tegami" user add "${u%%:*}" --password-stdin >>"$WORK/logs/setup.log" 2>&1 \
        || { cat "$WORK/logs/setup.log" >&2; echo "FAIL setup: bin/tegami user add ${u%%:*}" >&2; exit 2; }
done

RUN=$(date +%s)-$$
# message ID SUBJECT [extra body lines]: an LF message from alice to bob in $WORK/msg/ID.eml
message() {
    local id=$1 subject=$2
    shift 2
    {
        printf 'From: Alice <%s>\nTo: Bob <%s>\nSubject: %s\n' "$ALICE" "$BOB" "$subject"
        printf 'Date: %s\nMessage-ID: <%s.%s@interop.test>\nMIME-Version: 1.0\n' "$(LC_ALL=C date -R)" "$id" "$RUN"
        printf 'Content-Type: text/plain; charset=us-ascii\n\nThis is %s.\n' "$subject"
        local line
        for line in "$@"; do printf '%s\n' "$line"; done
        printf 'The end.\n'
    } > "$WORK/msg/$id.eml"
}
msgid() { echo "$1.$RUN@interop.test"; }

# Three messages in the spool before the server starts: 'tegami sendmail' (as the server's
# user: the spool's folders are made now) writes the spool itself, and the server delivers them
# at start. Later checks have a mailbox to work on even
# when a sending check failed.
for i in 1 2 3; do
    message "seed$i" "seed $i"
    "${AS[@]}" "$ROOT/bin/tegami" sendmail -f "$ALICE" "$BOB" < "$WORK/msg/seed$i.eml" >>"$WORK/logs/setup.log" 2>&1 \
        || { cat "$WORK/logs/setup.log" >&2; echo "FAIL setup: bin/tegami sendmail" >&2; exit 2; }
done

"${AS[@]}" "$ROOT/bin/tegami" run >"$WORK/logs/server.log" 2>&1 &
SERVER_PID=$!

banner() { # port: the first line the server sends
    timeout 5 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"; head -n 1 <&3' _ "$1" 2>/dev/null | tr -d '\r'
}
up=no
for _ in $(seq 1 300); do
    kill -0 "$SERVER_PID" 2>/dev/null || break
    case $(banner "$SMTP_PORT" || true) in 220*) up=yes; break ;; esac
    sleep 0.2
done
if [ $up = no ]; then
    tail -n 30 "$WORK/logs/server.log" >&2
    echo "FAIL setup: no SMTP banner on 127.0.0.1:$SMTP_PORT within 60 s" >&2
    exit 1
fi
[ -s "$CERT" ] || { echo "FAIL setup: no self-signed certificate at conf/tls/selfsigned.crt" >&2; exit 1; }
echo "server up after $(($(date +%s) - START)) s (pid $SERVER_PID)"

# ---------------------------------------------------------------------------------------------
# Helpers for the checks. A check runs in a subshell with errexit; 'die REASON' fails it,
# 'note REASON' sets the line printed with PASS.

die() { echo "$*" > "$WORK/reason"; echo "FAILED: $*"; exit 1; }
note() { echo "$*" > "$WORK/reason"; }

INBOX=$MAILROOT/localhost/bob
# delivered ID: the path of bob's INBOX file holding Message-ID <ID.RUN@interop.test>, waiting up
# to 30 s for it
delivered() {
    local id f
    id=$(msgid "$1")
    for _ in $(seq 1 150); do
        f=$(grep -rlF "Message-ID: <$id>" "$INBOX/new" "$INBOX/cur" 2>/dev/null | head -n 1 || true)
        if [ -n "$f" ]; then echo "$f"; return 0; fi
        sleep 0.2
    done
    return 1
}
# arrived_intact ID WHAT: the message sent as $WORK/msg/ID.eml is in bob's INBOX, and the file
# ends with exactly the sent bytes (the server only prepends its trace headers)
arrived_intact() {
    local f size
    f=$(delivered "$1") || die "$2: Message-ID <$(msgid "$1")> not in bob's Maildir after 30 s"
    size=$(stat -c %s "$WORK/msg/$1.eml")
    tail -c "$size" "$f" | cmp -s - "$WORK/msg/$1.eml" || die "$2: the Maildir file $f does not end with the message as sent"
}
inbox_count() { find "$INBOX/new" "$INBOX/cur" -maxdepth 1 -type f | wc -l; }
# the Maildir file of a message whose POP3 UIDL / base name is $1
by_basename() { find "$INBOX/new" "$INBOX/cur" -maxdepth 1 -type f \( -name "$1" -o -name "$1:2,*" \) | head -n 1; }
crlf_to_lf() { sed 's/\r$//'; }
# FILE without the Received: header that fetchmail adds ("by HOST with POP3 (fetchmail-V)")
without_fetchmail_received() {
    python3 -c '
import re, sys
data = open(sys.argv[1], "rb").read()
head, sep, body = data.partition(b"\n\n")
fields = re.findall(rb"[^\n]*\n(?:[ \t][^\n]*\n)*", head + b"\n")
kept = [f for f in fields if not (f.startswith(b"Received:") and b"(fetchmail-" in f)]
sys.stdout.buffer.write(b"".join(kept)[:-1] + sep + body)' "$1"
}

imapctl() {
    IMAP_PORT=$IMAPS_PORT IMAP_CAFILE=$CERT IMAP_USER=$BOB IMAP_PASS=$BOB_PW \
        timeout 60 python3 "$HERE/imapctl.py" "$@"
}
CURL=(timeout 60 curl -sS --cacert "$CERT" --max-time 50)

PASSED=0
FAILED=0
check() { # name function
    local name=$1 fn=$2 rc t0
    t0=$(date +%s)
    rm -f "$WORK/reason"
    set +e
    ( set -e; "$fn" ) >"$WORK/logs/$name.log" 2>&1
    rc=$?
    set -e
    local reason
    reason=$(cat "$WORK/reason" 2>/dev/null || true)
    if [ $rc -eq 0 ]; then
        PASSED=$((PASSED + 1))
        echo "PASS $name: ${reason:-ok} ($(($(date +%s) - t0)) s)"
    else
        FAILED=$((FAILED + 1))
        [ -n "$reason" ] || reason="exit $rc: $(grep -v '^$' "$WORK/logs/$name.log" | tail -n 1)"
        echo "FAIL $name: $reason"
        sed 's/^/    | /' "$WORK/logs/$name.log" | tail -n 15
    fi
}

# ---------------------------------------------------------------------------------------------
# The checks

check_swaks() {
    local mech id
    for mech in PLAIN LOGIN; do
        id=swaks-$mech
        message "$id" "swaks $mech"
        # swaks sends CRLF . CRLF after the data: without the file's last newline, the message
        # arrives as it is in the file.
        head -c -1 "$WORK/msg/$id.eml" > "$WORK/msg/$id.swaks"
        timeout 60 swaks --server 127.0.0.1 --port "$SUBMISSION_PORT" --tls --tls-verify --tls-ca-path "$CERT" \
            --auth "$mech" --auth-user "$ALICE" --auth-password "$ALICE_PW" \
            --from "$ALICE" --to "$BOB" --data "@$WORK/msg/$id.swaks" --timeout 30 >"$WORK/logs/swaks-$mech.txt" 2>&1 \
            || die "swaks AUTH $mech over STARTTLS failed: $(grep -E '^(<~\*|<\*\*|\*\*\*)' "$WORK/logs/swaks-$mech.txt" | tail -n 1)"
        # '~>' marks lines swaks sent inside TLS: AUTH came after STARTTLS.
        grep -q "^ ~> AUTH $mech" "$WORK/logs/swaks-$mech.txt" || die "swaks did not send AUTH $mech inside TLS"
        arrived_intact "$id" "swaks $mech"
    done
    # The MX port: mail for a local user from anyone, no AUTH; relaying without AUTH refused.
    message swaks-mx "swaks mx"
    head -c -1 "$WORK/msg/swaks-mx.eml" > "$WORK/msg/swaks-mx.swaks"
    timeout 60 swaks --server 127.0.0.1 --port "$SMTP_PORT" --from someone@example.org --to "$BOB" \
        --data "@$WORK/msg/swaks-mx.swaks" --timeout 30 >"$WORK/logs/swaks-mx.txt" 2>&1 || die "swaks to the MX port failed"
    arrived_intact swaks-mx "swaks MX"
    local rc=0
    timeout 60 swaks --server 127.0.0.1 --port "$SMTP_PORT" --from someone@example.org --to victim@example.net \
        --timeout 30 --quit-after RCPT >"$WORK/logs/swaks-relay.txt" 2>&1 || rc=$?
    [ $rc -ne 0 ] && grep -q '^<\*\* *550' "$WORK/logs/swaks-relay.txt" \
        || die "relaying to example.net without AUTH was not refused with 550: $(grep -E '^<' "$WORK/logs/swaks-relay.txt" | tail -n 1)"
    note "STARTTLS + AUTH PLAIN and AUTH LOGIN on submission (certificate verified), the MX port without AUTH, all byte for byte; relaying without AUTH refused (550)"
}

check_msmtp() {
    cat > "$WORK/msmtprc" <<EOF
defaults
tls on
tls_trust_file $CERT
logfile $WORK/logs/msmtp.txt
timeout 30

account submission
host 127.0.0.1
port $SUBMISSION_PORT
tls_starttls on
auth plain
user $ALICE
password $ALICE_PW
from $ALICE

account smtps : submission
port $SMTPS_PORT
tls_starttls off
auth login
EOF
    chmod 0600 "$WORK/msmtprc"
    # Lines that are a lone dot or start with one test dot stuffing (RFC 5321 4.5.2).
    message msmtp-sub "msmtp submission" "." ".. two dots" ".leading dot"
    message msmtp-smtps "msmtp smtps" "." "a long line $(printf 'x%.0s' $(seq 1 900))"
    timeout 60 msmtp -C "$WORK/msmtprc" -a submission "$BOB" < "$WORK/msg/msmtp-sub.eml" || die "msmtp over STARTTLS failed (see logs/msmtp.txt)"
    timeout 60 msmtp -C "$WORK/msmtprc" -a smtps "$BOB" < "$WORK/msg/msmtp-smtps.eml" || die "msmtp over SMTPS failed (see logs/msmtp.txt)"
    arrived_intact msmtp-sub "msmtp STARTTLS"
    arrived_intact msmtp-smtps "msmtp SMTPS"
    note "STARTTLS + AUTH PLAIN and SMTPS + AUTH LOGIN, tls_trust_file = conf/tls/selfsigned.crt; dot lines intact"
}

check_curl_smtp() {
    message curl-smtp "curl smtp starttls" "." "..dots"
    message curl-smtps "curl smtps" ".x"
    "${CURL[@]}" --ssl-reqd --url "smtp://127.0.0.1:$SUBMISSION_PORT" --user "$ALICE:$ALICE_PW" \
        --mail-from "$ALICE" --mail-rcpt "$BOB" --upload-file "$WORK/msg/curl-smtp.eml" --crlf \
        || die "curl smtp:// --ssl-reqd failed"
    "${CURL[@]}" --url "smtps://127.0.0.1:$SMTPS_PORT" --user "$ALICE:$ALICE_PW" --login-options AUTH=LOGIN \
        --mail-from "$ALICE" --mail-rcpt "$BOB" --upload-file "$WORK/msg/curl-smtps.eml" --crlf \
        || die "curl smtps:// failed"
    arrived_intact curl-smtp "curl smtp://"
    arrived_intact curl-smtps "curl smtps://"
    note "smtp:// with STARTTLS (--ssl-reqd) and smtps://, AUTH, delivered byte for byte"
}

check_sendmail() {
    # As cron sends (Debian's cron: sendmail -FCronDaemon -i -B8BITMIME -oem USER), through a
    # symlink as /usr/sbin/sendmail would be, and as a script with -t.
    mkdir -p "$WORK/sbin"
    ln -sf "$ROOT/bin/sendmail" "$WORK/sbin/sendmail"
    message sendmail-t "sendmail -t"
    timeout 60 "$ROOT/bin/sendmail" -t -i < "$WORK/msg/sendmail-t.eml" || die "bin/sendmail -t exited non-zero"
    message sendmail-cron "cron output"
    timeout 60 "$WORK/sbin/sendmail" -FCronDaemon -i -B8BITMIME -oem "$BOB" < "$WORK/msg/sendmail-cron.eml" \
        || die "sendmail as cron calls it exited non-zero"
    arrived_intact sendmail-t "bin/sendmail -t"
    arrived_intact sendmail-cron "sendmail -FCronDaemon -i -B8BITMIME -oem"
    # mailx (s-nail, which needs no MTA package) with mta = our sendmail; no rc files read.
    local subject="mailx $RUN" f
    echo "sent by mailx" | HOME=$WORK timeout 60 s-nail -:/ -S mta="$WORK/sbin/sendmail" -S sendwait \
        -r "$ALICE" -s "$subject" "$BOB" || die "s-nail with mta=bin/sendmail exited non-zero"
    for _ in $(seq 1 150); do
        f=$(grep -rlF "Subject: $subject" "$INBOX/new" "$INBOX/cur" 2>/dev/null | head -n 1 || true)
        [ -n "$f" ] && break
        sleep 0.2
    done
    [ -n "$f" ] || die "the mailx message is not in bob's Maildir after 30 s"
    grep -qx "sent by mailx" "$f" || die "the mailx message's body is not in $f"
    grep -q "^Return-Path: <$ALICE>" "$f" || die "mailx -r $ALICE did not become the envelope sender: $(grep -m1 '^Return-Path' "$f")"
    note "bin/sendmail -t, cron's flags through a symlink, and s-nail (mailx) with mta=bin/sendmail all delivered"
}

check_curl_pop3() {
    local count list uidl n u f got size
    count=$(inbox_count)
    list=$("${CURL[@]}" --user "$BOB:$BOB_PW" "pop3s://127.0.0.1:$POP3S_PORT/" | crlf_to_lf) || die "curl pop3s:// LIST failed"
    [ "$(printf '%s\n' "$list" | grep -c .)" -eq "$count" ] || die "POP3 LIST shows $(printf '%s\n' "$list" | grep -c .) messages, bob's INBOX holds $count"
    uidl=$("${CURL[@]}" --user "$BOB:$BOB_PW" -X UIDL "pop3s://127.0.0.1:$POP3S_PORT/" | crlf_to_lf) || die "curl pop3s:// UIDL failed"
    # Every message fetched over POP3S, and two more over STLS, is the Maildir file in CRLF.
    local fetched=0
    while read -r n u; do
        [ -n "$n" ] || continue
        "${CURL[@]}" --user "$BOB:$BOB_PW" "pop3s://127.0.0.1:$POP3S_PORT/$n" > "$WORK/pop3-$n.eml" || die "curl pop3s:// RETR $n failed"
        # After RETR: the server marks the message \Seen, renaming its file (:2,S).
        f=$(by_basename "$u")
        [ -n "$f" ] || die "UIDL $u names no file in bob's Maildir"
        size=$(printf '%s\n' "$list" | awk -v n="$n" '$1 == n {print $2}')
        got=$(stat -c %s "$WORK/pop3-$n.eml")
        [ "$size" = "$got" ] || die "POP3 LIST says message $n has $size octets, RETR gave $got"
        crlf_to_lf < "$WORK/pop3-$n.eml" | cmp -s - "$f" || die "POP3 RETR $n differs from the Maildir file $f"
        fetched=$((fetched + 1))
    done <<< "$uidl"
    [ $fetched -eq "$count" ] || die "UIDL listed $fetched messages, bob's INBOX holds $count"
    "${CURL[@]}" --ssl-reqd --user "$BOB:$BOB_PW" "pop3://127.0.0.1:$POP3_PORT/1" > "$WORK/pop3-stls-1.eml" \
        || die "curl pop3:// --ssl-reqd (STLS) RETR 1 failed"
    cmp -s "$WORK/pop3-stls-1.eml" "$WORK/pop3-1.eml" || die "RETR 1 over STLS differs from RETR 1 over POP3S"
    list=$("${CURL[@]}" --ssl-reqd --user "$BOB:$BOB_PW" "pop3://127.0.0.1:$POP3_PORT/" | crlf_to_lf) || die "curl pop3:// --ssl-reqd LIST failed"
    [ "$(printf '%s\n' "$list" | grep -c .)" -eq "$count" ] || die "POP3 LIST over STLS shows a different count"
    note "pop3s:// and pop3:// --ssl-reqd (STLS): LIST/UIDL of $count messages, each RETR equal to its Maildir file"
}

check_curl_imap() {
    local out uid f count validity
    out=$("${CURL[@]}" --user "$BOB:$BOB_PW" "imaps://127.0.0.1:$IMAPS_PORT/" | crlf_to_lf) || die "curl imaps:// LIST failed"
    for box in INBOX Sent Drafts Trash Junk Archive; do
        printf '%s\n' "$out" | grep -qE "^\* LIST \([^)]*\) \"/\" \"?$box\"?$" || die "LIST lacks $box: $(printf '%s' "$out" | tr '\n' ' ')"
    done
    # Fetch by UID over IMAPS and over STARTTLS: equal to the Maildir file.
    for id in msmtp-sub curl-smtp; do
        delivered "$id" >/dev/null || die "$id was not delivered, nothing to fetch"
        out=$("${CURL[@]}" --user "$BOB:$BOB_PW" -X "UID SEARCH HEADER Message-ID <$(msgid "$id")>" \
              "imaps://127.0.0.1:$IMAPS_PORT/INBOX" | crlf_to_lf) || die "curl UID SEARCH failed"
        uid=$(printf '%s\n' "$out" | sed -n 's/^\* SEARCH \([0-9]*\)$/\1/p')
        [ -n "$uid" ] || die "UID SEARCH HEADER Message-ID found nothing: $out"
        "${CURL[@]}" --user "$BOB:$BOB_PW" "imaps://127.0.0.1:$IMAPS_PORT/INBOX;UID=$uid" > "$WORK/imaps-$uid.eml" \
            || die "curl imaps:// fetch UID $uid failed"
        f=$(delivered "$id") # after the fetch, which set \Seen (a new file name)
        crlf_to_lf < "$WORK/imaps-$uid.eml" | cmp -s - "$f" || die "IMAPS fetch of UID $uid differs from the Maildir file $f"
        "${CURL[@]}" --ssl-reqd --user "$BOB:$BOB_PW" "imap://127.0.0.1:$IMAP_PORT/INBOX;UID=$uid" > "$WORK/imap-$uid.eml" \
            || die "curl imap:// --ssl-reqd fetch UID $uid failed"
        cmp -s "$WORK/imap-$uid.eml" "$WORK/imaps-$uid.eml" || die "UID $uid over STARTTLS differs from IMAPS"
    done
    # EXAMINE: EXISTS is the Maildir's count, UIDVALIDITY the one in dovecot-uidlist.
    count=$(inbox_count)
    out=$("${CURL[@]}" --user "$BOB:$BOB_PW" -X "EXAMINE INBOX" "imaps://127.0.0.1:$IMAPS_PORT/" | crlf_to_lf) || die "curl EXAMINE failed"
    printf '%s\n' "$out" | grep -qx "\* $count EXISTS" || die "EXAMINE INBOX: expected '* $count EXISTS' in: $(printf '%s' "$out" | tr '\n' ' ')"
    validity=$(head -n 1 "$INBOX/dovecot-uidlist" | tr ' ' '\n' | sed -n 's/^V//p')
    printf '%s\n' "$out" | grep -q "UIDVALIDITY $validity\]" || die "EXAMINE INBOX: UIDVALIDITY is not dovecot-uidlist's $validity"
    # APPEND with curl's upload to Drafts lands in the .Drafts Maildir (LF on disk). The upload
    # is CRLF already: curl announces the literal's size before --crlf would convert it.
    message curl-append "curl append"
    sed 's/$/\r/' "$WORK/msg/curl-append.eml" > "$WORK/msg/curl-append.crlf"
    "${CURL[@]}" --user "$BOB:$BOB_PW" --upload-file "$WORK/msg/curl-append.crlf" "imaps://127.0.0.1:$IMAPS_PORT/Drafts" \
        || die "curl APPEND to Drafts failed"
    f=$(grep -rlF "Message-ID: <$(msgid curl-append)>" "$INBOX/.Drafts/new" "$INBOX/.Drafts/cur" 2>/dev/null | head -n 1 || true)
    [ -n "$f" ] || die "the APPENDed message is not in bob's .Drafts Maildir"
    cmp -s "$f" "$WORK/msg/curl-append.eml" || die "the APPENDed file $f differs from the uploaded message"
    note "imaps:// LIST, UID SEARCH + fetch by UID (IMAPS and STARTTLS) equal to the Maildir, EXAMINE counts and UIDVALIDITY, APPEND"
}

check_fetchmail() {
    local dir=$WORK/fetchmail count got f id base size
    mkdir -p "$dir/out"
    cat > "$dir/mda.sh" <<EOF
#!/bin/sh
exec cat > "$dir/out/\$(date +%s%N).\$\$.eml"
EOF
    chmod 0755 "$dir/mda.sh"
    # sslproto without 'ssl': fetchmail must use STLS (RFC 2595) and fails if it cannot. 'keep'
    # leaves the mail on the server; the UIDL list (-i) tells the next run what it has seen.
    cat > "$dir/fetchmailrc" <<EOF
set no syslog
poll localhost via 127.0.0.1 service $POP3_PORT protocol pop3 timeout 30 uidl:
    user "$BOB" there with password "$BOB_PW" is root here
    sslproto tls1.2+ sslcertck sslcertfile "$CERT" sslcommonname localhost
    keep no rewrite
    mda "$dir/mda.sh"
EOF
    chmod 0600 "$dir/fetchmailrc"
    count=$(inbox_count)
    HOME=$dir timeout 120 fetchmail -f "$dir/fetchmailrc" -i "$dir/fetchids" --pidfile "$dir/fetchmail.pid" -v \
        > "$WORK/logs/fetchmail.txt" 2>&1 || die "fetchmail exited $? ($(grep -iE 'error|fail' "$WORK/logs/fetchmail.txt" | tail -n 1))"
    grep -q "STLS" "$WORK/logs/fetchmail.txt" || die "fetchmail did not use STLS"
    got=$(find "$dir/out" -type f | wc -l)
    [ "$got" -eq "$count" ] || die "fetchmail delivered $got messages, bob's INBOX holds $count"
    # Each Maildir file is, byte for byte, one fetched message without the Received: header
    # fetchmail adds (after Return-Path and Delivered-To).
    for f in "$INBOX"/new/* "$INBOX"/cur/*; do
        [ -f "$f" ] || continue
        id=$(grep -m 1 -i '^Message-ID:' "$f" | tr -d '\r')
        [ -n "$id" ] || die "no Message-ID in $f"
        base=$(grep -rlxF "$id" "$dir/out" | head -n 1 || true)
        [ -n "$base" ] || die "fetchmail did not fetch $id"
        without_fetchmail_received "$base" | cmp -s - "$f" || die "the fetched copy of $id differs from $f"
    done
    # A second run with the UIDL list fetches nothing new.
    HOME=$dir timeout 120 fetchmail -f "$dir/fetchmailrc" -i "$dir/fetchids" --pidfile "$dir/fetchmail.pid" \
        >> "$WORK/logs/fetchmail.txt" 2>&1 || [ $? -eq 1 ] || die "second fetchmail run failed"
    [ "$(find "$dir/out" -type f | wc -l)" -eq "$count" ] || die "a second fetchmail run fetched again (UIDLs not stable)"
    # POP3S (implicit TLS, 'ssl'), fetching every message again under a fresh UIDL list.
    mkdir -p "$dir/out-pop3s"
    sed -e "s|service $POP3_PORT|service $POP3S_PORT|" -e "s|sslproto tls1.2+|ssl sslproto tls1.2+|" \
        -e "s|$dir/mda.sh|$dir/mda-pop3s.sh|" "$dir/fetchmailrc" > "$dir/fetchmailrc-pop3s"
    sed "s|$dir/out/|$dir/out-pop3s/|" "$dir/mda.sh" > "$dir/mda-pop3s.sh"
    chmod 0600 "$dir/fetchmailrc-pop3s"
    chmod 0755 "$dir/mda-pop3s.sh"
    HOME=$dir timeout 120 fetchmail -f "$dir/fetchmailrc-pop3s" -i "$dir/fetchids-pop3s" --pidfile "$dir/fetchmail.pid" \
        >> "$WORK/logs/fetchmail.txt" 2>&1 || die "fetchmail over POP3S failed"
    [ "$(find "$dir/out-pop3s" -type f | wc -l)" -eq "$count" ] || die "fetchmail over POP3S delivered $(find "$dir/out-pop3s" -type f | wc -l) of $count messages"
    note "POP3 with STLS (sslproto tls1.2+, sslcertck with the server's certificate): $count messages equal to the Maildir; a rerun by UIDL fetches none; POP3S fetches all $count again"
}

check_mbsync() {
    local dir=$WORK/mbsync local_inbox f flags newname server_count uid
    local_inbox=$dir/mail/INBOX
    mkdir -p "$dir/mail"
    cat > "$dir/mbsyncrc" <<EOF
IMAPAccount tegami
Host 127.0.0.1
Port $IMAPS_PORT
User $BOB
Pass $BOB_PW
SSLType IMAPS
CertificateFile $CERT

IMAPStore tegami-remote
Account tegami

MaildirStore local
Path $dir/mail/
Inbox $local_inbox
SubFolders Verbatim

Channel inbox
Far :tegami-remote:INBOX
Near :local:INBOX
Sync All
Create Near
Expunge None
SyncState *
EOF
    server_count=$(inbox_count)
    HOME=$dir timeout 120 mbsync -c "$dir/mbsyncrc" -V inbox > "$WORK/logs/mbsync-1.txt" 2>&1 || die "mbsync pull failed: $(tail -n 1 "$WORK/logs/mbsync-1.txt")"
    [ "$(find "$local_inbox/new" "$local_inbox/cur" -type f | wc -l)" -eq "$server_count" ] \
        || die "mbsync pulled $(find "$local_inbox/new" "$local_inbox/cur" -type f | wc -l) messages, the server has $server_count"
    # Locally: flag one message (Maildir info :2,F), and add a new one.
    f=$(grep -rlF "Message-ID: <$(msgid seed2)>" "$local_inbox/cur" "$local_inbox/new" | head -n 1)
    [ -n "$f" ] || die "seed 2 is not in the local copy"
    flags=${f##*:2,}
    [ "$flags" != "$f" ] || flags=
    newname=$(dirname "$(dirname "$f")")/cur/$(basename "${f%%:2,*}"):2,$(printf '%s' "F$flags" | fold -w1 | sort -u | tr -d '\n')
    mv "$f" "$newname"
    message mbsync-up "mbsync upload"
    cp "$WORK/msg/mbsync-up.eml" "$local_inbox/new/$(date +%s).interop$$.localhost"
    HOME=$dir timeout 120 mbsync -c "$dir/mbsyncrc" -V inbox > "$WORK/logs/mbsync-2.txt" 2>&1 || die "mbsync push failed: $(tail -n 1 "$WORK/logs/mbsync-2.txt")"
    # On the server, through IMAP: the flag and the new message.
    imapctl flags INBOX "seed 2" | grep -qw '\\Flagged' || die "\\Flagged set locally did not reach the server: $(imapctl flags INBOX "seed 2")"
    uid=$(imapctl search INBOX "mbsync upload")
    [ -n "$uid" ] && [ "$(echo "$uid" | wc -w)" -eq 1 ] || die "the message added locally is on the server $(echo "$uid" | wc -w) times"
    f=$(grep -rlF "Message-ID: <$(msgid mbsync-up)>" "$INBOX/new" "$INBOX/cur" | head -n 1)
    # mbsync puts an X-TUID: header into what it uploads, to find the message again.
    [ -n "$f" ] && grep -v '^X-TUID: ' "$f" | cmp -s - "$WORK/msg/mbsync-up.eml" || die "the uploaded message's Maildir file differs from what mbsync sent"
    # mbsync learnt the UID from APPENDUID (UIDPLUS) and wrote it into the local file name.
    ls "$local_inbox/cur" "$local_inbox/new" | grep -qE ",U=$uid(:|,|\$)" || die "no local file carries ,U=$uid: UIDPLUS APPENDUID not used"
    # A third run changes nothing on either side.
    HOME=$dir timeout 120 mbsync -c "$dir/mbsyncrc" -V inbox > "$WORK/logs/mbsync-3.txt" 2>&1 || die "third mbsync run failed"
    [ "$(inbox_count)" -eq $((server_count + 1)) ] || die "after a third sync the server holds $(inbox_count), expected $((server_count + 1))"
    [ "$(find "$local_inbox/new" "$local_inbox/cur" -type f | wc -l)" -eq $((server_count + 1)) ] || die "after a third sync the local copy has duplicates"
    # Every folder over STARTTLS on the IMAP port, folders made and messages expunged both
    # ways: a local folder Local/Sub with a message goes up; a message trashed locally in Drafts
    # (:2,T) is expunged on the server.
    cat > "$dir/all.mbsyncrc" <<EOF
IMAPAccount tegami
Host 127.0.0.1
Port $IMAP_PORT
User $BOB
Pass $BOB_PW
SSLType STARTTLS
CertificateFile $CERT

IMAPStore tegami-remote
Account tegami

MaildirStore local
Path $dir/all/
Inbox $dir/all/INBOX
SubFolders Verbatim

Channel all
Far :tegami-remote:
Near :local:
Patterns *
Create Both
Expunge Both
Remove None
Sync All
SyncState *
EOF
    mkdir -p "$dir/all"
    HOME=$dir timeout 120 mbsync -c "$dir/all.mbsyncrc" all > "$WORK/logs/mbsync-all-1.txt" 2>&1 \
        || die "mbsync of all folders over STARTTLS failed: $(tail -n 1 "$WORK/logs/mbsync-all-1.txt")"
    for box in INBOX Drafts Sent Trash Junk Archive; do
        [ -d "$dir/all/$box/cur" ] || die "mbsync did not pull the folder $box"
    done
    f=$(grep -rlF "Message-ID: <$(msgid curl-append)>" "$dir/all/Drafts" | head -n 1 || true)
    [ -n "$f" ] || die "the Drafts message is not in mbsync's copy"
    mv "$f" "$dir/all/Drafts/cur/$(basename "${f%%:2,*}"):2,ST"
    mkdir -p "$dir/all/Local/Sub/cur" "$dir/all/Local/Sub/new" "$dir/all/Local/Sub/tmp"
    message mbsync-folder "mbsync new folder"
    cp "$WORK/msg/mbsync-folder.eml" "$dir/all/Local/Sub/new/$(date +%s).interop$$b.localhost"
    HOME=$dir timeout 120 mbsync -c "$dir/all.mbsyncrc" all > "$WORK/logs/mbsync-all-2.txt" 2>&1 \
        || die "mbsync push of all folders failed: $(tail -n 1 "$WORK/logs/mbsync-all-2.txt")"
    [ -n "$(imapctl search Local/Sub "mbsync new folder")" ] || die "the folder made locally (Local/Sub) and its message are not on the server"
    [ -z "$(imapctl search Drafts "curl append")" ] || die "the message trashed locally is still in the server's Drafts"
    note "IMAPS pull of $server_count messages, push of a local \\Flagged and a new message (APPENDUID UID $uid), a third run idempotent; every folder over STARTTLS: a local folder made and a trashed message expunged on the server"
}

# dovecot_conf DIR: DIR/dovecot.conf, Dovecot's configuration for Tegami's Maildirs
dovecot_conf() {
    local dir=$1 uid gid
    mkdir -p "$dir/run" "$dir/state"
    uid=$(stat -c %u "$INBOX")
    gid=$(stat -c %g "$INBOX")
    # Dovecot on the same Maildir, as the owner of the mail files; indexes in memory, so that it
    # works from Tegami's dovecot-uidlist, dovecot-keywords and subscriptions alone. doveadm
    # takes the user from USER and HOME (no auth service to ask).
    cat > "$dir/dovecot.conf" <<EOF
instance_name = tegami-interop
base_dir = $dir/run
state_dir = $dir/state
log_path = $dir/dovecot.log
protocols =
ssl = no
first_valid_uid = $uid
last_valid_uid = $uid
first_valid_gid = $gid
mail_uid = $uid
mail_gid = $gid
mail_location = maildir:$MAILROOT/%d/%n:INDEX=MEMORY
namespace inbox {
  inbox = yes
  separator = /
}
passdb {
  driver = static
  args = nopassword=y
}
userdb {
  driver = static
  args = uid=$uid gid=$gid home=$MAILROOT/%d/%n
}
EOF
}

check_dovecot() {
    local dir=$WORK/dovecot
    dovecot_conf "$dir"
    imapctl prepare || die "preparing folders, flags and keywords through IMAP failed"
    imapctl dump > "$dir/tegami-1.txt" || die "reading every folder through Tegami's IMAP failed"
    python3 "$HERE/imapctl.py" doveadm-dump "$dir/dovecot.conf" "$BOB" "$INBOX" > "$dir/dovecot-1.txt" 2> "$dir/doveadm.err" \
        || die "doveadm failed: $(tail -n 1 "$dir/doveadm.err")"
    diff -u "$dir/tegami-1.txt" "$dir/dovecot-1.txt" > "$dir/diff-1.txt" \
        || { cat "$dir/diff-1.txt"; die "Dovecot sees other folders, UIDs, flags or keywords than Tegami's IMAP (diff in log)"; }
    # Tegami still sees the same after Dovecot opened (and synced) every folder.
    imapctl dump > "$dir/tegami-2.txt" || die "reading through Tegami's IMAP after Dovecot failed"
    diff -u "$dir/tegami-1.txt" "$dir/tegami-2.txt" \
        || die "Tegami's IMAP view changed after Dovecot opened the folders"
    # The other way: a flag and a keyword set by Dovecot, a message it saves (taking the next
    # UID in dovecot-uidlist) and a folder it creates and subscribes reach Tegami's IMAP.
    USER=$BOB HOME=$INBOX doveadm -c "$dir/dovecot.conf" flags add '\Answered $FromDovecot' mailbox Reports ALL \
        || die "doveadm flags add failed"
    message dovecot-save "saved by doveadm"
    USER=$BOB HOME=$INBOX doveadm -c "$dir/dovecot.conf" save -m Reports < "$WORK/msg/dovecot-save.eml" \
        || die "doveadm save failed"
    USER=$BOB HOME=$INBOX doveadm -c "$dir/dovecot.conf" mailbox create -s "Made by Dovecot" \
        || die "doveadm mailbox create failed"
    python3 "$HERE/imapctl.py" doveadm-dump "$dir/dovecot.conf" "$BOB" "$INBOX" > "$dir/dovecot-3.txt" || die "doveadm failed"
    local same=no
    for _ in $(seq 1 30); do
        imapctl dump > "$dir/tegami-3.txt" || die "reading through Tegami's IMAP failed"
        if cmp -s "$dir/tegami-3.txt" "$dir/dovecot-3.txt"; then same=yes; break; fi
        sleep 0.5
    done
    [ $same = yes ] || { diff -u "$dir/tegami-3.txt" "$dir/dovecot-3.txt" || true; die "flags set by Dovecot did not show in Tegami's IMAP within 15 s"; }
    grep -q '\$FromDovecot' "$dir/tegami-3.txt" || die "the keyword set by Dovecot is missing"
    grep -q "^subscribed.Made by Dovecot$" "$dir/tegami-3.txt" || die "the folder made by Dovecot is missing"
    local saved
    saved=$(imapctl search Reports "saved by doveadm")
    grep -qP "^message\tReports\t$saved\t" "$dir/dovecot-3.txt" || die "the message saved by Dovecot has UID '$saved' in Tegami, not Dovecot's"
    note "$(grep -c '^folder' "$dir/tegami-1.txt") folders, $(grep -c '^message' "$dir/tegami-1.txt") messages: same UIDVALIDITY, UIDNEXT, UIDs, flags, keywords, subscriptions; Dovecot's flags, saved message and new folder seen by Tegami"
}

check_dkim() {
    local dir=$WORK/dkim sink_port sink_pid py i
    mkdir -p "$dir"
    # dkimpy is installed for the system's Python (python3-dkim), which may not be the first
    # python3 on PATH: use the interpreter of its dkimverify script.
    py=$(head -n 1 "$(command -v dkimverify)" | sed 's/^#! *//; s/ .*//')
    pick_port; sink_port=$REPLY
    # The remote server: one SMTP session on a loopback port, the message saved as received
    # (dots un-stuffed); socket code, as the smtpd module is gone from Python 3.12.
    cat > "$dir/sink.py" <<'EOF'
import socket, sys
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", int(sys.argv[1]))); srv.listen(1); srv.settimeout(90)
conn, _ = srv.accept(); conn.settimeout(60); f = conn.makefile("rb")
def say(line): conn.sendall(line.encode() + b"\r\n")
say("220 sink.test ESMTP")
while True:
    line = f.readline()
    if not line:
        break
    verb = line[:4].upper()
    if verb in (b"EHLO", b"HELO"):
        say("250-sink.test"); say("250-8BITMIME"); say("250 SIZE 104857600")
    elif verb == b"DATA":
        say("354 go on")
        data = bytearray()
        while True:
            l = f.readline()
            if l in (b".\r\n", b""):
                break
            data += l[1:] if l.startswith(b".") else l
        open(sys.argv[2] + ".tmp", "wb").write(bytes(data))
        __import__("os").rename(sys.argv[2] + ".tmp", sys.argv[2])
        say("250 2.0.0 kept")
    elif verb == b"QUIT":
        say("221 bye"); break
    else:
        say("250 ok")
conn.close()
EOF
    timeout 120 python3 "$dir/sink.py" "$sink_port" "$dir/received.eml" > "$dir/sink.log" 2>&1 &
    sink_pid=$!
    # Mail for sink.test goes to the sink; the routing plugin reads the rules within a second.
    echo "sink.test relay smtp:[127.0.0.1]:$sink_port" >> "$CONF/routes"
    "${AS[@]}" "$ROOT/bin/tegami" dkim keygen example.org --selector interop > "$dir/keygen.txt" 2> "$dir/keygen.err" \
        || die "bin/tegami dkim keygen example.org failed: $(tail -n 1 "$dir/keygen.err")"
    "${AS[@]}" "$ROOT/bin/tegami" dkim show example.org > "$dir/show.txt" 2>&1 \
        || die "bin/tegami dkim show example.org failed: $(tail -n 1 "$dir/show.txt")"
    cmp -s "$dir/keygen.txt" "$dir/show.txt" || die "dkim show prints another record than keygen did"
    grep -q '^interop._domainkey.example.org. IN TXT "v=DKIM1; k=rsa; p=' "$dir/show.txt" \
        || die "unexpected record: $(head -c 120 "$dir/show.txt")"
    # The running server takes the new key on reload (its settings did not change).
    "${AS[@]}" "$ROOT/bin/tegami" reload > "$dir/reload.txt" 2>&1 || die "bin/tegami reload failed: $(tail -n 1 "$dir/reload.txt")"
    sleep 1.5
    {
        printf 'From: Alice <alice@example.org>\nTo: Dave <dave@sink.test>\nSubject: dkim interop\n'
        printf 'Date: %s\nMessage-ID: <%s>\nMIME-Version: 1.0\n' "$(LC_ALL=C date -R)" "$(msgid dkim)"
        printf 'Content-Type: text/plain; charset=us-ascii\n\nSigned  by Tegami, \t checked by dkimpy.\n.a dot\n\n\n'
    } > "$WORK/msg/dkim.eml"
    "${AS[@]}" "$ROOT/bin/tegami" sendmail -f "$ALICE" dave@sink.test < "$WORK/msg/dkim.eml" \
        || die "bin/tegami sendmail to dave@sink.test failed"
    for i in $(seq 1 150); do [ -s "$dir/received.eml" ] && break; sleep 0.2; done
    [ -s "$dir/received.eml" ] || die "no message reached the sink on port $sink_port within 30 s"
    # The relay sends QUIT once its idle connection times out (smtp.relay.connection-idle, 5 s).
    for i in $(seq 1 50); do kill -0 "$sink_pid" 2>/dev/null || break; sleep 0.2; done
    kill "$sink_pid" 2>/dev/null || true
    wait "$sink_pid" 2>/dev/null || true
    head -c 15 "$dir/received.eml" | grep -q '^DKIM-Signature:' || die "the relayed message does not start with DKIM-Signature"
    "$py" - "$dir/received.eml" "$dir/show.txt" > "$dir/verify.txt" 2>&1 <<'EOF' || die "dkimpy: $(tail -n 1 "$dir/verify.txt")"
import re, sys, dkim
message = open(sys.argv[1], "rb").read()
name, strings = open(sys.argv[2]).read().strip().split(" IN TXT ", 1)
txt = "".join(re.findall(r'"([^"]*)"', strings)).encode()
def dnsfunc(qname, timeout=5):
    qname = qname.decode() if isinstance(qname, bytes) else qname
    return txt if qname.rstrip(".").lower() == name.rstrip(".").lower() else None
ok = dkim.verify(message, dnsfunc=dnsfunc)
field = message.split(b"\r\nFrom:")[0].replace(b"\r\n", b"").decode()
tags = dict((k.strip(), v.strip()) for k, v in re.findall(r"(\w+)=([^;]*)", field.split(":", 1)[1]))
print("verified" if ok else "NOT verified", "a=" + tags.get("a", ""), "d=" + tags.get("d", ""), "s=" + tags.get("s", ""))
if not ok:
    sys.exit("the signature does not verify")
EOF
    note "key made by 'tegami dkim keygen', taken on reload; the message relayed to a loopback sink $(tail -n 1 "$dir/verify.txt") by dkimpy"
}

check_spf() {
    local dir=$WORK/spf hostname
    mkdir -p "$dir"
    hostname=$(sed -n 's/^hostname *= *//p' "$CONF/tegami.conf")
    # Check loopback clients too, and record every result instead of refusing fail.
    set_key smtp.spf record
    set_key smtp.check-exempt ""
    "${AS[@]}" "$ROOT/bin/tegami" reload > "$dir/reload.txt" 2>&1 || die "bin/tegami reload failed: $(tail -n 1 "$dir/reload.txt")"
    local rc=0
    timeout 300 /usr/bin/python3 "$HERE/spfdiff.py" "$SMTP_PORT" "$DNS_PORT" "$INBOX" "$hostname" 300 \
        > "$dir/spfdiff.txt" 2>&1 || rc=$?
    cat "$dir/spfdiff.txt"
    set_key smtp.spf reject-fail
    set_key smtp.check-exempt "127.0.0.0/8, ::1"
    "${AS[@]}" "$ROOT/bin/tegami" reload >> "$dir/reload.txt" 2>&1 || die "bin/tegami reload (back) failed: $(tail -n 1 "$dir/reload.txt")"
    [ $rc -eq 0 ] || die "$(grep -c '^DIFF' "$dir/spfdiff.txt") results differ from pyspf: $(grep -m 1 '^DIFF\|Error\|error' "$dir/spfdiff.txt")"
    local known
    known=$(grep -c '  [0-9]* known:' "$dir/spfdiff.txt" || true)
    note "$(grep '^seed' "$dir/spfdiff.txt" | sed 's/; pyspf results.*//') between Tegami's Authentication-Results and pyspf (${known} kind(s) of known pyspf deviation from RFC 7208 seen)"
}

check_sort_thread() {
    local dir=$WORK/sort-thread
    dovecot_conf "$dir"
    IMAP_PORT=$IMAPS_PORT IMAP_CAFILE=$CERT IMAP_USER=$BOB IMAP_PASS=$BOB_PW \
        timeout 300 python3 "$HERE/sortdiff.py" "$dir/dovecot.conf" "$BOB" "$INBOX" 200 > "$dir/sortdiff.txt" 2>&1 \
        || { cat "$dir/sortdiff.txt"; die "$(grep -c '^DIFF' "$dir/sortdiff.txt") SORT/THREAD answers differ from Dovecot's: $(grep -m 1 '^DIFF\|rror' "$dir/sortdiff.txt")"; }
    note "$(grep '^seed' "$dir/sortdiff.txt") between Tegami's and Dovecot's UID SORT (9 keys, REVERSE, search keys) and UID THREAD (ORDEREDSUBJECT, REFERENCES) on the same Maildir"
}

check_server_log() {
    grep -nE '(ERROR|Exception|^\s+at [a-z]+\.)' "$WORK/logs/server.log" > "$WORK/logs/server-errors.txt" \
        && die "the server log has $(wc -l < "$WORK/logs/server-errors.txt") ERROR/exception lines, first: $(head -n 1 "$WORK/logs/server-errors.txt")"
    kill -0 "$SERVER_PID" 2>/dev/null || die "the server is no longer running"
    note "no ERROR or exception in the server log; server still running"
}

check swaks check_swaks
check msmtp check_msmtp
check curl-smtp check_curl_smtp
check sendmail check_sendmail
check curl-pop3 check_curl_pop3
check curl-imap check_curl_imap
check fetchmail check_fetchmail
check mbsync check_mbsync
check dovecot check_dovecot
check dkim check_dkim
check spf check_spf
check sort-thread check_sort_thread
check server-log check_server_log

echo "interop: $(($(date +%s) - START)) s"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
