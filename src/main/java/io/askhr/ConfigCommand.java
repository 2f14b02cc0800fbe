package io.askhr;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code askhr config}: the effective configuration, one variable a line, secrets masked; exit 2 when invalid. */
@Command(name = "config", description = "Print the effective configuration (secrets masked); exit 2 if it is invalid.")
final class ConfigCommand implements Callable<Integer> {

  @Mixin FolderOptions folders = new FolderOptions();

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Map<String, String> settings = folders.settings().describe();
    int width = settings.keySet().stream().mapToInt(String::length).max().orElse(0);
    PrintWriter out = spec.commandLine().getOut();
    settings.forEach((name, value) -> out.printf("%-" + width + "s  %s%n", name, value));
    out.flush();
    return 0;
  }
}
