/** Small in-memory stand-ins for the host (connection, server services) used by session tests. */
package org.tegami.smtp.fake;
