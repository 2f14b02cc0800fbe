package io.askhr.adapter.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.askhr.insight.Escalation;
import io.askhr.question.Citation;
import io.askhr.question.Messages;
import io.askhr.question.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Adaptive Cards for Teams: an answer with its sources and actions (labels in the reply's language), and the cards HR
 * sees for an escalation.
 */
final class AnswerCard {

  static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
  /** Card actions carry this key, so that other submits are not mistaken for ours. */
  static final String ACTION = "askhr";
  static final String HELPFUL = "helpful";
  static final String NOT_HELPFUL = "not_helpful";
  static final String TALK_TO_HR = "talk_to_hr";
  static final String RESOLVE = "resolve";

  private static final ObjectMapper JSON = new ObjectMapper();

  private AnswerCard() {}

  /**
   * The card for an answer.
   *
   * @param feedbackButtons whether 👍/👎 are still offered
   * @param hrButton whether "Talk to HR" is still offered
   * @param status what the employee chose so far, shown under the sources; empty for none
   */
  static ObjectNode answer(String answerId, Reply reply, boolean feedbackButtons, boolean hrButton,
      List<String> status) {
    Messages messages = Messages.of(reply.language());
    ObjectNode card = card();
    ArrayNode body = card.putArray("body");
    reply.approval().ifPresent(a -> body.add(text("✅ " + a.label(reply.language())).put("weight", "Bolder")
        .put("color", "Good").put("size", "Small")));
    body.add(text(reply.text()));
    reply.notices().forEach(notice -> body.add(text(notice).put("isSubtle", true).put("size", "Small")));
    if (!reply.citations().isEmpty()) {
      body.add(text(messages.get(Messages.LABEL_SOURCES)).put("weight", "Bolder").put("separator", true));
      List<ObjectNode> links = new ArrayList<>();
      for (Citation c : reply.citations()) {
        body.add(text(source(c, messages)).put("size", "Small").put("spacing", "Small"));
        c.link().ifPresent(url -> links.add(openUrl("Open [" + c.number() + "] " + c.title(), url)));
      }
      if (!links.isEmpty()) {
        ObjectNode set = body.addObject().put("type", "ActionSet");
        links.forEach(set.putArray("actions")::add);
      }
    }
    status.forEach(line -> body.add(text(line).put("weight", "Bolder").put("separator", true)));
    ArrayNode actions = card.putArray("actions");
    if (feedbackButtons) {
      actions.add(submit(messages.get(Messages.BUTTON_HELPFUL), HELPFUL, "answerId", answerId));
      actions.add(submit(messages.get(Messages.BUTTON_NOT_HELPFUL), NOT_HELPFUL, "answerId", answerId));
    }
    if (hrButton) {
      ObjectNode talk = submit(messages.get(Messages.BUTTON_TALK_TO_HR), TALK_TO_HR, "answerId", answerId);
      if (reply.has(Reply.Flag.ESCALATION_SUGGESTED)) {
        // sensitive or uncovered: make the human route the prominent one
        talk.put("style", "positive");
      }
      actions.add(talk);
    }
    return card;
  }

  /**
   * The card under an answer whose text and citations Teams shows natively: the notices and "Talk to HR". Feedback
   * goes through Teams' own thumbs, so the card has no 👍/👎.
   */
  static ObjectNode followUp(String answerId, Reply reply) {
    ObjectNode card = card();
    ArrayNode body = card.putArray("body");
    reply.notices().forEach(notice -> body.add(text(notice).put("isSubtle", true).put("size", "Small")));
    ArrayNode actions = card.putArray("actions");
    ObjectNode talk = submit(Messages.of(reply.language()).get(Messages.BUTTON_TALK_TO_HR), TALK_TO_HR, "answerId",
        answerId);
    if (reply.has(Reply.Flag.ESCALATION_SUGGESTED)) {
      talk.put("style", "positive");
    }
    actions.add(talk);
    return card;
  }

  /** One source line in English: {@code [1] Title — Section · p. 3 · effective 2026-01-01}. */
  static String source(Citation c) {
    return source(c, Messages.of(Locale.ENGLISH));
  }

  /** One source line, its page and date labels in the reply's language. */
  static String source(Citation c, Messages messages) {
    StringBuilder line = new StringBuilder("[" + c.number() + "] " + c.title());
    if (!c.section().isBlank()) {
      line.append(" — ").append(c.section());
    }
    if (c.page() > 0) {
      line.append(" · ").append(messages.get(Messages.LABEL_PAGE, Map.of("page", c.page())));
    }
    c.effective().ifPresent(date -> line.append(" · ").append(messages.get(Messages.LABEL_EFFECTIVE,
        Map.of("date", date))));
    return line.toString();
  }

  /** What HR sees in its channel when an employee asks to talk to HR. */
  static ObjectNode escalation(Escalation escalation, String askerName) {
    ObjectNode card = card();
    ArrayNode body = card.putArray("body");
    body.add(text("🙋 " + (askerName.isBlank() ? "An employee" : askerName) + " would like to talk to HR")
        .put("weight", "Bolder").put("size", "Medium"));
    body.add(text("**Question**").put("spacing", "Medium"));
    body.add(text(escalation.question()));
    body.add(text("**AskHR answered**").put("spacing", "Medium"));
    body.add(text(escalation.answer()).put("isSubtle", true));
    ArrayNode actions = card.putArray("actions");
    if (!escalation.link().isBlank()) {
      actions.add(openUrl("Open chat with the employee", escalation.link()));
    }
    actions.add(submit("Mark resolved", RESOLVE, "escalationId", escalation.id()));
    return card;
  }

  /** HR's card once the escalation is resolved. */
  static ObjectNode resolved(Escalation escalation) {
    ObjectNode card = card();
    ArrayNode body = card.putArray("body");
    body.add(text("✅ Resolved by " + escalation.resolvedBy().orElse("HR")).put("weight", "Bolder"));
    body.add(text("**Question**"));
    body.add(text(escalation.question()));
    card.putArray("actions");
    return card;
  }

  /** A card with one line of text, e.g. to replace HR's card when the escalation was resolved before. */
  static ObjectNode notice(String line) {
    ObjectNode card = card();
    card.putArray("body").add(text(line));
    card.putArray("actions");
    return card;
  }

  private static ObjectNode card() {
    ObjectNode card = JSON.createObjectNode();
    card.put("type", "AdaptiveCard");
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    // 1.4 renders on Teams desktop, web and mobile
    card.put("version", "1.4");
    return card;
  }

  private static ObjectNode text(String text) {
    return JSON.createObjectNode().put("type", "TextBlock").put("text", text).put("wrap", true);
  }

  private static ObjectNode openUrl(String title, String url) {
    return JSON.createObjectNode().put("type", "Action.OpenUrl").put("title", title).put("url", url);
  }

  private static ObjectNode submit(String title, String action, String idKey, String id) {
    ObjectNode submit = JSON.createObjectNode().put("type", "Action.Submit").put("title", title);
    submit.putObject("data").put(ACTION, action).put(idKey, id);
    return submit;
  }
}
