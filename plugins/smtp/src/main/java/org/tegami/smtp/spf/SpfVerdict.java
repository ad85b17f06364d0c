package org.tegami.smtp.spf;

/**
 * The outcome of one SPF check.
 *
 * @param result the result
 * @param domain the domain checked (of MAIL FROM, or the HELO name for the null sender), or
 *     empty when there was no checkable domain
 * @param reason why, in a few words of printable US-ASCII fit for a header comment or an SMTP
 *     reply (for example {@code matched ip4:192.0.2.0/24} or {@code no SPF record}); for
 *     {@link SpfResult#FAIL} the domain's own explanation ({@code exp=}) when it gave one
 */
public record SpfVerdict(SpfResult result, String domain, String reason) {
}
