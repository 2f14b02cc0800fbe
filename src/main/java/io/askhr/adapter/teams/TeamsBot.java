package io.askhr.adapter.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.ActivityHandler;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;
import com.microsoft.bot.schema.AdaptiveCardInvokeValue;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.ConversationResourceResponse;
import com.microsoft.bot.schema.ResourceResponse;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.TextFormatTypes;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import com.microsoft.bot.schema.teams.TenantInfo;
import io.askhr.insight.AnsweredQuestion;
import io.askhr.insight.Feedback;
import io.askhr.insight.InsightStore;
import io.askhr.question.AnswerStream;
import io.askhr.question.Asker;
import io.askhr.question.ConversationStores;
import io.askhr.question.Conversations;
import io.askhr.question.Messages;
import io.askhr.question.Platform;
import io.askhr.question.QuestionHandler;
import io.askhr.question.RecentAnswers;
import io.askhr.question.Reply;
import io.askhr.question.SentCards;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AskHR in Teams: turns messages into questions and replies into Adaptive Cards, and handles the card's buttons
 * (feedback, Talk to HR, Mark resolved). Personal chats, group chats and channel threads.
 */
final class TeamsBot extends ActivityHandler {

  private static final Logger log = LoggerFactory.getLogger(TeamsBot.class);
  static final String FEEDBACK_INVOKE = "message/submitAction";

  private final Conversations conversations;
  private final InsightStore store;
  private final TeamsAudience audience;
  private final TalkToHr talkToHr;
  private final String hrContact;
  private final SentCards cards;
  /**
   * Opens the typing stream beside the drafting. Not the common pool: on two cores it has one worker, and
   * CompletableFuture then starts a new thread for every task.
   */
  private final ExecutorService typingSenders = Executors.newCachedThreadPool(r -> {
    Thread thread = new Thread(r, "askhr-teams-typing");
    thread.setDaemon(true);
    return thread;
  });

  TeamsBot(QuestionHandler handler, InsightStore store, TeamsAudience audience, TalkToHr talkToHr,
      String hrContact) {
    this(handler, store, audience, talkToHr, hrContact, ConversationStores.inProcess());
  }

  TeamsBot(QuestionHandler handler, InsightStore store, TeamsAudience audience, TalkToHr talkToHr,
      String hrContact, ConversationStores stores) {
    this.conversations = new Conversations(handler, AnsweredQuestion.into(store), stores);
    this.store = store;
    this.audience = audience;
    this.talkToHr = talkToHr;
    this.hrContact = hrContact;
    this.cards = stores.cards();
  }

  @Override
  protected CompletableFuture<Void> onMessageActivity(TurnContext turn) {
    Activity activity = turn.getActivity();
    if (activity.getValue() != null) {
      JsonNode data = Serialization.objectToTree(activity.getValue());
      if (data.has(AnswerCard.ACTION)) {
        ObjectNode card;
        try {
          card = onCardAction(turn, data);
        } catch (RuntimeException e) {
          log.error("A Teams card action failed: {}", e.toString());
          turn.sendActivity(plain("Sorry, something went wrong on my side. Please try again, or contact " + hrContact
              + ".")).join();
          return CompletableFuture.completedFuture(null);
        }
        if (activity.getReplyToId() != null) {
          Activity update = cardActivity(card);
          update.setId(activity.getReplyToId());
          turn.updateActivity(update).join();
        } else {
          turn.sendActivity(cardActivity(card)).join();
        }
        return CompletableFuture.completedFuture(null);
      }
    }
    answer(turn);
    return CompletableFuture.completedFuture(null);
  }

  /** Universal actions ({@code Action.Execute}) arrive as invokes; the card in the response replaces the old one. */
  @Override
  protected CompletableFuture<AdaptiveCardInvokeResponse> onAdaptiveCardInvoke(TurnContext turn,
      AdaptiveCardInvokeValue invoke) {
    JsonNode data = invoke.getAction() == null ? null : Serialization.objectToTree(invoke.getAction().getData());
    AdaptiveCardInvokeResponse response = new AdaptiveCardInvokeResponse();
    response.setStatusCode(200);
    response.setType(AnswerCard.CONTENT_TYPE);
    response.setValue(data == null || !data.has(AnswerCard.ACTION)
        ? AnswerCard.notice("That button is no longer available.") : onCardAction(turn, data));
    return CompletableFuture.completedFuture(response);
  }

  /** The SDK routes to {@code onMembersAdded} only when someone other than the bot joined; we want the bot. */
  @Override
  protected CompletableFuture<Void> onConversationUpdateActivity(TurnContext turn) {
    Activity activity = turn.getActivity();
    List<ChannelAccount> members = activity.getMembersAdded() == null ? List.of() : activity.getMembersAdded();
    boolean botAdded = members.stream().anyMatch(m -> m.getId() != null
        && activity.getRecipient() != null && m.getId().equals(activity.getRecipient().getId()));
    if (botAdded) {
      String type = conversationType(activity);
      log.info("AskHR was added to a Teams {} conversation. To send \"Talk to HR\" requests here, set"
          + " HR_ESCALATION_TEAMS_CONVERSATION='{}'", type, Serialization.toStringSilent(address(activity)));
      turn.sendActivity(welcome(activity.getLocale())).join();
    }
    return CompletableFuture.completedFuture(null);
  }

  /** Where the conversation can be reached later, without who added the bot or which activity did it. */
  private static ConversationReference address(Activity activity) {
    ConversationReference full = activity.getConversationReference();
    ConversationReference address = new ConversationReference();
    address.setBot(full.getBot());
    address.setConversation(full.getConversation());
    address.setChannelId(full.getChannelId());
    address.setServiceUrl(full.getServiceUrl());
    return address;
  }

  /** The greeting in the Teams client's language ({@code locale}, e.g. "de-DE"); example questions in English only. */
  private static Activity welcome(String locale) {
    Messages messages =
        Messages.of(locale == null || locale.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(locale));
    StringBuilder text = new StringBuilder(messages.get(Messages.WELCOME));
    if (messages.isEnglish()) {
      text.append(" For example:\n\n- How many days of annual leave do I get?\n- What is the notice period if my"
          + " role is made redundant?\n- How does the annual pay review work?");
    }
    text.append("\n\n").append(messages.get(Messages.WELCOME_TEAMS_MENTION));
    Activity welcome = Activity.createMessageActivity();
    welcome.setText(text.toString());
    welcome.setTextFormat(TextFormatTypes.MARKDOWN);
    return welcome;
  }

  /**
   * Typing at once (in 1:1 chats, a stream: "Searching our policies…", then the verified sentences), then the answer;
   * an error after that becomes an apology, never silence.
   */
  private void answer(TurnContext turn) {
    Activity activity = turn.getActivity();
    String text = questionText(activity);
    String type = conversationType(activity);
    Optional<TeamsStream> stream = "personal".equals(type) ? Optional.of(new TeamsStream(turn)) : Optional.empty();
    // The typing indicator travels while the answer is drafted; it must arrive before the answer, so wait for it then.
    CompletableFuture<?> typing = stream.isPresent() ? CompletableFuture.runAsync(stream.get()::open, typingSenders)
        : turn.sendActivity(Activity.createTypingActivity());
    try {
      Asker asker = audience.asker(activity);
      boolean shared = !"personal".equals(type);
      Conversations.Answered answered = conversations.answer(
          new Conversations.Ask(conversationKey(activity), text, asker, Platform.TEAMS, shared),
          stream.map(s -> (AnswerStream) s).orElse(AnswerStream.NONE));
      typing.exceptionally(failed -> null).join();
      Reply reply = answered.reply();
      String answerId = answered.answerId();
      log.info("Teams question answered in {} ms ({}, {}, flags {})", answered.took().toMillis(), type, reply.mode(),
          reply.flags());
      if (reply.has(Reply.Flag.SENSITIVE) && shared) {
        String privateChat = answerPrivately(turn, AnswerMessage.of(answerId, reply, true));
        conversations.remember("teams:" + privateChat, text, reply);
        turn.sendActivity(plain("I've sent you my answer in a private chat, as it may be personal.")).join();
        return;
      }
      // Teams renders citations in personal and group chats; channels get the Adaptive Card with its sources.
      Activity message = AnswerMessage.of(answerId, reply, !"channel".equals(type));
      // Known before sending, so that a thumb pressed at once finds its answer.
      stream.flatMap(TeamsStream::id).ifPresent(id -> cards.sent(id, answerId));
      ResourceResponse sent = stream.isPresent() ? stream.get().finish(message) : turn.sendActivity(message).join();
      if (sent != null && sent.getId() != null) {
        cards.sent(sent.getId(), answerId);
      }
    } catch (RuntimeException e) {
      log.error("Answering a Teams message failed: {}", e.toString());
      typing.exceptionally(failed -> null).join();
      turn.sendActivity(plain("Sorry, something went wrong on my side and I couldn't answer. Please try again in a"
          + " moment, or contact " + hrContact + ".")).join();
    }
  }

  /**
   * Teams' own thumbs under an AI message ({@code channelData.feedbackLoopEnabled}) arrive as a
   * {@code message/submitAction} invoke naming the message; the feedback is stored like the card buttons'.
   */
  @Override
  protected CompletableFuture<InvokeResponse> onInvokeActivity(TurnContext turn) {
    Activity activity = turn.getActivity();
    if (!FEEDBACK_INVOKE.equals(activity.getName())) {
      return super.onInvokeActivity(turn);
    }
    JsonNode value = activity.getValue() == null ? null : Serialization.objectToTree(activity.getValue());
    String reaction = value == null ? "" : value.path("actionValue").path("reaction").asText();
    Optional<String> answerId = cards.answerOfMessage(activity.getReplyToId());
    if (!"feedback".equals(value == null ? "" : value.path("actionName").asText())
        || !(reaction.equals("like") || reaction.equals("dislike"))) {
      return CompletableFuture.completedFuture(new InvokeResponse(400, null));
    }
    if (answerId.isEmpty()) {
      log.info("Teams feedback on a message AskHR does not know (older than a day, or sent by another replica while"
          + " the shared state was down); not recorded");
    } else {
      store.recordFeedback(new Feedback(answerId.get(), Platform.TEAMS, audience.asker(activity).id(),
          reaction.equals("like"), Instant.now()));
    }
    return CompletableFuture.completedFuture(new InvokeResponse(200, null));
  }

  /** Opens (or reuses) the 1:1 chat with the asker and posts the card there; returns that conversation's id. */
  private String answerPrivately(TurnContext turn, Activity message) {
    Activity activity = turn.getActivity();
    ConnectorClient connector = turn.getTurnState().get(BotFrameworkAdapter.CONNECTOR_CLIENT_KEY);
    String tenant = TeamsAudience.tenantOf(activity);
    ConversationParameters parameters = new ConversationParameters();
    parameters.setIsGroup(false);
    parameters.setBot(activity.getRecipient());
    parameters.setMembers(List.of(activity.getFrom()));
    parameters.setTenantId(tenant);
    TeamsChannelData channelData = new TeamsChannelData();
    channelData.setTenant(new TenantInfo(tenant));
    parameters.setChannelData(channelData);
    ConversationResourceResponse created = connector.getConversations().createConversation(parameters).join();
    message.setFrom(activity.getRecipient());
    message.setRecipient(activity.getFrom());
    ConversationAccount conversation = new ConversationAccount(created.getId());
    conversation.setTenantId(tenant);
    conversation.setConversationType("personal");
    message.setConversation(conversation);
    message.setServiceUrl(activity.getServiceUrl());
    message.setChannelId(activity.getChannelId());
    connector.getConversations().sendToConversation(created.getId(), message).join();
    return created.getId();
  }

  /** Feedback, Talk to HR or Mark resolved; returns the card that replaces the pressed one. */
  private ObjectNode onCardAction(TurnContext turn, JsonNode data) {
    Activity activity = turn.getActivity();
    String action = data.path(AnswerCard.ACTION).asText();
    if (action.equals(AnswerCard.RESOLVE)) {
      return talkToHr.resolve(turn, data.path("escalationId").asText());
    }
    String answerId = data.path("answerId").asText();
    Optional<RecentAnswers.Answered> answered = conversations.recent(answerId);
    SentCards.CardState state = cards.state(answerId);
    Asker asker = audience.asker(activity);
    switch (action) {
      case AnswerCard.HELPFUL, AnswerCard.NOT_HELPFUL -> {
        boolean helpful = action.equals(AnswerCard.HELPFUL);
        store.recordFeedback(new Feedback(answerId, Platform.TEAMS, asker.id(), helpful, Instant.now()));
        String line = TeamsTexts.thanks(answered.map(RecentAnswers.Answered::reply), helpful);
        return redraw(answerId, answered, state.withFeedback(line), line);
      }
      case AnswerCard.TALK_TO_HR -> {
        String line = talkToHr.escalate(turn, answerId,
            answered.map(RecentAnswers.Answered::question).orElse("(question no longer available)"),
            answered.map(a -> a.reply().text()).orElse(""),
            answered.map(a -> a.reply().language()).orElse(Locale.ENGLISH));
        return redraw(answerId, answered, state.withEscalation(line), line);
      }
      default -> {
        return AnswerCard.notice("That button is no longer available.");
      }
    }
  }

  private ObjectNode redraw(String answerId, Optional<RecentAnswers.Answered> answered, SentCards.CardState state,
      String line) {
    if (answered.isEmpty()) {
      return AnswerCard.notice(line);
    }
    cards.update(answerId, state);
    return AnswerCard.answer(answerId, answered.get().reply(), !state.feedbackGiven(), !state.escalated(),
        state.status());
  }

  /** The question without the bot's @mention (channels and group chats). */
  static String questionText(Activity activity) {
    String text = Optional.ofNullable(Activity.removeRecipientMentionImmutable(activity)).orElse("");
    return text.replaceAll("(?s)<at>.*?</at>", " ").replace("&nbsp;", " ").strip();
  }

  /** Follow-ups are remembered per conversation; a channel thread's id already names its root message. */
  static String conversationKey(Activity activity) {
    return "teams:" + activity.getConversation().getId();
  }

  private static String conversationType(Activity activity) {
    String type = activity.getConversation() == null ? null : activity.getConversation().getConversationType();
    return type == null ? "personal" : type;
  }

  static Activity cardActivity(ObjectNode card) {
    Attachment attachment = new Attachment();
    attachment.setContentType(AnswerCard.CONTENT_TYPE);
    attachment.setContent(card);
    Activity message = Activity.createMessageActivity();
    message.setAttachments(List.of(attachment));
    return message;
  }

  static Activity plain(String text) {
    Activity message = Activity.createMessageActivity();
    message.setText(text);
    return message;
  }
}
