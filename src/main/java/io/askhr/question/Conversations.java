package io.askhr.question;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one application service every chat adapter calls: reads the conversation's history, answers (streaming when
 * the platform can), times it, gives the answer an id, remembers the turn, records the answer for HR and keeps the
 * reply for the buttons that need it again. Adapters only turn a platform event into an {@link Ask} and render the
 * {@link Answered#reply()}.
 *
 * <p>Rule for non-answers (refusals, "I could not find that", admission's "try again"): they are kept for the
 * buttons (so "Talk to HR" still hands the question on) but neither remembered as a turn nor recorded as an answer:
 * a follow-up builds on what AskHR said from the policies, and an apology carries nothing to build on.
 */
public final class Conversations {

  private static final Logger log = LoggerFactory.getLogger(Conversations.class);

  /**
   * One question in a conversation.
   *
   * @param conversationKey the conversation it continues (platform-prefixed: a web chat, a Slack thread, a Teams chat)
   * @param shared whether others read the conversation (a channel, a group chat): a sensitive answer given there
   *     is not remembered in it, the adapter sends it privately and remembers it there with {@link #remember}
   */
  public record Ask(String conversationKey, String text, Asker asker, Platform platform, boolean shared) {

    /** A question in a conversation only the asker reads. */
    public static Ask of(String conversationKey, String text, Asker asker, Platform platform) {
      return new Ask(conversationKey, text, asker, platform, false);
    }
  }

  /** The reply, the id its buttons and feedback name, and how long answering took. */
  public record Answered(Reply reply, String answerId, Duration took) {}

  private final QuestionHandler handler;
  private final AnswerLog answerLog;
  private final ConversationMemory memory;
  private final RecentAnswers recent;

  /** Conversation turns and recent answers held in this process. */
  public Conversations(QuestionHandler handler, AnswerLog answerLog) {
    this(handler, answerLog, ConversationStores.inProcess());
  }

  /** Turns and recent answers kept where {@code stores} says (the shared database, with several replicas). */
  public Conversations(QuestionHandler handler, AnswerLog answerLog, ConversationStores stores) {
    this.handler = handler;
    this.answerLog = answerLog;
    this.memory = stores.memory();
    this.recent = stores.recent();
  }

  /** Answers without streaming. */
  public Answered answer(Ask ask) {
    return answer(ask, AnswerStream.NONE);
  }

  /** Answers, reporting progress and verified sentences to {@code stream}; admission control's refusals included. */
  public Answered answer(Ask ask, AnswerStream stream) {
    String text = ask.text() == null ? "" : ask.text();
    Question question = new Question(text, ask.asker(), ask.platform(), memory.history(ask.conversationKey()));
    long start = System.nanoTime();
    Reply reply = handler.answer(question, stream);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    String answerId = UUID.randomUUID().toString();
    recent.put(answerId, text, reply);
    if (reply.isAnswer()) {
      if (!(ask.shared() && reply.has(Reply.Flag.SENSITIVE))) {
        remember(ask.conversationKey(), text, reply);
      }
      record(answerId, question, reply, took);
    }
    return new Answered(reply, answerId, took);
  }

  /** Remembers an answered exchange under {@code conversationKey} (a private chat a sensitive answer moved to). */
  public void remember(String conversationKey, String question, Reply reply) {
    if (reply.isAnswer()) {
      memory.record(conversationKey, Turn.employee(question), Turn.bot(reply.text()));
    }
  }

  /** True while {@code conversationKey} names a conversation AskHR has answered in (for thread follow-ups). */
  public boolean knows(String conversationKey) {
    return !memory.history(conversationKey).isEmpty();
  }

  /** The question and reply given under {@code answerId}, while still kept. */
  public Optional<RecentAnswers.Answered> recent(String answerId) {
    return recent.get(answerId);
  }

  /** The employee has the answer already: a store failure is logged and forgotten. */
  private void record(String answerId, Question question, Reply reply, Duration took) {
    try {
      answerLog.answered(answerId, question, reply, took);
    } catch (RuntimeException e) {
      log.warn("Could not record an answered question ({})", e.getClass().getSimpleName());
    }
  }
}
