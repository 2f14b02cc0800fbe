package io.askhr;

import io.askhr.config.ConfigException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point: {@code java -jar askhr.jar [serve|ask|index|check|report|config|eval|bench] ...}; {@code serve} is the
 * default.
 */
@Command(name = "askhr", mixinStandardHelpOptions = true, version = "AskHR 0.1",
    description = "Answers employees' HR questions from the policy documents in a knowledge folder.",
    subcommands = {ServeCommand.class, AskCommand.class, IndexCommand.class, CheckCommand.class, ReportCommand.class,
        ConfigCommand.class, EvalCommand.class, BenchCommand.class, TrustEvalCommand.class})
public final class AskHr implements Runnable {

  /** Exit status for bad usage or configuration (missing folder, invalid setting, unusable file or index). */
  static final int USAGE_ERROR = 2;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit status. */
  static int run(String... args) {
    return commandLine(System.getenv()).execute(args.length == 0 ? new String[] {"serve"} : args);
  }

  private final Map<String, String> environment;

  AskHr(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** Where the commands read their settings: the process environment, or a test's. */
  Map<String, String> environment() {
    return environment;
  }

  /** The command line with AskHR's error handling: usage and configuration errors exit with status 2. */
  static CommandLine commandLine(Map<String, String> environment) {
    CommandLine cli = new CommandLine(new AskHr(environment));
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof ConfigException || e instanceof IOException) {
        commandLine.getErr().println("askhr: " + describe(e));
        return USAGE_ERROR;
      }
      throw e;
    });
    return cli;
  }

  private static String describe(Exception e) {
    if (e instanceof NoSuchFileException missing) {
      return missing.getFile() + ": " + (missing.getReason() == null ? "not found" : missing.getReason());
    }
    return e.getMessage();
  }

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
