package org.tegami.core.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.tegami.api.MailboxException;

class DiskFullTest {

    @Test
    void recognisesFullDiskAndQuotaAlsoAsCause() {
        assertTrue(DiskFull.is(new IOException("No space left on device")));
        assertTrue(DiskFull.is(new IOException("Disk quota exceeded")));
        IOException wrapped = new IOException("write failed", new UncheckedIOException(new IOException("No space left on device")));
        assertTrue(DiskFull.is(wrapped));
        assertFalse(DiskFull.is(new IOException("Permission denied")));
        assertFalse(DiskFull.is(new IOException()));
    }

    @Test
    void fullDiskBecomesOverQuotaRefusalOtherErrorsStayAsTheyAre() {
        IOException full = new IOException("No space left on device");
        IOException refusal = DiskFull.forClient(full);
        assertTrue(refusal instanceof MailboxException);
        assertEquals(MailboxException.Reason.OVER_QUOTA, ((MailboxException) refusal).reason());
        assertEquals("Not enough disk space", refusal.getMessage());
        assertSame(full, refusal.getCause());
        IOException other = new IOException("Input/output error");
        assertSame(other, DiskFull.forClient(other));
    }
}
