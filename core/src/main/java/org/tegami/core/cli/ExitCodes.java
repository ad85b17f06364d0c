package org.tegami.core.cli;

/** sysexits(3) codes, as sendmail and Postfix use them. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int USAGE = 64;
    public static final int DATA_ERROR = 65;
    public static final int NO_USER = 67;
    public static final int SOFTWARE = 70;
    public static final int IO_ERROR = 74;
    public static final int TEMP_FAIL = 75;
    public static final int CONFIG = 78;

    private ExitCodes() {
    }
}
