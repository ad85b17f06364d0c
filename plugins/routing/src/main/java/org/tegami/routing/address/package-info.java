/** Address helpers shared by the routers: recipient delimiters and local account lookup. */
package org.tegami.routing.address;
