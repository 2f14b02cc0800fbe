package io.askhr;

import io.askhr.retrieval.IndexReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code askhr index}: builds or updates the index and says what it did. */
@Command(name = "index", description = "Build or update the index of the knowledge folder.")
final class IndexCommand implements Callable<Integer> {

  @Mixin FolderOptions folders;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    try (Engine engine = Engine.open(folders.settings())) {
      IndexReport report = engine.refresh();
      PrintWriter out = spec.commandLine().getOut();
      out.printf("Knowledge: %s%nIndex:     %s%n", engine.settings().knowledgeDir(), engine.settings().indexDir());
      if (!engine.writable()) {
        out.println("The index is being written by another AskHR process (serve?); nothing was updated.");
        out.flush();
        return 1;
      }
      out.printf("Files: %d (changed %d, removed %d)%nPassages: %d (embedded now: %d)%n",
          report.files(), report.changedFiles(), report.removedFiles(), report.passages(), report.embedded());
      out.printf("Skipped: %d%n", report.problems().size());
      report.problems().forEach(p -> out.printf("  %s: %s%n", p.source(), p.reason()));
      out.printf("Took: %.2f s%n", report.took().toMillis() / 1000.0);
      out.flush();
    }
    return 0;
  }
}
