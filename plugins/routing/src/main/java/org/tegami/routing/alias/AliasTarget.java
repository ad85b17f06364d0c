package org.tegami.routing.alias;

import java.nio.file.Path;
import org.tegami.api.MailAddress;

/** One target on the right side of an aliases(5) entry. */
public sealed interface AliasTarget {

    /** {@code bob@example.org}: a full address. */
    record Address(MailAddress address) implements AliasTarget {
    }

    /** {@code bob}: that name in the domain of the address being expanded. */
    record LocalName(String name) implements AliasTarget {
    }

    /** {@code |command args}: pipe the message to the command. */
    record Command(String command) implements AliasTarget {
    }

    /** {@code /path/file}: append the message to the file. */
    record File(Path file) implements AliasTarget {
    }

    /** {@code :include:/path}: the targets listed in that file. */
    record Include(Path file) implements AliasTarget {
    }
}
