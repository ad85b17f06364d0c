/**
 * The Sender Policy Framework check of RFC 7208: {@link org.tegami.smtp.spf.SpfChecker} runs
 * check_host() for the client address and the MAIL FROM (or HELO) domain over an injected
 * {@link org.tegami.smtp.spf.SpfDns}, and always answers with an
 * {@link org.tegami.smtp.spf.SpfVerdict}. Record parsing (section 12), macro expansion
 * (section 7) and evaluation (sections 4 to 6) are separate classes; the evaluation enforces the
 * DNS lookup limits of section 4.6.4 for the whole check, nested includes and redirects
 * included. {@link org.tegami.smtp.spf.ResolverSpfDns} asks the real DNS within a time budget;
 * {@link org.tegami.smtp.spf.SpfGate} runs checks as {@code smtp.spf} says and decides whether
 * a result refuses the sender.
 */
package org.tegami.smtp.spf;
