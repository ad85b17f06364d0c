/**
 * Reading {@code conf/tegami.conf}: the line parser, typed {@link org.tegami.api.Settings}
 * scoped to a key prefix that remember which keys were read, the core's typed
 * {@link org.tegami.core.config.ServerConfig}, and {@link org.tegami.core.config.ConfigCheck}
 * behind {@code tegami check-config}.
 */
package org.tegami.core.config;
