package io.askhr.adapter.slack;

import io.askhr.insight.AnsweredQuestion;
import io.askhr.insight.InsightStore;
import io.askhr.question.Asker;
import io.askhr.question.ConversationMemory;
import io.askhr.question.Platform;
import io.askhr.question.Question;
import io.askhr.question.QuestionHandler;
import io.askhr.question.Reply;
import io.askhr.question.RequestId;
import io.askhr.question.Turn;
import java.time.Duration;
import java.util.UUID;
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

  private final QuestionHandler handler;
  private final SlackAudience audience;
  private final ConversationMemory memory;
  private final RecentAnswers recent;
  private final InsightStore insight;
  private final String hrContact;
  private final ExecutorService workers;
  private final ExecutorService placeholders;

  SlackAnswerer(QuestionHandler handler, SlackAudience audience, ConversationMemory memory, RecentAnswers recent,
      InsightStore insight, String hrContact) {
    this.handler = handler;
    this.audience = audience;
    this.memory = memory;
    this.recent = recent;
    this.insight = insight;
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
    return !memory.history(conversationKey).isEmpty();
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
      long start = System.nanoTime();
      Asker asker = audience.asker(ask.teamId(), ask.userId());
      Reply reply = handler.answer(new Question(ask.text(), asker, Platform.SLACK,
          memory.history(ask.conversationKey())), delivery.stream());
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      String answerId = UUID.randomUUID().toString();
      if (reply.isAnswer()) {
        memory.record(ask.conversationKey(), Turn.employee(ask.text()), Turn.bot(reply.text()));
        recent.put(answerId, ask.text(), reply);
        record(AnsweredQuestion.of(answerId, Platform.SLACK, asker.id(), ask.text(), reply, took));
      }
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

  private void record(AnsweredQuestion answered) {
    try {
      insight.recordAnswer(answered);
    } catch (RuntimeException e) {
      log.warn("Could not record the answer in the insight store ({})", e.getClass().getSimpleName());
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
