package io.askhr.drafting;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the chat model, in one call, to make a follow-up standalone (and a question in another language English: our
 * policies are in English) and to judge whether it is sensitive; falls back to {@link FollowUpHeuristic} (and no
 * judgement) if the model fails or answers in another shape.
 */
public final class LlmQueryRewriter implements QueryRewriter {

  private static final Logger log = LoggerFactory.getLogger(LlmQueryRewriter.class);
  /** Older turns rarely change what a follow-up means and cost prompt tokens. */
  private static final int TURNS_KEPT = 4;
  private static final int MAX_REWRITE_CHARS = 500;
  /** The two lines bot/prompts/rewrite.md asks for; anything else is not trusted. */
  private static final Pattern REPLY =
      Pattern.compile("(?is)^\\s*SENSITIVE:\\s*(yes|no)\\s*\\R\\s*QUESTION:\\s*(.+?)\\s*$");

  private final ChatModel model;
  private final QueryRewriter fallback = new FollowUpHeuristic();

  public LlmQueryRewriter(ChatModel model) {
    this.model = model;
  }

  @Override
  public String standalone(String latest, List<String> earlierQuestions) {
    return earlierQuestions.isEmpty() ? latest : rewrite(latest, earlierQuestions).standalone();
  }

  @Override
  public Rewrite rewrite(String latest, List<String> earlierQuestions) {
    return rewrite(latest, earlierQuestions, Locale.ENGLISH);
  }

  @Override
  public Rewrite rewrite(String latest, List<String> earlierQuestions, Locale language) {
    // NOTE: an English first question is not sent: one more model round trip before every answer would double the
    // wait, and the local judges (rules and HR's examples) decide alone. A follow-up, or a question in another
    // language (to be searched in English), is sent, and that call also judges.
    if (earlierQuestions.isEmpty() && language.getLanguage().equals(Locale.ENGLISH.getLanguage())) {
      return new Rewrite(latest, false);
    }
    List<String> recent = earlierQuestions.subList(Math.max(0, earlierQuestions.size() - TURNS_KEPT),
        earlierQuestions.size());
    String prompt = Prompts.render("rewrite.md", Map.of("earlier", String.join("\n", recent), "latest", latest));
    try {
      String reply = model.chat(UserMessage.from(prompt)).aiMessage().text();
      Matcher m = REPLY.matcher(reply == null ? "" : reply);
      if (m.matches()) {
        boolean sensitive = m.group(1).equalsIgnoreCase("yes");
        String rewritten = m.group(2).strip();
        if (rewritten.isEmpty() || rewritten.length() > MAX_REWRITE_CHARS) {
          return new Rewrite(fallback.standalone(latest, earlierQuestions), sensitive);
        }
        return new Rewrite(rewritten, sensitive);
      }
      log.warn("Query rewrite came back in an unexpected shape; using the heuristic");
    } catch (RuntimeException e) {
      log.warn("Query rewrite failed ({}); using the heuristic", e.getClass().getSimpleName());
    }
    return new Rewrite(fallback.standalone(latest, earlierQuestions), false);
  }
}
