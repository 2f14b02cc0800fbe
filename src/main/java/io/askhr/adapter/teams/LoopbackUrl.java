package io.askhr.adapter.teams;

import java.net.InetAddress;
import java.net.URI;

/** Whether a service URL points at this machine: where unauthenticated local mode may send replies. */
final class LoopbackUrl {

  private LoopbackUrl() {}

  static boolean is(String url) {
    if (url == null) {
      return false;
    }
    try {
      URI uri = new URI(url);
      String host = uri.getHost();
      if (host == null || uri.getUserInfo() != null
          || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
        return false;
      }
      if (host.equalsIgnoreCase("localhost")) {
        return true;
      }
      String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
      // IP literals only: a name is not looked up, so DNS cannot turn it into loopback and back.
      return literal.matches("[0-9A-Fa-f.:]+") && InetAddress.getByName(literal).isLoopbackAddress();
    } catch (Exception e) {
      return false;
    }
  }
}
