/**
 * Test helpers for the POP3 plugin: small fakes (connection, server context, INBOX), the
 * transcript format and its in-memory and TCP runners, the real-server wrapper over core's
 * TestServer, and a generator of mixed mailboxes.
 */
package org.tegami.pop3.testing;
