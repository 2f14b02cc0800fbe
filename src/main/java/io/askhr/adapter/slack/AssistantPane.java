package io.askhr.adapter.slack;

import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.middleware.builtin.Assistant;
import com.slack.api.bolt.service.AssistantThreadContextService;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.assistant.AssistantThreadContext;
import com.slack.api.model.assistant.SuggestedPrompt;
import com.slack.api.model.event.MessageEvent;
import io.askhr.question.LanguageDetector;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AskHR in Slack's assistant pane (Agents &amp; AI Apps): a greeting and suggested prompts when a thread starts, the
 * thread titled after its first question, and answers streamed with a status line. Direct-message threads reach
 * Bolt's {@link Assistant} middleware too, and are answered the same way.
 */
final class AssistantPane {

  private static final Logger log = LoggerFactory.getLogger(AssistantPane.class);

  /**
   * AskHR does not read the channel the employee has open beside the pane, so it keeps no thread context (Bolt's
   * default would store it in message metadata with extra Web API calls).
   */
  private static final AssistantThreadContextService NO_CONTEXT = new AssistantThreadContextService() {
    @Override
    public Optional<AssistantThreadContext> findCurrentContext(String channelId, String threadTs) {
      return Optional.empty();
    }

    @Override
    public void saveCurrentContext(String channelId, String threadTs, AssistantThreadContext context) {}
  };

  private final SlackAnswerer answerer;
  private final MethodsClient client;
  private final RecentEvents events;
  private final SuggestedPrompts prompts;
  private final ExecutorService work;

  AssistantPane(SlackAnswerer answerer, MethodsClient client, RecentEvents events, SuggestedPrompts prompts,
      ExecutorService work) {
    this.answerer = answerer;
    this.client = client;
    this.events = events;
    this.prompts = prompts;
    this.work = work;
  }

  /** Bolt's Assistant middleware with AskHR's handlers; see {@link SlackAdapter} for when it is added. */
  Assistant middleware() {
    Assistant assistant = new Assistant(NO_CONTEXT, work, log);
    assistant.threadStarted((payload, ctx) -> greet(ctx));
    assistant.threadContextChanged((payload, ctx) -> {});
    assistant.userMessage((payload, ctx) -> {
      if (events.firstTime(payload.getEventId())) {
        onQuestion(payload.getEvent(), ctx);
      }
    });
    // AskHR's own messages in the thread (its greeting, its answers) come back as events: nothing to do.
    assistant.botMessage((payload, ctx) -> {});
    return assistant;
  }

  private void greet(EventContext ctx) {
    try {
      var said = ctx.say(SlackTexts.greeting());
      SlackCallFailedException.check("chat.postMessage", said.isOk(), said.getError());
      var set = ctx.setSuggestedPrompts(prompts.current().stream()
          .map(p -> new SuggestedPrompt(p.title(), p.message())).toList(), SlackTexts.promptsTitle());
      SlackCallFailedException.check("assistant.threads.setSuggestedPrompts", set.isOk(), set.getError());
    } catch (Exception e) {
      log.warn("Greeting a new assistant thread failed ({})", e.getClass().getSimpleName());
    }
  }

  private void onQuestion(MessageEvent event, EventContext ctx) {
    if (event.getUser() == null || event.getUser().equals(ctx.getBotUserId())) {
      return;
    }
    String text = SlackMarkup.toPlain(event.getText(), ctx.getBotUserId());
    String key = QuestionListeners.conversationKey(event.getChannel(), event.getThreadTs());
    // The thread is named after its first question; the title is set with the status, off this thread.
    Optional<String> title = answerer.knows(key) ? Optional.empty() : Optional.of(title(text));
    // The status line is shown before the answer flow has told the language; detected here for it alone.
    Locale language = LanguageDetector.shared().detect(text);
    answerer.submit(new SlackAnswerer.Ask(ctx.getTeamId(), event.getUser(), text, key),
        new AssistantThreadDelivery(client, event.getChannel(), event.getThreadTs(), event.getUser(),
            ctx.getTeamId(), title, language));
  }

  /** A thread title for the pane's history: the question on one line, shortened. */
  static String title(String question) {
    String title = question.replaceAll("\\s+", " ").strip();
    return title.length() <= SlackTexts.TITLE_CHARS ? title : title.substring(0, SlackTexts.TITLE_CHARS - 1) + "…";
  }
}
