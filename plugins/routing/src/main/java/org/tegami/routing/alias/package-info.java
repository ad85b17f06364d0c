/**
 * aliases(5): the file parser, the include-file parser, the loaded table and the expansion of
 * nested aliases with loop detection.
 */
package org.tegami.routing.alias;
