package org.tegami.pop3;

import org.pf4j.Plugin;

/** The POP3 plugin: its {@link Pop3Service} is an {@code @Extension} found by PF4J. */
public class Pop3Plugin extends Plugin {
}
