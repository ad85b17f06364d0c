package org.tegami.smtp.spf;

import org.tegami.api.ConfigException;

/** What the SMTP server does with SPF ({@code smtp.spf}). */
public enum SpfMode {
    /** No check. */
    OFF("off"),
    /** Check and write the result in an {@code Authentication-Results:} header. */
    RECORD("record"),
    /** Also refuse MAIL FROM when the result is {@code fail} (Postfix's policyd-spf default). */
    REJECT_FAIL("reject-fail");

    private final String key;

    SpfMode(String key) {
        this.key = key;
    }

    /** The setting's value for this mode. */
    public String key() {
        return key;
    }

    /** The mode a setting names. */
    public static SpfMode of(String value) throws ConfigException {
        for (SpfMode m : values()) {
            if (m.key.equalsIgnoreCase(value.strip())) {
                return m;
            }
        }
        throw new ConfigException("smtp.spf: must be off, record or reject-fail, not '" + value + "'");
    }
}
