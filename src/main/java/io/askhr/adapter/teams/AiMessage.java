package io.askhr.adapter.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.askhr.question.Citation;
import io.askhr.question.Messages;
import io.askhr.question.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Teams' AI message entity: the "AI generated" label and one citation per source, which Teams shows as numbered
 * markers in the text with a pop-up of the source's title, excerpt and link.
 */
final class AiMessage {

  /** Teams cuts longer fields, so they are cut here, at a word, where the reader can see it. */
  static final int MAX_ABSTRACT = 160;
  static final int MAX_NAME = 80;
  static final int MAX_KEYWORDS = 3;
  static final int MAX_KEYWORD = 28;

  private static final ObjectMapper JSON = new ObjectMapper();

  private AiMessage() {}

  /**
   * The entity for a reply.
   *
   * @param citations true where Teams renders citations (personal and group chats): the text then carries the
   *     {@code [n]} markers whose positions these claims give; false for the label alone
   */
  static ObjectNode entity(Reply reply, boolean citations) {
    ObjectNode entity = JSON.createObjectNode();
    entity.put("type", "https://schema.org/Message");
    entity.put("@type", "Message");
    entity.put("@context", "https://schema.org");
    entity.put("@id", "");
    entity.putArray("additionalType").add("AIGeneratedContent");
    if (citations && !reply.citations().isEmpty()) {
      ArrayNode claims = entity.putArray("citation");
      for (Citation c : reply.citations()) {
        ObjectNode claim = claims.addObject();
        claim.put("@type", "Claim");
        claim.put("position", c.number());
        ObjectNode appearance = claim.putObject("appearance");
        appearance.put("@type", "DigitalDocument");
        appearance.put("name", cut(c.title(), MAX_NAME));
        appearance.put("abstract", cut(c.snippet(), MAX_ABSTRACT));
        c.url().ifPresent(url -> appearance.put("url", url));
        ArrayNode keywords = appearance.putArray("keywords");
        keywords(c, Messages.of(reply.language())).forEach(keywords::add);
      }
    }
    return entity;
  }

  /** The section, the page and the effective date, as Teams' short keyword chips, in the reply's language. */
  static List<String> keywords(Citation c, Messages messages) {
    List<String> keywords = new ArrayList<>();
    if (!c.section().isBlank()) {
      keywords.add(cut(c.section(), MAX_KEYWORD));
    }
    if (c.page() > 0) {
      keywords.add(messages.get(Messages.LABEL_PAGE, Map.of("page", c.page())));
    }
    c.effective().ifPresent(d -> keywords.add(messages.get(Messages.LABEL_EFFECTIVE, Map.of("date", d))));
    return keywords.subList(0, Math.min(MAX_KEYWORDS, keywords.size()));
  }

  static String cut(String text, int max) {
    String t = text.replaceAll("\\s+", " ").strip();
    if (t.length() <= max) {
      return t;
    }
    int space = t.lastIndexOf(' ', max - 1);
    return t.substring(0, space > max / 2 ? space : max - 1) + "…";
  }
}
