package org.tegami.core.metrics;

/**
 * The connection metrics of one listener, looked up once when it is bound.
 *
 * @param opened connections admitted
 * @param open connections admitted and not yet closed
 * @param refusedTotalLimit turned away because {@code net.max-connections} was reached
 * @param refusedAddressLimit turned away because {@code net.max-connections-per-ip} was reached
 */
public record ListenerMetrics(Counter opened, Gauge open, Counter refusedTotalLimit, Counter refusedAddressLimit) {
}
