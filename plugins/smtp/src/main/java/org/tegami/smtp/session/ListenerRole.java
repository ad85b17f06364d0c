package org.tegami.smtp.session;

/** What a listener is for; decides whether MAIL needs AUTH. */
public enum ListenerRole {
    /** Port 25: mail from other servers, relaying only for authenticated clients. */
    MX("smtp", false),
    /** Port 587, RFC 6409: AUTH before MAIL. */
    SUBMISSION("submission", true),
    /** Port 465, RFC 8314: submission over implicit TLS, AUTH before MAIL. */
    SUBMISSIONS("smtps", true);

    private final String listenerName;
    private final boolean requiresAuth;

    ListenerRole(String listenerName, boolean requiresAuth) {
        this.listenerName = listenerName;
        this.requiresAuth = requiresAuth;
    }

    public String listenerName() {
        return listenerName;
    }

    public boolean requiresAuth() {
        return requiresAuth;
    }

    /** The role of a listener by its name; unknown names are treated as MX, the strictest about relaying. */
    public static ListenerRole of(String listenerName) {
        for (ListenerRole role : values()) {
            if (role.listenerName.equals(listenerName)) {
                return role;
            }
        }
        return MX;
    }
}
