/** SEARCH (RFC 3501 6.4.4): the criteria tree and its evaluation against messages. */
package org.tegami.imap.search;
