/**
 * One class per POP3 verb and the {@link org.tegami.pop3.command.CommandTable} that maps verbs
 * to them with their legal states and TLS requirement. Handlers check syntax, act on the
 * session's maildrop and return a {@link org.tegami.pop3.codec.Pop3Reply}; they never touch
 * the socket.
 */
package org.tegami.pop3.command;
