/** File-system facts shared by the spool and the Maildir code. */
package org.tegami.core.fs;
