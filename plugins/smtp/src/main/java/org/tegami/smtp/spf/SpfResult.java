package org.tegami.smtp.spf;

import java.util.Locale;

/** The results of an SPF check (RFC 7208 section 2.6). */
public enum SpfResult {
    /** No SPF record, or no checkable domain. */
    NONE,
    /** The domain states nothing about the client ({@code ?}). */
    NEUTRAL,
    /** The client may send mail for the domain. */
    PASS,
    /** The client may not send mail for the domain ({@code -}). */
    FAIL,
    /** Probably not allowed ({@code ~}). */
    SOFTFAIL,
    /** A DNS failure that may pass; retry later. */
    TEMPERROR,
    /** The domain's record cannot be evaluated (syntax, limits). */
    PERMERROR;

    /** The result's name as written in headers ({@code pass}, {@code softfail}, ...). */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
