package org.tegami.tls;

import org.pf4j.Plugin;

/** The TLS plugin; its {@link TlsService} is found by PF4J as an extension. */
public class TlsPlugin extends Plugin {
}
