package io.askhr.retrieval;

import io.askhr.knowledge.IngestProblem;
import java.time.Duration;
import java.util.List;

/**
 * What one indexing run did.
 *
 * @param files readable files found in the knowledge folder
 * @param changedFiles files (new or modified) whose passages were replaced
 * @param removedFiles files gone from the folder whose passages were deleted
 * @param passages passages in the index after the run
 * @param embedded passages embedded during this run (0 when nothing changed)
 * @param problems files that were skipped, with the reason
 */
public record IndexReport(
    int files,
    int changedFiles,
    int removedFiles,
    int passages,
    int embedded,
    List<IngestProblem> problems,
    Duration took) {

  public IndexReport {
    problems = List.copyOf(problems);
  }
}
