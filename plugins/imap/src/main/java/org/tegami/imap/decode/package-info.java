/**
 * Reading and parsing client commands: {@link org.tegami.imap.decode.CommandReader} collects a
 * command with its literals under size limits, {@link org.tegami.imap.decode.RequestParser}
 * dispatches to one parser per command family, each producing an immutable
 * {@link org.tegami.imap.decode.Request}. No I/O happens in the parsers.
 */
package org.tegami.imap.decode;
