package org.tegami.smtp;

import org.pf4j.Plugin;

/** The SMTP plugin; its {@link SmtpService} is found by PF4J as an extension. */
public class SmtpPlugin extends Plugin {
}
