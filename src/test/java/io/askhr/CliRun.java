package io.askhr;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** One run of the {@code askhr} command line in this JVM: exit status and what it printed. */
record CliRun(int status, String out, String err) {

  /** Runs {@code askhr args...} with exactly {@code environment} as its environment. */
  static CliRun of(Map<String, String> environment, String... args) {
    CommandLine cli = AskHr.commandLine(environment);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int status = cli.execute(args);
    return new CliRun(status, out.toString(), err.toString());
  }
}
