package io.askhr.drafting;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drafts with a streaming chat model, sentence by sentence: each sentence is shown only after everything written so
 * far passed the output guard and the sentence passed the citation check. A sentence that repeats AskHR's
 * instructions stops the draft (the caller answers extractively instead); without a listener it drafts whole, as
 * {@link LlmDrafter} does.
 */
public final class StreamingLlmDrafter implements AnswerDrafter {

  private static final Logger log = LoggerFactory.getLogger(StreamingLlmDrafter.class);
  private static final PromptLeakGuard GUARD = PromptLeakGuard.forAnswerPrompts();

  private final StreamingChatModel model;
  private final LlmDrafter whole;
  private final Duration maxWait;

  /**
   * @param whole drafts when nobody streams, and renders the prompts
   * @param maxWait the longest pause between two tokens before the draft is given up; the model wrapper's own
   *     idle timeout normally fires first (see {@link ResilientChatModel#streaming})
   */
  public StreamingLlmDrafter(StreamingChatModel model, LlmDrafter whole, Duration maxWait) {
    this.model = model;
    this.whole = whole;
    this.maxWait = maxWait;
  }

  @Override
  public Draft draft(DraftRequest request) {
    return whole.draft(request);
  }

  @Override
  public Draft draft(DraftRequest request, Consumer<String> verified) {
    BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    ChatRequest chat = ChatRequest.builder().messages(SystemMessage.from(whole.systemPrompt(request.sensitive())),
        UserMessage.from(LlmDrafter.userPrompt(request))).build();
    try {
      model.chat(chat, new StreamingChatResponseHandler() {
        @Override
        public void onPartialResponse(String token) {
          events.add(token);
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
          events.add(response);
        }

        @Override
        public void onError(Throwable error) {
          events.add(error);
        }
      });
    } catch (RuntimeException e) {
      throw new DraftingFailedException(LlmDrafter.failure(e), e);
    }
    Checked checked = new Checked(request.sources().size(), verified);
    StreamedSentences sentences = new StreamedSentences();
    while (true) {
      Object event = next(events);
      if (event instanceof String token) {
        for (String piece : sentences.add(token)) {
          checked.accept(piece);
        }
      } else if (event instanceof ChatResponse) {
        checked.accept(sentences.rest());
        return checked.draft();
      } else {
        Throwable error = (Throwable) event;
        RuntimeException e = error instanceof RuntimeException r ? r : new IllegalStateException(error);
        throw new DraftingFailedException(LlmDrafter.failure(e), e);
      }
    }
  }

  private Object next(BlockingQueue<Object> events) {
    try {
      Object event = events.poll(maxWait.toMillis(), TimeUnit.MILLISECONDS);
      if (event == null) {
        throw new DraftingFailedException("no token within " + maxWait.toSeconds() + " s", null);
      }
      return event;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DraftingFailedException("interrupted", e);
    }
  }

  /** The sentences shown so far and what they cite. */
  private static final class Checked {

    private final int sources;
    private final Consumer<String> verified;
    private final StringBuilder written = new StringBuilder();
    private final StringBuilder shown = new StringBuilder();
    private final TreeSet<Integer> cited = new TreeSet<>();

    Checked(int sources, Consumer<String> verified) {
      this.sources = sources;
      this.verified = verified;
    }

    void accept(String piece) {
      if (piece.isBlank()) {
        return;
      }
      written.append(piece);
      if (piece.contains(LlmDrafter.NOT_COVERED_MARKER)) {
        return;
      }
      if (GUARD.leaks(written.toString())) {
        log.warn("A streamed model reply repeated AskHR's instructions; the stream stops");
        throw new DraftingFailedException("model reply repeated its instructions", null);
      }
      Draft sentence = CitationCheck.check(piece, sources);
      if (sentence.text().isEmpty()) {
        return;
      }
      String out = separator(piece) + sentence.text();
      shown.append(out);
      cited.addAll(sentence.cited());
      verified.accept(out);
    }

    /** Keeps paragraph and line breaks between sentences; anything else becomes one space. */
    private String separator(String piece) {
      if (shown.length() == 0) {
        return "";
      }
      String lead = piece.substring(0, piece.length() - piece.stripLeading().length());
      return lead.contains("\n\n") ? "\n\n" : lead.contains("\n") ? "\n" : " ";
    }

    Draft draft() {
      String text = written.toString().strip();
      if (shown.length() == 0 && (text.isEmpty()
          || text.replaceAll("[^A-Z_]", "").equals(LlmDrafter.NOT_COVERED_MARKER))) {
        return Draft.noAnswer();
      }
      return new Draft(shown.toString(), List.copyOf(cited), false);
    }
  }
}
