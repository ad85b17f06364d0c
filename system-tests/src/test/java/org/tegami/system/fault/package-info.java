/**
 * Fault tests against the packaged server as a real process: a full disk (tmpfs), {@code kill -9}
 * under load, a remote MX and a DNS server that never answer, damaged queue files. Each proves
 * that nothing accepted is lost or delivered twice and that the server recovers by itself.
 */
package org.tegami.system.fault;
