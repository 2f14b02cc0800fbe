package io.askhr.drafting;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the chat model to make a follow-up standalone, and a question in another language English (our policies are
 * in English); falls back to {@link FollowUpHeuristic} if the model fails.
 */
public final class LlmQueryRewriter implements QueryRewriter {

  private static final Logger log = LoggerFactory.getLogger(LlmQueryRewriter.class);
  /** Older turns rarely change what a follow-up means and cost prompt tokens. */
  private static final int TURNS_KEPT = 4;
  private static final int MAX_REWRITE_CHARS = 500;

  private final ChatModel model;
  private final QueryRewriter fallback = new FollowUpHeuristic();

  public LlmQueryRewriter(ChatModel model) {
    this.model = model;
  }

  @Override
  public String standalone(String latest, List<String> earlierQuestions) {
    return standalone(latest, earlierQuestions, Locale.ENGLISH);
  }

  @Override
  public String standalone(String latest, List<String> earlierQuestions, Locale language) {
    if (earlierQuestions.isEmpty() && language.getLanguage().equals(Locale.ENGLISH.getLanguage())) {
      return latest;
    }
    List<String> recent = earlierQuestions.subList(Math.max(0, earlierQuestions.size() - TURNS_KEPT),
        earlierQuestions.size());
    String prompt = Prompts.render("rewrite.md", Map.of("earlier", String.join("\n", recent), "latest", latest));
    try {
      String rewritten = model.chat(UserMessage.from(prompt)).aiMessage().text();
      if (rewritten != null && !rewritten.isBlank() && rewritten.length() <= MAX_REWRITE_CHARS) {
        return rewritten.strip();
      }
    } catch (RuntimeException e) {
      log.warn("Follow-up rewrite failed ({}); using the heuristic", e.getClass().getSimpleName());
    }
    return fallback.standalone(latest, earlierQuestions);
  }
}
