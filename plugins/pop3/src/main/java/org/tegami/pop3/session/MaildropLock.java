package org.tegami.pop3.session;

import java.util.Optional;

/**
 * A held maildrop lock. {@link #refresh()} keeps its file fresh while the session is active;
 * {@link #close()} releases it (idempotent). Used by one session thread.
 */
public final class MaildropLock implements AutoCloseable {

    private final MaildropLocks owner;
    private final String user;
    private final Optional<LockFile> file;
    private boolean released;

    MaildropLock(MaildropLocks owner, String user, Optional<LockFile> file) {
        this.owner = owner;
        this.user = user;
        this.file = file;
    }

    String user() {
        return user;
    }

    Optional<LockFile> file() {
        return file;
    }

    /** Marks the lock as alive, so that another server does not take it for a dead one's. */
    public void refresh() {
        if (!released) {
            file.ifPresent(LockFile::touch);
        }
    }

    @Override
    public void close() {
        if (!released) {
            released = true;
            file.ifPresent(LockFile::delete);
            owner.release(this);
        }
    }
}
