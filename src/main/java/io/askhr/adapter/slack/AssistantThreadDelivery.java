package io.askhr.adapter.slack;

import com.slack.api.methods.MethodsClient;
import io.askhr.question.AnswerStream;
import io.askhr.question.Reply;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers in an assistant thread (Slack's AI app pane, or a thread in the DM): a status line while AskHR works, the
 * verified sentences streamed with {@code chat.startStream} / {@code chat.appendStream}, and the sources and buttons
 * with {@code chat.stopStream}. When the answer changed course after sentences were shown (the output guard stopped
 * the model), the stream stops and the message is replaced by the whole reply. Without a model nothing streams and
 * the answer is posted whole.
 */
final class AssistantThreadDelivery implements Delivery, AnswerStream {

  private static final Logger log = LoggerFactory.getLogger(AssistantThreadDelivery.class);

  private final MethodsClient client;
  private final String channel;
  private final String threadTs;
  private final String userId;
  private final String teamId;
  /** The question's language, for the status lines (the reply brings its own). */
  private final Locale language;
  /** The thread's title, until it is set. */
  private Optional<String> title;
  /** The raw answer text shown so far, to check that the final reply continues it. */
  private final StringBuilder streamed = new StringBuilder();
  private boolean searching;
  private boolean checking;
  private String streamTs;
  private boolean broken;

  /**
   * @param title the thread's title, for its first question; empty for follow-ups
   * @param language the question's language, for the status lines
   */
  AssistantThreadDelivery(MethodsClient client, String channel, String threadTs, String userId, String teamId,
      Optional<String> title, Locale language) {
    this.language = language;
    this.title = title;
    this.client = client;
    this.channel = channel;
    this.threadTs = threadTs;
    this.userId = userId;
    this.teamId = teamId;
  }

  @Override
  public AnswerStream stream() {
    return this;
  }

  @Override
  public void placeholder() {
    stage(Stage.SEARCHING);
  }

  /** Each status is shown once and in order, whether the placeholder or the answer flow gets there first. */
  @Override
  public synchronized void stage(Stage stage) {
    title.ifPresent(this::title);
    title = Optional.empty();
    if (stage == Stage.SEARCHING && !searching && !checking) {
      searching = true;
      status(SlackTexts.searching(language));
    } else if (stage == Stage.CHECKING_SOURCES && !checking) {
      checking = true;
      status(SlackTexts.checking(language));
    }
  }

  @Override
  public synchronized void verified(String piece) {
    if (broken) {
      return;
    }
    String markdown = SlackMarkup.toStreamMarkdown(piece);
    try {
      if (streamTs == null) {
        var started = client.chatStartStream(r -> r.channel(channel).threadTs(threadTs).markdownText(markdown)
            .recipientUserId(userId).recipientTeamId(teamId));
        SlackCallFailedException.check("chat.startStream", started.isOk(), started.getError());
        streamTs = started.getTs();
      } else {
        var appended = client.chatAppendStream(r -> r.channel(channel).ts(streamTs).markdownText(markdown));
        SlackCallFailedException.check("chat.appendStream", appended.isOk(), appended.getError());
      }
      streamed.append(piece);
    } catch (Exception e) {
      // The answer still arrives whole at the end; a stream that cannot go on is not worth failing the question for.
      log.warn("Streaming to Slack failed ({}); the answer will be posted whole", e.getClass().getSimpleName());
      broken = true;
    }
  }

  @Override
  public synchronized void answer(Reply reply, String answerId, String question) throws Exception {
    if (streamTs == null) {
      var posted = client.chatPostMessage(r -> r.channel(channel).threadTs(threadTs)
          .text(AnswerBlocks.fallback(reply)).blocks(AnswerBlocks.answer(reply, answerId, question, false)));
      SlackCallFailedException.check("chat.postMessage", posted.isOk(), posted.getError());
      return;
    }
    String shown = streamed.toString();
    if (!broken && reply.text().startsWith(shown)) {
      String rest = reply.text().substring(shown.length());
      var stopped = client.chatStopStream(r -> r.channel(channel).ts(streamTs)
          .markdownText(rest.isBlank() ? null : SlackMarkup.toStreamMarkdown(rest))
          .blocks(AnswerBlocks.tail(reply, answerId, question, false)));
      SlackCallFailedException.check("chat.stopStream", stopped.isOk(), stopped.getError());
      return;
    }
    // What was shown is not the answer (the guard stopped the model, or it found the question not covered).
    log.info("Replacing a streamed answer with the final reply (mode {})", reply.mode());
    stop();
    var updated = client.chatUpdate(r -> r.channel(channel).ts(streamTs).text(AnswerBlocks.fallback(reply))
        .blocks(AnswerBlocks.answer(reply, answerId, question, false)));
    SlackCallFailedException.check("chat.update", updated.isOk(), updated.getError());
  }

  @Override
  public synchronized void apologise(String text) {
    try {
      if (streamTs == null) {
        client.chatPostMessage(r -> r.channel(channel).threadTs(threadTs).text(text));
      } else {
        stop();
        client.chatUpdate(r -> r.channel(channel).ts(streamTs).text(text).blocks(java.util.List.of()));
      }
    } catch (Exception e) {
      log.error("Could not tell the asker in {} that answering failed ({})", channel, e.getClass().getSimpleName());
    }
  }

  private void stop() {
    try {
      var stopped = client.chatStopStream(r -> r.channel(channel).ts(streamTs));
      if (!stopped.isOk()) {
        log.warn("chat.stopStream failed: {}", stopped.getError());
      }
    } catch (Exception e) {
      log.warn("chat.stopStream failed ({})", e.getClass().getSimpleName());
    }
  }

  /** Names the thread in the pane's history; best effort. */
  private void title(String text) {
    try {
      var set = client.assistantThreadsSetTitle(r -> r.channelId(channel).threadTs(threadTs).title(text));
      if (!set.isOk()) {
        log.debug("assistant.threads.setTitle failed: {}", set.getError());
      }
    } catch (Exception e) {
      log.debug("assistant.threads.setTitle failed ({})", e.getClass().getSimpleName());
    }
  }

  /** Best effort: the status line is a courtesy, and Slack clears it when the answer is posted. */
  private void status(String text) {
    try {
      var set = client.assistantThreadsSetStatus(r -> r.channelId(channel).threadTs(threadTs).status(text));
      if (!set.isOk()) {
        log.debug("assistant.threads.setStatus failed: {}", set.getError());
      }
    } catch (Exception e) {
      log.debug("assistant.threads.setStatus failed ({})", e.getClass().getSimpleName());
    }
  }
}
