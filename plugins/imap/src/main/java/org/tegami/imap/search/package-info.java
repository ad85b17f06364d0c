/** SEARCH (RFC 3501 6.4.4): the criteria tree and its evaluation against messages; SORT's order (RFC 5256, RFC 5957); THREAD's algorithms (RFC 5256). */
package org.tegami.imap.search;
