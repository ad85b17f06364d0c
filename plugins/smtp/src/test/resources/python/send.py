"""Sends one message with Python's smtplib; used by the wire tests.

usage: send.py MODE HOST PORT SUBJECT [DOMAIN]
Sends from alice@DOMAIN (password "secret") to bob@DOMAIN; DOMAIN defaults to "test".
MODE: starttls (STARTTLS + AUTH PLAIN), smtps (implicit TLS + AUTH), mx (plain, no AUTH)
"""
import smtplib
import ssl
import sys
from email.message import EmailMessage

mode, host, port, subject = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
domain = sys.argv[5] if len(sys.argv) > 5 else "test"
context = ssl.create_default_context()
context.check_hostname = False
context.verify_mode = ssl.CERT_NONE

msg = EmailMessage()
msg["From"] = "alice@" + domain
msg["To"] = "bob@" + domain
msg["Subject"] = subject
msg.set_content("Sent by smtplib.\n.hidden dot\n")

if mode == "smtps":
    client = smtplib.SMTP_SSL(host, port, context=context, timeout=20)
else:
    client = smtplib.SMTP(host, port, timeout=20)
with client:
    client.ehlo("python.test")
    if mode == "starttls":
        client.starttls(context=context)
        client.ehlo("python.test")
    if mode != "mx":
        client.login("alice@" + domain, "secret")
    refused = client.send_message(msg)
    if refused:
        sys.exit("refused: %r" % refused)
    if mode == "mx":
        try:
            client.sendmail("x@spam.example", ["victim@elsewhere.example"], "Subject: relay\r\n\r\nx\r\n")
            sys.exit("relayed for an unauthenticated client")
        except smtplib.SMTPRecipientsRefused as e:
            code = e.recipients["victim@elsewhere.example"][0]
            if code != 550:
                sys.exit("unexpected code %d" % code)
print("sent")
