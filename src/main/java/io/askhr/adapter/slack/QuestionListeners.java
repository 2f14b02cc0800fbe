package io.askhr.adapter.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.Responder;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;

/**
 * Turns Slack events into questions: mentions in channels (answered in the mention's thread), direct messages,
 * replies in threads the bot answered in, and the {@code /askhr} command. Everything is acknowledged at once;
 * answering happens in {@link SlackAnswerer}.
 */
final class QuestionListeners {

  static final String COMMAND = "/askhr";

  private final SlackAnswerer answerer;
  private final MethodsClient client;
  private final RecentEvents events;

  QuestionListeners(SlackAnswerer answerer, MethodsClient client, RecentEvents events) {
    this.answerer = answerer;
    this.client = client;
    this.events = events;
  }

  void register(App app) {
    app.event(AppMentionEvent.class, (payload, ctx) -> {
      AppMentionEvent event = payload.getEvent();
      if (events.firstTime(payload.getEventId()) && event.getBotId() == null) {
        String thread = event.getThreadTs() != null ? event.getThreadTs() : event.getTs();
        ask(ctx, event.getUser(), event.getText(), event.getChannel(), thread,
            conversationKey(event.getChannel(), thread));
      }
      return ctx.ack();
    });
    app.event(MessageEvent.class, (payload, ctx) -> {
      MessageEvent event = payload.getEvent();
      if (events.firstTime(payload.getEventId()) && isFromEmployee(event, ctx)) {
        onMessage(event, ctx);
      }
      return ctx.ack();
    });
    // Edits, deletions and bot posts arrive as their own event types: acknowledged and ignored.
    app.event(MessageChangedEvent.class, (payload, ctx) -> ctx.ack());
    app.event(MessageDeletedEvent.class, (payload, ctx) -> ctx.ack());
    app.event(MessageBotEvent.class, (payload, ctx) -> ctx.ack());
    app.event(MessageThreadBroadcastEvent.class, (payload, ctx) -> ctx.ack());
    app.command(COMMAND, (req, ctx) -> {
      var command = req.getPayload();
      String text = SlackMarkup.toPlain(command.getText(), ctx.getBotUserId());
      answerer.submit(new SlackAnswerer.Ask(command.getTeamId(), command.getUserId(), text,
              "command:" + command.getChannelId() + ":" + command.getUserId()),
          new ResponseUrlDelivery(new Responder(ctx.getSlack(), command.getResponseUrl())));
      return ctx.ack(Delivery.PLACEHOLDER);
    });
  }

  private static boolean isFromEmployee(MessageEvent event, EventContext ctx) {
    return event.getBotId() == null && event.getSubtype() == null && event.getUser() != null
        && !event.getUser().equals(ctx.getBotUserId());
  }

  private void onMessage(MessageEvent event, EventContext ctx) {
    if ("im".equals(event.getChannelType())) {
      // A direct message: answer in the DM, or in the thread the employee replied in; the DM is one conversation.
      ask(ctx, event.getUser(), event.getText(), event.getChannel(), event.getThreadTs(), event.getChannel());
      return;
    }
    // In channels, only replies in a thread the bot answered in are follow-ups; mentions come as app_mention.
    if (event.getThreadTs() != null && !SlackMarkup.mentions(event.getText(), ctx.getBotUserId())
        && answerer.knows(conversationKey(event.getChannel(), event.getThreadTs()))) {
      ask(ctx, event.getUser(), event.getText(), event.getChannel(), event.getThreadTs(),
          conversationKey(event.getChannel(), event.getThreadTs()));
    }
  }

  private void ask(EventContext ctx, String userId, String slackText, String channel, String threadTs, String key) {
    String text = SlackMarkup.toPlain(slackText, ctx.getBotUserId());
    boolean shared = !channel.startsWith("D");
    answerer.submit(new SlackAnswerer.Ask(ctx.getTeamId(), userId, text, key),
        new ThreadDelivery(client, channel, threadTs, userId, shared));
  }

  /** A thread in a channel is a conversation. */
  static String conversationKey(String channel, String threadTs) {
    return threadTs == null ? channel : channel + ":" + threadTs;
  }
}
