package io.askhr.adapter.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsInfo;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Serialization;
import io.askhr.insight.Escalation;
import io.askhr.insight.InsightStore;
import io.askhr.question.Messages;
import io.askhr.question.Platform;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Talk to HR" in Teams: posts the question and answer into HR's channel with a "Mark resolved" button, and tells
 * the employee, proactively and once, when HR resolves it.
 */
final class TalkToHr {

  private static final Logger log = LoggerFactory.getLogger(TalkToHr.class);

  private final InsightStore store;
  private final TeamsBotAdapter adapter;
  private final Optional<ConversationReference> hrConversation;
  private final String hrContact;

  TalkToHr(InsightStore store, TeamsBotAdapter adapter, Optional<ConversationReference> hrConversation,
      String hrContact) {
    this.store = store;
    this.adapter = adapter;
    this.hrConversation = hrConversation;
    this.hrContact = hrContact;
  }

  /** Hands the question to HR's channel; returns what the employee's card then says, in the answer's language. */
  String escalate(TurnContext turn, String answerId, String question, String answer, Locale language) {
    Messages messages = Messages.of(language);
    Map<String, Object> contact = Map.of("hr_contact", hrContact);
    if (hrConversation.isEmpty()) {
      return messages.get(Messages.ESCALATION_NO_CHANNEL, contact);
    }
    Activity activity = turn.getActivity();
    Escalation escalation = Escalation.open(UUID.randomUUID().toString(), answerId, Platform.TEAMS,
        Serialization.toStringSilent(activity.getConversationReference()), question, answer, chatLink(turn));
    // recorded first: should posting fail, HR still finds the request in the insight store
    store.openEscalation(escalation);
    String asker = Optional.ofNullable(activity.getFrom().getName()).orElse("");
    try {
      adapter.continueConversation(adapter.appId(), hrConversation.get(), hr -> hr.sendActivity(
          TeamsBot.cardActivity(AnswerCard.escalation(escalation, asker))).thenApply(sent -> null)).join();
    } catch (RuntimeException e) {
      log.error("Escalation {} could not be posted to HR's Teams conversation: {}", escalation.id(), e.toString());
      return messages.get(Messages.ESCALATION_UNREACHABLE, contact);
    }
    log.info("Escalation {} posted to HR's Teams conversation", escalation.id());
    return messages.get(Messages.ESCALATION_PASSED);
  }

  /** HR pressed "Mark resolved": resolves once, notifies the employee, returns HR's new card. */
  ObjectNode resolve(TurnContext turn, String escalationId) {
    String by = Optional.ofNullable(turn.getActivity().getFrom().getName()).filter(s -> !s.isBlank()).orElse("HR");
    Optional<Escalation> resolved = store.resolveEscalation(escalationId, by, Instant.now());
    if (resolved.isEmpty()) {
      return store.escalation(escalationId).map(AnswerCard::resolved)
          .orElse(AnswerCard.notice("This request is no longer known to AskHR."));
    }
    Escalation escalation = resolved.get();
    try {
      ConversationReference employee = Serialization.getAs(Serialization.jsonToTree(escalation.replyAddress()),
          ConversationReference.class);
      adapter.continueConversation(adapter.appId(), employee, chat -> chat.sendActivity(TeamsBot.plain(
          "HR (" + by + ") has marked your request to talk to HR as resolved. If anything is still unclear, ask me"
              + " again or reply to HR directly.")).thenApply(sent -> null)).join();
    } catch (Exception e) {
      log.warn("Escalation {} resolved, but the employee could not be notified: {}", escalationId, e.toString());
    }
    return AnswerCard.resolved(escalation);
  }

  /** A deep link that opens a chat with the asker, when Teams tells their user principal name. */
  private static String chatLink(TurnContext turn) {
    try {
      String upn = TeamsInfo.getMember(turn, turn.getActivity().getFrom().getId()).join().getUserPrincipalName();
      return upn == null || upn.isBlank() ? ""
          : "https://teams.microsoft.com/l/chat/0/0?users=" + URLEncoder.encode(upn, StandardCharsets.UTF_8);
    } catch (RuntimeException e) {
      return "";
    }
  }
}
