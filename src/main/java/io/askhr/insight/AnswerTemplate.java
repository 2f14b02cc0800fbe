package io.askhr.insight;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A ready-to-fill approved-answer file for a knowledge gap: the front matter of {@code knowledge/answers/*.md} with the
 * gap's example questions as its phrasings and every other field a TODO, so that {@code askhr check} rejects the file
 * until HR has written the answer, its sources, owner, dates and audience. An unfilled audience names no real group,
 * so a file saved unfinished is shown to nobody.
 */
public final class AnswerTemplate {

  /** The placeholder HR replaces; {@code askhr check} reports any field still holding it. */
  public static final String TODO = "TODO";
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\u2028\\u2029]+");

  private AnswerTemplate() {}

  /** The file for {@code gap}, dated {@code today} in its comment. */
  public static String forGap(InsightReport.Gap gap, LocalDate today) {
    StringBuilder md = new StringBuilder("---\n");
    md.append("# Drafted from a knowledge gap on the AskHR dashboard on ").append(today).append(": ")
        .append(gap.count()).append(" questions (").append(gap.notCovered()).append(" not covered, ")
        .append(gap.hedged()).append(" hedged, ").append(gap.unhelpful()).append(" not helpful, ")
        .append(gap.escalated()).append(" escalated).\n")
        .append("# Replace every TODO, save the file in knowledge/answers/ and run `askhr check`.\n");
    md.append("questions:\n");
    gap.examples().forEach(q -> md.append("  - ").append(yamlString(q)).append('\n'));
    md.append("owner: ").append(TODO).append('\n');
    md.append("effective: ").append(TODO).append("   # the date this answer applies from, e.g. ").append(today)
        .append('\n');
    md.append("review_by: ").append(TODO).append("   # when HR must look at it again\n");
    md.append("audience: ").append(TODO).append("   # who may see it, e.g. everyone\n");
    md.append("sources:\n  - ").append(TODO).append("   # the policy files this answer relies on, under knowledge/\n");
    md.append("---\n\n").append(TODO).append(": the answer employees should read, in plain words.\n");
    return md.toString();
  }

  /** A double-quoted YAML scalar: an employee's question may hold quotes, colons, '#' or line breaks. */
  static String yamlString(String text) {
    String flat = CONTROL.matcher(text).replaceAll(" ").strip();
    return "\"" + flat.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
