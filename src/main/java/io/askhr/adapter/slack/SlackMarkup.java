package io.askhr.adapter.slack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Converts between Slack's message markup and the plain text and Markdown that the answer engine speaks. */
final class SlackMarkup {

  private static final Pattern USER = Pattern.compile("<@([A-Z0-9]+)(?:\\|[^>]*)?>");
  private static final Pattern CHANNEL = Pattern.compile("<#[A-Z0-9]+\\|([^>]*)>");
  private static final Pattern LABELLED_LINK = Pattern.compile("<(?:mailto:|https?://|tel:)[^|>]*\\|([^>]*)>");
  private static final Pattern LINK = Pattern.compile("<((?:https?://|mailto:|tel:)[^>]*)>");
  private static final Pattern SPECIAL = Pattern.compile("<![^>]*>");
  private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
  private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+)$");
  private static final Pattern BULLET = Pattern.compile("(?m)^(\\s*)[-*]\\s+");
  private static final Pattern MD_LINK = Pattern.compile("\\[([^\\]]+)\\]\\((https?://[^)\\s]+)\\)");

  private SlackMarkup() {}

  /** An employee's message as plain text: the bot's mention removed, links and mentions reduced to their labels. */
  static String toPlain(String slackText, String botUserId) {
    if (slackText == null) {
      return "";
    }
    String text = slackText;
    if (botUserId != null && !botUserId.isEmpty()) {
      text = text.replaceAll("<@" + Pattern.quote(botUserId) + "(?:\\|[^>]*)?>", " ");
    }
    text = USER.matcher(text).replaceAll("@someone");
    text = CHANNEL.matcher(text).replaceAll(m -> Matcher.quoteReplacement("#" + m.group(1)));
    text = LABELLED_LINK.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    text = LINK.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1).replaceFirst("^mailto:", "")));
    text = SPECIAL.matcher(text).replaceAll(" ");
    return unescape(text).replaceAll("[ \\t]+", " ").strip();
  }

  /** True when a message mentions the given user. */
  static boolean mentions(String slackText, String userId) {
    return slackText != null && userId != null && !userId.isEmpty() && slackText.contains("<@" + userId);
  }

  /** Markdown from the answer engine as Slack mrkdwn: escaped, bold and bullets in Slack's syntax. */
  static String toMrkdwn(String markdown) {
    String text = escape(markdown);
    text = MD_LINK.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
        "<" + m.group(2).replace("|", "%7C") + "|" + m.group(1).replace("|", "¦") + ">"));
    text = BOLD.matcher(text).replaceAll(m -> Matcher.quoteReplacement("*" + m.group(1) + "*"));
    text = HEADING.matcher(text).replaceAll(m -> Matcher.quoteReplacement("*" + m.group(1).strip() + "*"));
    return BULLET.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "• "));
  }

  /**
   * A Slack link to an http(s) URL with an already escaped label; the URL is escaped too, and a {@code |} in either
   * cannot end the URL or the label early.
   */
  static String link(String url, String escapedLabel) {
    return "<" + escape(url).replace("|", "%7C") + "|" + escapedLabel.replace("|", "¦") + ">";
  }

  /**
   * A streamed piece of the answer as the Markdown that {@code chat.appendStream} shows. A link the model wrote is
   * reduced to its label: only the sources (added with {@code chat.stopStream}) carry links.
   */
  static String toStreamMarkdown(String piece) {
    return MD_LINK.matcher(piece).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
  }

  /** Escapes the three characters Slack reserves for markup. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String unescape(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }
}
