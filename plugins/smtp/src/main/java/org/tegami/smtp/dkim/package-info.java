/**
 * DKIM signing of relayed mail (RFC 6376, with Ed25519 from RFC 8463).
 *
 * <p>Pure parts, no I/O: {@link org.tegami.smtp.dkim.HeaderSplitter} (header section into
 * fields), {@link org.tegami.smtp.dkim.RelaxedHeader} and {@link org.tegami.smtp.dkim.RelaxedBody}
 * (the "relaxed" canonicalizations, 3.4.2 and 3.4.4), {@link org.tegami.smtp.dkim.FromDomain}
 * (whose domain signs), {@link org.tegami.smtp.dkim.FoldedHeader} (the tag list, folded),
 * {@link org.tegami.smtp.dkim.DkimSigner} (the signature itself) and
 * {@link org.tegami.smtp.dkim.PemKeys} (PEM PKCS#8 keys). With I/O:
 * {@link org.tegami.smtp.dkim.DkimKeyFolder} reads the keys folder,
 * {@link org.tegami.smtp.dkim.MessageScan} reads a message once from the spool, and
 * {@link org.tegami.smtp.dkim.OutboundSigner} puts it together for the relay.
 */
package org.tegami.smtp.dkim;
