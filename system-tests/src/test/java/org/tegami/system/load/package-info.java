/** Load on the packaged server as real processes: shared spool under submissions and a kill. */
package org.tegami.system.load;
