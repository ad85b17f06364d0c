/** Tests over real sockets against core with the IMAP plugin: transcripts, IDLE, real clients. */
package org.tegami.imap.wire;
