package io.askhr.adapter.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import io.askhr.question.Citation;
import io.askhr.question.Messages;
import io.askhr.question.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link Reply} as a Block Kit message: the answer, its sources and the feedback and HR buttons, every fixed
 * label in the reply's language.
 */
final class AnswerBlocks {

  static final String HELPFUL = "askhr_helpful";
  static final String NOT_HELPFUL = "askhr_not_helpful";
  static final String TALK_TO_HR = "askhr_talk_to_hr";
  static final String SHARE = "askhr_share";
  static final String MARK_RESOLVED = "askhr_mark_resolved";

  /** Slack refuses section texts over 3,000 characters and messages over 50 blocks. */
  static final int MAX_SECTION_CHARS = 3000;
  static final int MAX_BLOCKS = 50;
  /** Button values may hold 2,000 characters; the question rides along for "Talk to HR" on another replica. */
  private static final int MAX_QUESTION_IN_BUTTON = 1500;
  /** Notification text (push, screen readers) is a preview, not the whole answer. */
  private static final int MAX_FALLBACK_CHARS = 300;

  private AnswerBlocks() {}

  /**
   * The answer message.
   *
   * @param shareable adds "Share in channel" (for answers only the asker sees)
   */
  static List<LayoutBlock> answer(Reply reply, String answerId, String question, boolean shareable) {
    List<LayoutBlock> tail = tail(reply, answerId, question, shareable);
    List<LayoutBlock> blocks = new ArrayList<>();
    String shortened = Messages.of(reply.language()).get(Messages.ANSWER_SHORTENED_SEE_SOURCES);
    List<String> chunks = split(SlackMarkup.toMrkdwn(reply.text()), MAX_SECTION_CHARS);
    int room = MAX_BLOCKS - tail.size();
    for (int i = 0; i < chunks.size() && i < room; i++) {
      String chunk = chunks.get(i);
      if (i == room - 1 && chunks.size() > room) {
        chunk = chunk.substring(0, Math.min(chunk.length(), MAX_SECTION_CHARS - 100)) + shortened;
      }
      String text = chunk;
      blocks.add(section(s -> s.text(markdownText(text))));
    }
    blocks.addAll(tail);
    return blocks;
  }

  /**
   * What follows the answer's text: notices, sources and buttons. A streamed answer gets these with
   * {@code chat.stopStream}, after its text.
   */
  static List<LayoutBlock> tail(Reply reply, String answerId, String question, boolean shareable) {
    List<LayoutBlock> tail = new ArrayList<>();
    Messages messages = Messages.of(reply.language());
    reply.approval().ifPresent(a -> tail.add(context(c -> c.elements(List.of(markdownText(
        "✅ *" + SlackMarkup.escape(a.label(reply.language())) + "*"))))));
    if (!reply.notices().isEmpty()) {
      tail.add(context(c -> c.elements(List.of(markdownText(SlackMarkup.escape(String.join(" ", reply.notices())))))));
    }
    if (!reply.citations().isEmpty()) {
      tail.add(context(c -> c.elements(List.of(markdownText(sources(reply.citations(), messages))))));
    }
    if (reply.isAnswer()) {
      tail.add(actions(a -> a.blockId("askhr_answer_actions").elements(buttons(reply, messages, answerId,
          question, shareable))));
    }
    return tail;
  }

  private static List<BlockElement> buttons(Reply reply, Messages messages, String answerId, String question,
      boolean shareable) {
    List<BlockElement> buttons = new ArrayList<>();
    buttons.add(button(b -> b.actionId(HELPFUL).text(plainText(messages.get(Messages.BUTTON_HELPFUL)))
        .value(answerId)));
    buttons.add(button(b -> b.actionId(NOT_HELPFUL).text(plainText(messages.get(Messages.BUTTON_NOT_HELPFUL)))
        .value(answerId)));
    String escalation = answerId + "\n" + question.substring(0, Math.min(question.length(), MAX_QUESTION_IN_BUTTON));
    boolean prominent = reply.has(Reply.Flag.ESCALATION_SUGGESTED) || reply.has(Reply.Flag.SENSITIVE)
        || reply.has(Reply.Flag.NOT_COVERED);
    buttons.add(button(b -> b.actionId(TALK_TO_HR).text(plainText(messages.get(Messages.BUTTON_TALK_TO_HR)))
        .value(escalation)
        .style(prominent ? "primary" : null)));
    if (shareable) {
      buttons.add(button(b -> b.actionId(SHARE).text(plainText(messages.get(Messages.BUTTON_SHARE)))
          .value(answerId)));
    }
    return buttons;
  }

  /** One line per citation: number, title (linked when the document has a URL), section or page, effective date. */
  static String sources(List<Citation> citations) {
    return sources(citations, Messages.of(Locale.ENGLISH));
  }

  /** The source lines with their heading, page and date labels in the reply's language. */
  static String sources(List<Citation> citations, Messages messages) {
    StringBuilder text = new StringBuilder("*" + SlackMarkup.escape(messages.get(Messages.LABEL_SOURCES)) + "*");
    for (Citation c : citations) {
      String title = SlackMarkup.escape(c.title());
      String line = "\n[" + c.number() + "] " + c.link().map(u -> SlackMarkup.link(u, title)).orElse(title)
          + (c.section().isBlank() ? "" : " › " + SlackMarkup.escape(c.section()))
          + (c.page() > 0 ? ", " + messages.get(Messages.LABEL_PAGE, Map.of("page", c.page())) : "")
          + c.effective().map(d -> " · " + messages.get(Messages.LABEL_EFFECTIVE, Map.of("date", d))).orElse("");
      if (text.length() + line.length() > MAX_SECTION_CHARS) {
        break;
      }
      text.append(line);
    }
    return text.toString();
  }

  /** A short plain preview for notifications and clients that cannot show blocks. */
  static String fallback(Reply reply) {
    String text = reply.text().replaceAll("\\s+", " ").strip();
    return text.length() <= MAX_FALLBACK_CHARS ? text : text.substring(0, MAX_FALLBACK_CHARS - 1) + "…";
  }

  /** Splits text into pieces of at most {@code limit} characters, preferring paragraph, line and word breaks. */
  static List<String> split(String text, int limit) {
    List<String> pieces = new ArrayList<>();
    String rest = text.strip();
    while (rest.length() > limit) {
      int cut = lastBreak(rest, limit);
      pieces.add(rest.substring(0, cut).strip());
      rest = rest.substring(cut).strip();
    }
    if (!rest.isEmpty() || pieces.isEmpty()) {
      pieces.add(rest);
    }
    return pieces;
  }

  private static int lastBreak(String text, int limit) {
    for (String separator : List.of("\n\n", "\n", ". ", " ")) {
      int at = text.lastIndexOf(separator, limit - separator.length());
      if (at > limit / 2) {
        return at + separator.length();
      }
    }
    return limit;
  }

  /** The question carried by a "Talk to HR" button value. */
  static String questionOf(String escalationValue) {
    int newline = escalationValue.indexOf('\n');
    return newline < 0 ? "" : escalationValue.substring(newline + 1);
  }

  /** The answer id carried by a button value. */
  static String answerIdOf(String value) {
    int newline = value.indexOf('\n');
    return newline < 0 ? value : value.substring(0, newline);
  }
}
