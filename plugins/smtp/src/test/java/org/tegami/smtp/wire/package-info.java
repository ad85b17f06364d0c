/**
 * Tests at the wire: core with the SMTP and TLS plugins on real sockets, driven by transcripts
 * ({@link org.tegami.smtp.wire.TranscriptRunner}), Angus Mail and Python smtplib.
 */
package org.tegami.smtp.wire;
