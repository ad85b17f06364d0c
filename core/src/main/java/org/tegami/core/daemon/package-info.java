/**
 * What ties the foreground process {@code tegami run} to the operator: the pid file that
 * {@code tegami reload} finds it by, the SIGHUP hook, and the file in which the daemon reports how
 * each reload ended.
 */
package org.tegami.core.daemon;
