/**
 * The crash-safe spool: message and envelope files written in {@code tmp/}, fsync'd and
 * renamed into place with group commit, claimed by rename, picked up from {@code incoming/}.
 * The legal on-disk states and their recovery are listed in {@code docs/spool-states.md}.
 */
package org.tegami.core.spool;
