package io.askhr.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;

/** Watches a server on loopback from the outside, as a load balancer would. */
public final class HttpProbe {

  private HttpProbe() {}

  /** Polls {@code /healthz} on new connections until one is refused: a stopping server closes its listener first. */
  public static void awaitRefused(String baseUrl) {
    HttpClient fresh = HttpClient.newHttpClient();
    Awaitility.await(baseUrl + " refusing new connections after stopping began")
        .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
        .until(() -> refuses(fresh, baseUrl));
  }

  private static boolean refuses(HttpClient client, String baseUrl) throws InterruptedException {
    try {
      client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
      return false;
    } catch (IOException refused) {
      return true;
    }
  }
}
