package org.tegami.routing.file;

/**
 * One entry of a table file after joining continuation lines.
 *
 * @param number the 1-based number of the physical line the entry starts on
 * @param text the entry's text, continuation lines joined with one space, stripped
 */
public record LogicalLine(int number, String text) {
}
