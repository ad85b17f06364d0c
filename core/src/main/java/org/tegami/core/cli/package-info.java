/** The {@code tegami} command line: one class per command, dispatched by {@code Main}. */
package org.tegami.core.cli;
