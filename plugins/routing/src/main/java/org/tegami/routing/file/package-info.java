/**
 * Reading the routing plugin's table files: logical lines with continuation, parse results
 * that carry the skipped bad lines, and snapshots that are swapped when a file changes.
 */
package org.tegami.routing.file;
