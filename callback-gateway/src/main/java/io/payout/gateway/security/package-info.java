/**
 * {@link io.payout.gateway.security.SourceNetworks}: the optional allow-list of networks Huifu's notifications may
 * come from ({@code gateway.allowed-networks}: IPv4 or IPv6 CIDR blocks or single addresses; empty means any
 * source). It is a second line of defence: every notice must still carry Huifu's signature. Only address literals
 * are accepted, so there is no DNS lookup at start-up, and a malformed entry stops the start-up instead of silently
 * admitting or refusing. Behind a load balancer the remote address is the balancer's unless the server trusts its
 * forwarding headers ({@code server.forward-headers-strategy=native} with
 * {@code server.tomcat.remoteip.internal-proxies}; see the module's README). It depends on no other feature.
 */
package io.payout.gateway.security;
