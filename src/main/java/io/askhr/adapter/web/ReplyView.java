package io.askhr.adapter.web;

import io.askhr.question.Citation;
import io.askhr.question.Reply;
import java.util.List;
import java.util.Locale;

/**
 * The JSON shape of a reply, shared by {@code POST /api/ask} and {@code askhr ask --json}.
 *
 * @param flags lower-case flag names, e.g. {@code not_covered}
 * @param approved the "Approved by HR · owner · date" label of an HR-approved answer; null otherwise
 * @param language the reply's language tag ({@code de}), the language the employee wrote in
 */
public record ReplyView(
    String answer, String mode, List<String> flags, double confidence, List<CitationView> citations,
    List<String> notices, String approved, String language) {

  /**
   * One cited passage.
   *
   * @param source file name relative to the knowledge folder
   * @param page 1-based page, or null for formats without pages
   */
  public record CitationView(
      int number, String source, String title, String section, Integer page, String effective, String url,
      String snippet) {}

  public ReplyView {
    flags = List.copyOf(flags);
    citations = List.copyOf(citations);
    notices = List.copyOf(notices);
  }

  /** The JSON view of a reply. */
  public static ReplyView of(Reply reply) {
    return new ReplyView(
        reply.text(),
        reply.mode().name().toLowerCase(Locale.ROOT),
        reply.flags().stream().map(f -> f.name().toLowerCase(Locale.ROOT)).sorted().toList(),
        reply.confidence(),
        reply.citations().stream().map(ReplyView::citation).toList(),
        reply.notices(),
        reply.approval().map(a -> a.label(reply.language())).orElse(null),
        reply.language().toLanguageTag());
  }

  private static CitationView citation(Citation c) {
    return new CitationView(c.number(), c.source(), c.title(), c.section(), c.page() > 0 ? c.page() : null,
        c.effective().map(Object::toString).orElse(null), c.link().orElse(null), c.snippet());
  }
}
