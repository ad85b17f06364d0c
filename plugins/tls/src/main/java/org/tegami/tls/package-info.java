/**
 * The TLS plugin: the server {@link javax.net.ssl.SSLContext} for every listener, built from
 * PEM files (or a self-signed certificate made at first start), restricted to TLS 1.2 and 1.3
 * with forward-secret AEAD suites, choosing among several certificates by SNI, and rebuilt when
 * the certificate files change.
 */
package org.tegami.tls;
