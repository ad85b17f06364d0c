package org.tegami.routing;

import java.nio.file.Path;
import org.tegami.api.ConfigException;
import org.tegami.api.Settings;
import org.tegami.routing.address.RecipientDelimiter;

/**
 * The routing plugin's settings ({@code routing.*} in {@code conf/tegami.conf}). Every router
 * reads all of them, so none is reported unknown when only some routers are enabled.
 *
 * @param delimiter {@code recipient-delimiter}, default {@code +}; empty switches it off
 * @param aliases {@code aliases}, the aliases(5) file, default {@code conf/aliases}
 * @param virtual {@code virtual}, the virtual alias map, default {@code conf/virtual}
 * @param rules {@code rules}, the routing rules, default {@code conf/routes}
 */
record RoutingSettings(RecipientDelimiter delimiter, Path aliases, Path virtual, Path rules) {

    /** Reads and checks the settings. */
    static RoutingSettings read(Settings settings) throws ConfigException {
        String delimiter = settings.string("recipient-delimiter", RecipientDelimiter.DEFAULT);
        if (delimiter.chars().anyMatch(c -> c == '@' || c == '"' || Character.isWhitespace(c) || c < 0x20)) {
            throw new ConfigException("routing.recipient-delimiter: must not contain @, quotes or blanks: \"" + delimiter + "\"");
        }
        return new RoutingSettings(new RecipientDelimiter(delimiter),
                settings.path("aliases", Path.of("conf/aliases")),
                settings.path("virtual", Path.of("conf/virtual")),
                settings.path("rules", Path.of("conf/routes")));
    }
}
