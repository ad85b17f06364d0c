/**
 * One class per SMTP verb, each declaring the states it is legal in, checking its argument and
 * acting on the {@link org.tegami.smtp.session.SessionContext}; the
 * {@link org.tegami.smtp.command.CommandTable} maps verbs to them per listener and wraps the
 * TLS and AUTH requirements around them. Commands never touch the connection: they return a
 * {@link org.tegami.smtp.command.Response} that tells the session what to send or read next.
 * Beside them, free of I/O, {@code SenderOwnership} decides which sender addresses an
 * authenticated user owns, for MAIL.
 */
package org.tegami.smtp.command;
