package io.askhr.question;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * A policy passage that a reply relies on.
 *
 * @param number the {@code [n]} marker used in the reply text
 * @param source file path relative to the knowledge folder
 * @param section heading path of the passage, empty when the document has no headings
 * @param page 1-based page for paged documents, 0 otherwise
 */
public record Citation(
    int number,
    String source,
    String title,
    String section,
    int page,
    Optional<LocalDate> effective,
    Optional<String> url,
    String snippet) {

  /** The document's own URL when it is one a renderer may link to: http(s), nothing else. */
  public Optional<String> link() {
    return url.filter(Citation::isWebLink);
  }

  /**
   * True for an absolute {@code https:} or {@code http:} URL with a host and no user part, that parses as a URI (so
   * it holds no spaces or markup characters): the only document URLs AskHR renders as links.
   */
  public static boolean isWebLink(String url) {
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && uri.getUserInfo() == null
          && url.strip().equals(url);
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
