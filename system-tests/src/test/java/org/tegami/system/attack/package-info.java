/**
 * Attack tests at the wire: raw protocol over real sockets against the packaged server with all
 * plugins, from the view of a hostile client on every listener (relay abuse, smuggling, STARTTLS
 * injection, password guessing, path escapes, oversized input, command floods, slow and half-open
 * clients). Every reply read is checked for leaked Java internals.
 */
package org.tegami.system.attack;
