package org.tegami.imap;

import org.pf4j.Plugin;

/** The IMAP plugin: its {@link ImapService} is an {@code @Extension} found by PF4J. */
public class ImapPlugin extends Plugin {
}
