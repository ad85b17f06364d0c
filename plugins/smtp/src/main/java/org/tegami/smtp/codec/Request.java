package org.tegami.smtp.codec;

/**
 * One parsed command line.
 *
 * @param verb the command verb, upper-case ({@code MAIL})
 * @param argument the rest of the line after one space, possibly empty ({@code FROM:<a@b> SIZE=10})
 */
public record Request(String verb, String argument) {
}
