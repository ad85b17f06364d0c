/** Turning queued recipients into deliveries: the router chain, local delivery, pipes, files, transports. */
package org.tegami.core.delivery;
