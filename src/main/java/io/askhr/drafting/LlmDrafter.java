package io.askhr.drafting;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.ChatModel;
import io.askhr.knowledge.PolicyPassage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Drafts answers with a chat model through LangChain4j, from numbered passages, and checks its citations. */
public final class LlmDrafter implements AnswerDrafter {

  /** The model's whole reply when the sources do not answer; see bot/prompts/answer-system.md. */
  static final String NOT_COVERED_MARKER = "NOT_COVERED";
  private static final Logger log = LoggerFactory.getLogger(LlmDrafter.class);
  private static final PromptLeakGuard GUARD = PromptLeakGuard.forAnswerPrompts();
  /** The tags that delimit data in the user prompt; data must not be able to close them. */
  private static final Pattern DELIMITER = Pattern.compile("(?i)<\\s*/?\\s*(sources|question)\\s*>");

  private final ChatModel model;
  private final String company;
  private final String hrContact;

  public LlmDrafter(ChatModel model, String company, String hrContact) {
    this.model = model;
    this.company = company;
    this.hrContact = hrContact;
  }

  @Override
  public Draft draft(DraftRequest request) {
    String text;
    try {
      text = model.chat(SystemMessage.from(systemPrompt(request.sensitive())), UserMessage.from(userPrompt(request)))
          .aiMessage().text();
    } catch (RuntimeException e) {
      throw new DraftingFailedException(failure(e), e);
    }
    if (text == null || text.isBlank() || text.strip().replaceAll("[^A-Z_]", "").equals(NOT_COVERED_MARKER)) {
      return Draft.noAnswer();
    }
    String guarded = GUARD.strip(text);
    if (!guarded.equals(text.strip())) {
      log.warn("Removed {} characters repeating AskHR's instructions from a model reply",
          text.strip().length() - guarded.length());
      if (guarded.isBlank()) {
        throw new DraftingFailedException("model reply repeated its instructions", null);
      }
    }
    return CitationCheck.check(guarded, request.sources().size());
  }

  /** The exception type, and the HTTP status when there is one; never the provider's message, which may echo input. */
  static String failure(RuntimeException e) {
    return e.getClass().getSimpleName() + Causes.find(e, HttpException.class)
        .map(http -> " (HTTP " + http.statusCode() + ")").orElse("");
  }

  String systemPrompt(boolean sensitive) {
    Map<String, Object> values = new HashMap<>();
    values.put("company", company);
    values.put("hr_contact", hrContact);
    values.put("sensitive_rules", sensitive ? Prompts.render("answer-sensitive.md", values) : "");
    return Prompts.render("answer-system.md", values);
  }

  static String userPrompt(DraftRequest request) {
    return Prompts.render("answer-user.md", Map.of(
        "sources", numberedSources(request.sources()),
        "question", data(request.standaloneQuestion().equals(request.question())
            ? request.question()
            : request.question() + "\n(In context: " + request.standaloneQuestion() + ")")));
  }

  /** Text that goes into the prompt as data, unable to close the tags that delimit it. */
  static String data(String text) {
    return DELIMITER.matcher(text).replaceAll("[tag removed]");
  }

  /** Each passage as {@code [n] Title — Section (page, effective date)} followed by its text. */
  static String numberedSources(List<PolicyPassage> sources) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < sources.size(); i++) {
      PolicyPassage p = sources.get(i);
      out.append('[').append(i + 1).append("] ").append(p.title());
      if (!p.headingPath().isEmpty()) {
        out.append(" — ").append(p.section());
      }
      StringBuilder details = new StringBuilder();
      if (p.page() > 0) {
        details.append("page ").append(p.page());
      }
      p.effective().ifPresent(d -> details.append(details.length() > 0 ? ", " : "").append("effective ").append(d));
      if (!p.countries().isEmpty()) {
        details.append(details.length() > 0 ? ", " : "").append("applies in ")
            .append(String.join(", ", p.countries().stream().sorted().toList()));
      }
      if (details.length() > 0) {
        out.append(" (").append(details).append(')');
      }
      out.append('\n').append(data(p.text().strip())).append("\n\n");
    }
    return out.toString().strip();
  }
}
