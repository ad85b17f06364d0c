/** Routing rules ({@code conf/routes}): recipient patterns, relay and reject actions, first match wins. */
package org.tegami.routing.rule;
