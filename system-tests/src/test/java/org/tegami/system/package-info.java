/** Tests that run the packaged server as real processes: crashes, shared spools, the command line. */
package org.tegami.system;
