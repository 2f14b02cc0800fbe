package io.askhr.adapter.web;

import io.askhr.config.WebSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * Who is asking on {@code /api/ask}, as the rate limit sees it: the user a trusted single-sign-on proxy names, else
 * the client address. Headers are believed only when the TCP peer is a configured proxy, so a client cannot pick a
 * fresh identity per question.
 */
final class ClientIdentity {

  /** A longer user name is not a real one: fall back to the address rather than keep it. */
  private static final int MAX_USER_CHARS = 256;
  /** Enough hops for any real proxy chain; a longer header is not walked further. */
  private static final int MAX_FORWARDED_HOPS = 20;

  private final InetAddressSet proxies;
  private final Optional<String> userHeader;

  ClientIdentity(WebSettings settings) {
    this.proxies = settings.proxies();
    this.userHeader = settings.userHeader();
  }

  /**
   * @param peer the TCP peer's address
   * @param header the request's headers by name
   * @return {@code user:NAME} or {@code ip:ADDRESS}
   */
  String of(String peer, Function<String, String> header) {
    if (!trusted(peer)) {
      return "ip:" + peer;
    }
    if (userHeader.isPresent()) {
      String user = header.apply(userHeader.get());
      if (user != null && !user.isBlank() && user.length() <= MAX_USER_CHARS) {
        return "user:" + user.strip();
      }
    }
    return "ip:" + forwardedClient(peer, header.apply("X-Forwarded-For"));
  }

  /** The right-most address in X-Forwarded-For that is not a trusted proxy: the one our own proxies saw. */
  private String forwardedClient(String peer, String forwardedFor) {
    if (forwardedFor == null || forwardedFor.isBlank()) {
      return peer;
    }
    List<String> hops = List.of(forwardedFor.split(","));
    String client = peer;
    for (int i = hops.size() - 1; i >= Math.max(0, hops.size() - MAX_FORWARDED_HOPS); i--) {
      String hop = hops.get(i).strip();
      if (!isIpLiteral(hop)) {
        // garbage from the client: stop at the last address our proxies vouched for
        return client;
      }
      client = hop;
      if (!trusted(hop)) {
        return hop;
      }
    }
    return client;
  }

  private boolean trusted(String address) {
    if (proxies.isEmpty() || !isIpLiteral(address)) {
      return false;
    }
    try {
      return proxies.test(InetAddress.getByName(address));
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** An IP literal only, so that looking it up never asks DNS. */
  private static boolean isIpLiteral(String address) {
    return !address.isEmpty() && address.length() <= 45 && address.matches("[0-9A-Fa-f.:]+");
  }
}
