package io.askhr.question;

import io.askhr.drafting.AnswerDrafter;
import io.askhr.drafting.Draft;
import io.askhr.drafting.DraftRequest;
import io.askhr.drafting.DraftingFailedException;
import io.askhr.drafting.QueryRewriter;
import io.askhr.knowledge.PolicyPassage;
import io.askhr.retrieval.Hit;
import io.askhr.retrieval.PolicySearcher;
import io.askhr.retrieval.Scope;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Retrieve, then draft, then check: the path from a question to a grounded, cited reply. */
public final class AnswerFlow implements QuestionHandler {

  private static final Logger log = LoggerFactory.getLogger(AnswerFlow.class);
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\u200B-\\u200F\\u2028-\\u202E\\uFEFF]");
  private static final int SNIPPET_CHARS = 240;

  private final PolicySearcher searcher;
  private final AnswerDrafter drafter;
  private final AnswerDrafter fallback;
  private final QueryRewriter rewriter;
  private final AnswerSettings settings;

  /**
   * @param drafter the preferred drafter (the language model when one is configured)
   * @param fallback the extractive drafter, used when {@code drafter} fails
   */
  public AnswerFlow(PolicySearcher searcher, AnswerDrafter drafter, AnswerDrafter fallback, QueryRewriter rewriter,
      AnswerSettings settings) {
    this.searcher = searcher;
    this.drafter = drafter;
    this.fallback = fallback;
    this.rewriter = rewriter;
    this.settings = settings;
  }

  @Override
  public Reply answer(Question question) {
    List<String> notices = new ArrayList<>();
    String text = CONTROL.matcher(question.text()).replaceAll(" ").strip();
    if (text.isEmpty()) {
      return usageHint();
    }
    if (text.length() > settings.maxQuestionChars()) {
      text = text.substring(0, settings.maxQuestionChars());
      notices.add("Your message was long, so I read only its first " + settings.maxQuestionChars() + " characters.");
    }
    List<String> earlier = question.history().stream()
        .filter(t -> t.role() == Turn.Role.EMPLOYEE).map(Turn::text).toList();
    String standalone = rewriter.standalone(text, earlier);
    boolean sensitive = !SensitiveTopics.of(text).isEmpty() || !SensitiveTopics.of(standalone).isEmpty();

    Scope scope = Scope.of(question.asker().groups(), question.asker().country());
    List<Hit> hits = searcher.search(standalone, scope, settings.topK());
    if (hits.isEmpty() || bestSimilarity(hits) < settings.minSimilarity()) {
      return notCovered(sensitive, notices);
    }
    List<PolicyPassage> sources = hits.stream().map(Hit::passage).toList();
    DraftRequest request = new DraftRequest(text, standalone, sources, sensitive);
    Reply.Mode mode = drafter == fallback ? Reply.Mode.EXTRACTIVE : Reply.Mode.LLM;
    Draft draft;
    try {
      draft = drafter.draft(request);
    } catch (DraftingFailedException e) {
      log.warn("Drafting failed, answering extractively: {}", e.getMessage());
      notices.add("The AI assistant is unavailable right now, so this answer is quoted directly from our policies.");
      draft = fallback.draft(request);
      mode = Reply.Mode.EXTRACTIVE;
    }
    if (draft.notCovered() || draft.cited().isEmpty()) {
      return notCovered(sensitive, notices);
    }
    return grounded(draft, sources, mode, sensitive, bestSimilarity(hits), notices);
  }

  private Reply grounded(Draft draft, List<PolicyPassage> sources, Reply.Mode mode, boolean sensitive,
      double similarity, List<String> notices) {
    // Number the cited sources 1..m in order of first mention, so the reader sees [1], [2] whatever was retrieved.
    Map<Integer, Integer> renumbered = new HashMap<>();
    List<Citation> citations = new ArrayList<>();
    Matcher m = Draft.MARKER.matcher(draft.text());
    StringBuilder body = new StringBuilder();
    while (m.find()) {
      int original = Integer.parseInt(m.group(1));
      Integer n = renumbered.get(original);
      if (n == null && original >= 1 && original <= sources.size()) {
        n = citations.size() + 1;
        renumbered.put(original, n);
        citations.add(citation(n, sources.get(original - 1)));
      }
      m.appendReplacement(body, n == null ? "" : "[" + n + "]");
    }
    m.appendTail(body);

    StringBuilder text = new StringBuilder();
    Set<Reply.Flag> flags = EnumSet.noneOf(Reply.Flag.class);
    boolean unsure = similarity < settings.confidentSimilarity();
    if (mode == Reply.Mode.EXTRACTIVE && unsure) {
      // Quoting a loosely related passage as if it were the answer would mislead; say what it is.
      flags.add(Reply.Flag.ESCALATION_SUGGESTED);
      text.append("I could not find a policy that answers this directly. The closest passages I found say ")
          .append("(quoted directly); if they do not help, please contact ").append(settings.hrContact()).append(":\n");
    } else if (mode == Reply.Mode.EXTRACTIVE) {
      text.append("Here is what our policies say (quoted directly):\n");
    }
    text.append(body.toString().strip());
    if (sensitive) {
      flags.add(Reply.Flag.SENSITIVE);
      flags.add(Reply.Flag.ESCALATION_SUGGESTED);
      text.append("\n\nThis is what the policy says in general; it is not a decision about your own situation. ")
          .append("To talk about your case in confidence, contact ").append(settings.hrContact()).append('.');
    }
    return new Reply(text.toString(), citations, confidence(similarity, mode), flags, mode, notices);
  }

  /** How far the best match clears the "not covered" threshold, scaled to 0..1; extractive answers count less. */
  private double confidence(double similarity, Reply.Mode mode) {
    double span = Math.max(0.05, 0.8 - settings.minSimilarity());
    double c = Math.min(1.0, Math.max(0.05, (similarity - settings.minSimilarity()) / span));
    return Math.round((mode == Reply.Mode.LLM ? c : c * 0.9) * 100) / 100.0;
  }

  private static double bestSimilarity(List<Hit> hits) {
    return hits.stream().mapToDouble(Hit::similarity).max().orElse(0);
  }

  private static Citation citation(int number, PolicyPassage p) {
    String text = p.text().strip().replaceAll("\\s+", " ");
    String snippet = text.length() <= SNIPPET_CHARS ? text : text.substring(0, SNIPPET_CHARS).replaceAll("\\s\\S*$", "") + "…";
    // A top heading that repeats the title adds nothing to "Title — Section".
    List<String> path = p.headingPath();
    if (!path.isEmpty() && path.get(0).equalsIgnoreCase(p.title())) {
      path = path.subList(1, path.size());
    }
    return new Citation(number, p.source(), p.title(), String.join(" › ", path), p.page(), p.effective(), p.url(),
        snippet);
  }

  private Reply notCovered(boolean sensitive, List<String> notices) {
    Set<Reply.Flag> flags = EnumSet.of(Reply.Flag.NOT_COVERED, Reply.Flag.ESCALATION_SUGGESTED);
    if (sensitive) {
      flags.add(Reply.Flag.SENSITIVE);
    }
    String text = "I could not find this in our HR policies, so I won't guess. Please contact "
        + settings.hrContact() + ", who can answer it.";
    return new Reply(text, List.of(), 0, flags, Reply.Mode.EXTRACTIVE, notices);
  }

  private static Reply usageHint() {
    String text = "Ask me a question about our HR policies, for example \"How is severance calculated?\" or "
        + "\"How many days of annual leave do I get?\"";
    return new Reply(text, List.of(), 0, EnumSet.of(Reply.Flag.USAGE_HINT), Reply.Mode.EXTRACTIVE, List.of());
  }
}
