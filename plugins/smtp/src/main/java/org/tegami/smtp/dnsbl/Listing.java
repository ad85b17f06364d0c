package org.tegami.smtp.dnsbl;

/**
 * A client found in a blocklist.
 *
 * @param zone the list's zone ({@code zen.spamhaus.org})
 * @param code the address the list answered ({@code 127.0.0.2}), which says why by the list's own codes
 * @param reason the list's TXT text for the entry, printable ASCII, or empty
 */
public record Listing(String zone, String code, String reason) {
}
