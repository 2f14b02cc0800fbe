package io.askhr.question;

import com.google.common.net.InternetDomainName;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes sure a drafted answer links only to what the cited policies link to. The model's text (and anything planted
 * in a thread it read) may hold a masked link such as {@code [the People Portal](https://evil.example/confirm)}:
 * every link, in Markdown, Slack, HTML or bare form, whose URL is not in a cited passage or a cited document's own
 * {@code url} loses its target and keeps only its label; a bare URL, or a bare domain such as {@code evil.com}, is
 * defanged ({@code evil[.]example/confirm}) so that no chat client turns it into a link. Runs once, before any adapter renders the answer.
 */
final class LinkNeutraliser {

  /**
   * Characters a URL never contains in running text. Every repeat is bounded and stops at the character that could
   * start the next attempt, so a hostile text is scanned in about linear time.
   */
  private static final String URL_CHARS = "[^\\s<>()\\[\\]{}\"'`|\\\\]";
  /** A host name in running text, not part of an e-mail address. */
  private static final String HOST = "(?<![@\\w.-])(?:[a-zA-Z0-9-]{1,63}+\\.(?=[a-zA-Z0-9-]))++[a-zA-Z]{2,24}+";
  private static final String HOST_END = "(?![\\w-]|\\.\\w)";
  private static final String SCHEME = "[a-zA-Z][a-zA-Z0-9+.-]{0,20}:";
  /** An http(s) URL as it appears in a policy. */
  private static final Pattern WEB_URL = Pattern.compile("(?i)https?://" + URL_CHARS + "{1,2000}");
  private static final Pattern LINK = Pattern.compile(
      // 1: HTML anchor label
      "(?i)<a\\b[^<>]{0,2000}>([^<]{0,500})</a\\s*>"
      // 2: image or link marker, 3: label, 4: target
      + "|(!?)\\[([^\\[\\]\\n]{0,500})\\]\\(\\s*<?(" + "[^()\\[\\]\\s<>]{0,2000})>?(?:\\s+\"[^\"\\n]{0,200}\")?\\s*\\)"
      // 5: Slack or autolink target, 6: label
      + "|<(" + SCHEME + "[^<>|\\s]{1,2000})(?:\\|([^<>\\n]{0,500}))?>"
      // 7: bare URL with a scheme or www.
      + "|((?:" + SCHEME + "//|www\\.|(?:mailto|javascript|data|vbscript|file):)" + URL_CHARS + "{1,2000})"
      // 8: bare host with a path
      + "|(" + HOST + "/" + URL_CHARS + "{0,2000})"
      // 9: bare host alone (evil.com), which Slack and Teams turn into a link when its suffix is a real one
      + "|(" + HOST + ")" + HOST_END);
  private static final Pattern TRAILING = Pattern.compile("[.,;:!?]+$");

  /** A bare host, as a policy may name its own site in running text. */
  private static final Pattern BARE_HOST = Pattern.compile(HOST + HOST_END);

  private final Set<String> allowed;
  private final Set<String> allowedHosts;

  /** @param sources text of the cited passages and their documents' own URLs: the only link targets allowed */
  LinkNeutraliser(Iterable<String> sources) {
    Set<String> urls = new HashSet<>();
    for (String source : sources) {
      Matcher m = WEB_URL.matcher(source);
      while (m.find()) {
        urls.add(normal(TRAILING.matcher(m.group()).replaceFirst("")));
      }
    }
    this.allowed = Set.copyOf(urls);
    Set<String> hosts = new HashSet<>();
    for (String source : sources) {
      BARE_HOST.matcher(source).results().forEach(m -> hosts.add(m.group().toLowerCase(Locale.ROOT)));
    }
    this.allowedHosts = Set.copyOf(hosts);
  }

  /** The text with every link not to a cited source reduced to its label or defanged. */
  String neutralise(String text) {
    return LINK.matcher(text).replaceAll(m -> Matcher.quoteReplacement(replacement(m)));
  }

  private String replacement(MatchResult m) {
    if (m.group(1) != null) {
      return plain(m.group(1));
    }
    if (m.group(4) != null) {
      String label = plain(m.group(3));
      boolean image = !m.group(2).isEmpty();
      return !image && isAllowed(m.group(4)) ? "[" + label + "](" + m.group(4) + ")" : label;
    }
    if (m.group(5) != null) {
      String label = m.group(6) == null || m.group(6).isBlank() ? null : plain(m.group(6));
      if (isAllowed(m.group(5))) {
        return label == null ? m.group(5) : "[" + label + "](" + m.group(5) + ")";
      }
      return label == null ? defang(m.group(5)) : label;
    }
    if (m.group(9) != null) {
      String host = m.group(9);
      return allowedHosts.contains(host.toLowerCase(Locale.ROOT)) || !onPublicSuffix(host) ? host : defang(host);
    }
    String url = m.group(7) != null ? m.group(7) : m.group(8);
    Matcher trailing = TRAILING.matcher(url);
    String tail = trailing.find() ? trailing.group() : "";
    String bare = url.substring(0, url.length() - tail.length());
    return (isAllowed(bare) ? bare : defang(bare)) + tail;
  }

  /** A label as text: brackets dropped (they would start a new link) and any URL inside treated like any other. */
  private String plain(String label) {
    return neutralise(label.replace("[", "").replace("]", ""));
  }

  private boolean isAllowed(String target) {
    String t = target.strip();
    return t.regionMatches(true, 0, "http", 0, 4) && WEB_URL.matcher(t).matches() && allowed.contains(normal(t));
  }

  /**
   * Whether a chat client would take the word for a domain: it ends in a suffix on the Public Suffix List (Guava's
   * copy), so {@code evil.com} and {@code ASP.NET} are, {@code handbook.pdf} and {@code e.g} are not.
   */
  private static boolean onPublicSuffix(String host) {
    return InternetDomainName.isValid(host) && InternetDomainName.from(host).hasPublicSuffix();
  }

  /** No scheme, and dots and colons bracketed, so that no renderer recognises a link. */
  private static String defang(String url) {
    return url.replaceFirst("^(?i)[a-z][a-z0-9+.-]{0,20}://", "").replace(".", "[.]").replace(":", "[:]");
  }

  private static String normal(String url) {
    String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    int host = u.indexOf("://") + 3;
    int path = u.indexOf('/', host);
    return path < 0 ? u.toLowerCase(Locale.ROOT) : u.substring(0, path).toLowerCase(Locale.ROOT) + u.substring(path);
  }
}
