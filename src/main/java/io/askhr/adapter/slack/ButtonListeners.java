package io.askhr.adapter.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatGetPermalinkResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.LayoutBlock;
import io.askhr.insight.Escalation;
import io.askhr.insight.Feedback;
import io.askhr.insight.InsightStore;
import io.askhr.question.Messages;
import io.askhr.question.RecentAnswers;
import io.askhr.question.Platform;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer's buttons: 👍 / 👎 (stored as feedback), "Share in channel", "Talk to HR" (posted to HR's channel with
 * a "Mark resolved" button) and "Mark resolved" (tells the employee). Acknowledged at once; Slack calls run on
 * {@code work}.
 */
final class ButtonListeners {

  private static final Logger log = LoggerFactory.getLogger(ButtonListeners.class);
  /** HR reads the answer in the escalation; the whole of a long one is a click away in the permalink. */
  private static final int MAX_ANSWER_IN_ESCALATION = 2500;

  private final MethodsClient client;
  private final InsightStore insight;
  private final RecentAnswers recent;
  private final Optional<String> hrChannel;
  private final String hrContact;
  private final Executor work;

  ButtonListeners(MethodsClient client, InsightStore insight, RecentAnswers recent, Optional<String> hrChannel,
      String hrContact, Executor work) {
    this.client = client;
    this.insight = insight;
    this.recent = recent;
    this.hrChannel = hrChannel;
    this.hrContact = hrContact;
    this.work = work;
  }

  void register(App app) {
    app.blockAction(AnswerBlocks.HELPFUL, (req, ctx) -> later(ctx, () -> feedback(req.getPayload(), ctx, true)));
    app.blockAction(AnswerBlocks.NOT_HELPFUL, (req, ctx) -> later(ctx, () -> feedback(req.getPayload(), ctx, false)));
    app.blockAction(AnswerBlocks.SHARE, (req, ctx) -> later(ctx, () -> share(req.getPayload(), ctx)));
    app.blockAction(AnswerBlocks.TALK_TO_HR, (req, ctx) -> later(ctx, () -> escalate(req.getPayload(), ctx)));
    app.blockAction(AnswerBlocks.MARK_RESOLVED, (req, ctx) -> later(ctx, () -> resolve(req.getPayload(), ctx)));
  }

  /** A button's work, done after the ack. */
  private interface Job {
    void run() throws Exception;
  }

  private com.slack.api.bolt.response.Response later(ActionContext ctx, Job job) {
    work.execute(() -> {
      try {
        job.run();
      } catch (Exception e) {
        log.error("A Slack button action failed ({})", e.getMessage());
        tellPrivately(ctx, "Sorry, that did not work. Please try again, or contact " + hrContact + ".");
      }
    });
    return ctx.ack();
  }

  private void feedback(BlockActionPayload payload, ActionContext ctx, boolean helpful) {
    String answerId = AnswerBlocks.answerIdOf(payload.getActions().get(0).getValue());
    try {
      insight.recordFeedback(new Feedback(answerId, Platform.SLACK,
          SlackAudience.askerId(payload.getTeam() == null ? null : payload.getTeam().getId(),
              payload.getUser().getId()), helpful, Instant.now()));
    } catch (RuntimeException e) {
      log.warn("Could not store feedback ({})", e.getClass().getSimpleName());
    }
    // Thanked in the answer's language while it is remembered, else in English.
    Messages messages = Messages.of(recent.get(answerId).map(a -> a.reply().language()).orElse(Locale.ENGLISH));
    String thanks = messages.get(helpful ? Messages.THANKS_HELPFUL : Messages.THANKS_NOT_HELPFUL);
    tellPrivately(ctx, SlackMarkup.escape(thanks));
  }

  private void share(BlockActionPayload payload, ActionContext ctx) throws Exception {
    String answerId = AnswerBlocks.answerIdOf(payload.getActions().get(0).getValue());
    // Only answers carry a Share button; an apology is never posted to the channel.
    Optional<RecentAnswers.Answered> answered = recent.get(answerId).filter(a -> a.reply().isAnswer());
    if (answered.isEmpty()) {
      tellPrivately(ctx, "That answer is too old to share. Please ask again with /askhr.");
      return;
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(context(c -> c.elements(List.of(markdownText("<@" + payload.getUser().getId()
        + "> asked AskHR: _" + SlackMarkup.escape(clip(answered.get().question(), 300)) + "_")))));
    AnswerBlocks.answer(answered.get().reply(), answerId, answered.get().question(), false).stream()
        .filter(b -> !"actions".equals(b.getType()))
        .forEach(blocks::add);
    ctx.respond(r -> r.responseType("in_channel").deleteOriginal(true)
        .text(AnswerBlocks.fallback(answered.get().reply())).blocks(blocks));
  }

  private void escalate(BlockActionPayload payload, ActionContext ctx) throws Exception {
    String value = payload.getActions().get(0).getValue();
    String answerId = AnswerBlocks.answerIdOf(value);
    Optional<RecentAnswers.Answered> answered = recent.get(answerId);
    Messages messages = Messages.of(answered.map(a -> a.reply().language()).orElse(Locale.ENGLISH));
    if (hrChannel.isEmpty()) {
      tellPrivately(ctx, SlackMarkup.escape(messages.get(Messages.ESCALATION_NO_CHANNEL,
          Map.of("hr_contact", hrContact))));
      return;
    }
    String question = answered.map(RecentAnswers.Answered::question).orElse(AnswerBlocks.questionOf(value));
    String answer = answered.map(a -> a.reply().text()).orElse("(the answer is no longer in memory)");
    String employee = payload.getUser().getId();
    String link = permalink(payload).orElse("");
    String escalationId = UUID.randomUUID().toString();
    ChatPostMessageResponse posted = client.chatPostMessage(r -> r.channel(hrChannel.get())
        .text("An employee asked to talk to HR")
        .blocks(escalationBlocks(employee, question, answer, link, escalationId)));
    SlackCallFailedException.check("chat.postMessage", posted.isOk(), posted.getError());
    try {
      insight.openEscalation(Escalation.open(escalationId, answerId, Platform.SLACK, employee, question, answer,
          link));
    } catch (RuntimeException e) {
      log.warn("Could not store the escalation ({})", e.getClass().getSimpleName());
    }
    tellPrivately(ctx, SlackMarkup.escape(messages.get(Messages.ESCALATION_PASSED)));
  }

  private static List<LayoutBlock> escalationBlocks(String employee, String question, String answer, String link,
      String escalationId) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText("*<@" + employee + "> asked to talk to HR*\n*Question:* "
        + SlackMarkup.escape(clip(question, 1200))))));
    blocks.add(section(s -> s.text(markdownText("*AskHR answered:*\n" + SlackMarkup.toMrkdwn(
        clip(answer, MAX_ANSWER_IN_ESCALATION))))));
    if (!link.isEmpty()) {
      blocks.add(context(c -> c.elements(List.of(markdownText("<" + link + "|View the conversation>")))));
    }
    blocks.add(actions(a -> a.elements(List.of(button(b -> b.actionId(AnswerBlocks.MARK_RESOLVED)
        .text(plainText("Mark resolved")).style("primary").value(escalationId))))));
    return blocks;
  }

  private Optional<String> permalink(BlockActionPayload payload) {
    var container = payload.getContainer();
    if (container == null || container.isEphemeral() || container.getMessageTs() == null) {
      return Optional.empty();
    }
    try {
      ChatGetPermalinkResponse link = client.chatGetPermalink(r -> r.channel(container.getChannelId())
          .messageTs(container.getMessageTs()));
      return link.isOk() ? Optional.ofNullable(link.getPermalink()) : Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private void resolve(BlockActionPayload payload, ActionContext ctx) throws Exception {
    String escalationId = payload.getActions().get(0).getValue();
    String hrUser = payload.getUser().getId();
    Optional<Escalation> resolved = insight.resolveEscalation(escalationId, "slack:" + hrUser, Instant.now());
    if (resolved.isEmpty()) {
      tellPrivately(ctx, "This escalation was already resolved.");
      return;
    }
    Escalation escalation = resolved.get();
    ChatPostMessageResponse told = client.chatPostMessage(r -> r.channel(escalation.replyAddress())
        .text("HR has marked your question as resolved: “" + clip(escalation.question(), 200) + "”. If anything is"
            + " still open, just ask again or press Talk to HR."));
    SlackCallFailedException.check("chat.postMessage", told.isOk(), told.getError());
    List<LayoutBlock> blocks = new ArrayList<>(payload.getMessage() == null ? List.of()
        : payload.getMessage().getBlocks().stream().filter(b -> !"actions".equals(b.getType())).toList());
    blocks.add(context(c -> c.elements(List.of(markdownText("✅ Resolved by <@" + hrUser + "> on "
        + LocalDate.now(ZoneOffset.UTC))))));
    client.chatUpdate(r -> r.channel(payload.getContainer().getChannelId()).ts(payload.getContainer().getMessageTs())
        .text("Resolved").blocks(blocks));
  }

  private static void tellPrivately(ActionContext ctx, String text) {
    try {
      ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(text));
    } catch (Exception e) {
      log.warn("Could not reply to a button press ({})", e.getClass().getSimpleName());
    }
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
