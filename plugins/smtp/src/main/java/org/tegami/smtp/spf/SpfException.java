package org.tegami.smtp.spf;

/**
 * Ends a check early with {@link SpfResult#PERMERROR} (bad record, limits) or
 * {@link SpfResult#TEMPERROR} (DNS failure); the message is the verdict's reason.
 */
final class SpfException extends Exception {

    private static final long serialVersionUID = 1L;

    private final SpfResult result;

    private SpfException(SpfResult result, String reason) {
        super(reason, null, false, false);
        this.result = result;
    }

    static SpfException permerror(String reason) {
        return new SpfException(SpfResult.PERMERROR, reason);
    }

    static SpfException temperror(String reason) {
        return new SpfException(SpfResult.TEMPERROR, reason);
    }

    SpfResult result() {
        return result;
    }
}
