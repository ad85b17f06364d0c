package org.tegami.smtp;

import org.pf4j.Plugin;
import org.tegami.smtp.dns.DnsClient;

/** The SMTP plugin; its {@link SmtpService} is found by PF4J as an extension. */
public class SmtpPlugin extends Plugin {

    /** Ends what dnsjava started in this plugin's class loader, which is about to go. */
    @Override
    public void stop() {
        DnsClient.releaseNetwork();
    }
}
