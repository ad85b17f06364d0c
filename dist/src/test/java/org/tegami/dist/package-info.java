/** Tests of the distribution archive: unpacked and run as an operator would, through bin/. */
package org.tegami.dist;
