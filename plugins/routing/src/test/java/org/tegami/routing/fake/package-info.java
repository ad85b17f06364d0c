/** Small in-memory stand-ins for the host's services, for the routing tests. */
package org.tegami.routing.fake;
