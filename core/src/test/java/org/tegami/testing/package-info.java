/**
 * Test support shared with the plugins through core's test-jar: a real server on port 0
 * ({@link org.tegami.testing.TestServer}), a plain router and a self-signed TLS provider.
 */
package org.tegami.testing;
