package org.tegami.smtp.spf;

/**
 * What the macro letters of RFC 7208 7.2 stand for in one check, except {@code d} (the domain
 * being evaluated, which changes in include and redirect).
 *
 * @param sender {@code s}: the sender, local part and domain
 * @param local {@code l}: the sender's local part
 * @param senderDomain {@code o}: the sender's domain
 * @param client {@code i}, {@code c}, {@code v}: the client address's bytes
 * @param helo {@code h}: the HELO/EHLO domain
 * @param receiver {@code r}: this server's name
 * @param now {@code t}: the current time in seconds since the epoch
 * @param ptr {@code p}: finds the client's validated domain name
 */
record MacroContext(String sender, String local, String senderDomain, byte[] client, String helo,
        String receiver, long now, ValidatedName ptr) {

    /** The value of a (lower-case) macro letter, RFC 7208 7.2 and 7.3. */
    String value(char letter, String domain) throws SpfException {
        return switch (letter) {
            case 's' -> sender;
            case 'l' -> local;
            case 'o' -> senderDomain;
            case 'd' -> domain;
            case 'i' -> IpBytes.dotted(client);
            case 'p' -> ptr.find(domain);
            case 'v' -> client.length == 4 ? "in-addr" : "ip6";
            case 'h' -> helo;
            case 'c' -> IpBytes.text(client);
            case 'r' -> receiver.isEmpty() ? "unknown" : receiver;
            case 't' -> Long.toString(now);
            default -> throw SpfException.permerror("unknown macro letter");
        };
    }

    /** Looks up the validated domain name of the client for {@code %{p}} (RFC 7208 7.3). */
    @FunctionalInterface
    interface ValidatedName {
        /** The name, or "unknown"; {@code domain} is the domain being evaluated. */
        String find(String domain) throws SpfException;
    }
}
