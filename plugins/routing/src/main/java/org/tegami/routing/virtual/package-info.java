/** The virtual alias map (Postfix virtual(5)): parser and lookup table. */
package org.tegami.routing.virtual;
