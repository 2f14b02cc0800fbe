package io.askhr.adapter.slack;

import io.askhr.question.Asker;
import io.askhr.question.Conversations;
import io.askhr.question.Platform;
import io.askhr.question.Reply;
import io.askhr.question.RequestId;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers Slack questions off the acknowledging thread, so that Slack gets its ack within milliseconds, and makes
 * sure every question ends with an answer or an apology, never with a placeholder left behind.
 */
final class SlackAnswerer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SlackAnswerer.class);
  /**
   * Answering mostly waits for the model, so a thread per question in flight is cheap; admission control (rate limit,
   * concurrent answers) bounds the real work.
   */
  private static final int THREADS = 32;
  /** Questions waiting beyond this are told to try again rather than queued for minutes. */
  private static final int QUEUE = 500;

  /** One Slack question: who asked, what, and which conversation it continues. */
  record Ask(String teamId, String userId, String text, String conversationKey) {}

  private final Conversations conversations;
  private final SlackAudience audience;
  private final String hrContact;
  private final ExecutorService workers;
  private final ExecutorService placeholders;

  SlackAnswerer(Conversations conversations, SlackAudience audience, String hrContact) {
    this.conversations = conversations;
    this.audience = audience;
    this.hrContact = hrContact;
    AtomicInteger count = new AtomicInteger();
    this.workers = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
        r -> {
          Thread thread = new Thread(r, "askhr-slack-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    this.placeholders = Executors.newCachedThreadPool(r -> {
      Thread thread = new Thread(r, "askhr-slack-placeholder");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Queues a question; returns at once. */
  void submit(Ask ask, Delivery delivery) {
    try {
      workers.execute(RequestId.carry(() -> answer(ask, delivery)));
    } catch (RejectedExecutionException e) {
      log.warn("Slack question refused: {} questions are already waiting", QUEUE);
      delivery.apologise("I'm answering a lot of questions right now. Please ask again in a minute.");
    }
  }

  /** True while {@code key} names a conversation AskHR has answered in (for thread follow-ups). */
  boolean knows(String conversationKey) {
    return conversations.knows(conversationKey);
  }

  private void answer(Ask ask, Delivery delivery) {
    // The placeholder is posted while the answer is drafted: the employee sees it at once, the answer loses no time.
    CompletableFuture<Void> placeholder = CompletableFuture.runAsync(() -> {
      try {
        delivery.placeholder();
      } catch (Exception e) {
        throw new CompletionException(e);
      }
    }, placeholders);
    try {
      Asker asker = audience.asker(ask.teamId(), ask.userId());
      Conversations.Answered answered = conversations.answer(
          Conversations.Ask.of(ask.conversationKey(), ask.text(), asker, Platform.SLACK), delivery.stream());
      Reply reply = answered.reply();
      String answerId = answered.answerId();
      Duration took = answered.took();
      if (!posted(placeholder)) {
        return;
      }
      delivery.answer(reply, answerId, ask.text());
      log.info("Answered a Slack question in {} ms (mode {}, flags {}, {} citations)", took.toMillis(),
          reply.mode(), reply.flags(), reply.citations().size());
    } catch (Exception | Error e) {
      log.error("Answering a Slack question failed", e);
      if (!posted(placeholder)) {
        return;
      }
      delivery.apologise("Sorry, something went wrong while I was looking that up. Please try again in a moment, or"
          + " contact " + hrContact + ".");
    }
  }

  /** Waits for the placeholder; false (logged) when Slack could not be reached, so nothing more can be posted. */
  private static boolean posted(CompletableFuture<Void> placeholder) {
    try {
      placeholder.join();
      return true;
    } catch (CompletionException | CancellationException e) {
      log.error("Cannot post to Slack ({}); the question is dropped",
          e.getCause() == null ? e.getClass().getSimpleName() : e.getCause().getMessage());
      return false;
    }
  }

  @Override
  public void close() {
    workers.shutdown();
    placeholders.shutdown();
    try {
      workers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
