package io.askhr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ConfigCommandTest {

  record Run(int status, String out, String err) {}

  private static Run config(Map<String, String> environment) {
    CommandLine cli = AskHr.commandLine(environment);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int status = cli.execute("config", "--knowledge", "src/test/resources/knowledge");
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void shouldPrintOneLinePerVariableWithSecretsMasked() {
    // given
    Map<String, String> env = Map.of("SLACK_BOT_TOKEN", "xoxb-1-Zq9", "SLACK_APP_TOKEN", "xapp-1-Zq9",
        "LLM_BASE_URL", "http://ollama:11434/v1", "LLM_MODEL", "llama3.1:8b", "LLM_API_KEY", "sk-Zq9",
        "PORT", "8080", "LOG_FORMAT", "json");

    // when
    Run run = config(env);

    // then
    assertEquals(0, run.status(), run.err());
    assertFalse(run.out().contains("Zq9"), run.out());
    List<String> lines = run.out().lines().toList();
    assertTrue(lines.size() >= 40, run.out());
    assertTrue(lines.contains("PORT                              8080"), run.out());
    assertTrue(lines.stream().anyMatch(l -> l.matches("SLACK_APP_TOKEN +\\(set, hidden\\)")), run.out());
    assertTrue(lines.stream().anyMatch(l -> l.matches("LLM_MODEL +llama3\\.1:8b")), run.out());
    assertTrue(lines.stream().anyMatch(l -> l.matches("LOG_FORMAT +json")), run.out());
    assertTrue(lines.stream().anyMatch(l -> l.matches("KNOWLEDGE_DIR +/.*src/test/resources/knowledge")), run.out());
  }

  @Test
  void shouldExitWithStatus2AndNameTheVariableWhenTheConfigurationIsInvalid() {
    // when
    Run run = config(Map.of("SLACK_BOT_TOKEN", "xoxb-1-Zq9"));

    // then
    assertEquals(2, run.status());
    assertTrue(run.err().contains("SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET"), run.err());
    assertFalse(run.err().contains("Zq9"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void shouldExitWithStatus2WhenATeamsPasswordOrTenantIsSetWithoutAnAppId() {
    for (Map<String, String> env : List.of(Map.of("MICROSOFT_APP_PASSWORD", "Zq9-pw"),
        Map.of("MICROSOFT_APP_TENANT_ID", "tenant-1"),
        Map.of("MICROSOFT_APP_PASSWORD", "Zq9-pw", "MICROSOFT_APP_TENANT_ID", "tenant-1"))) {
      // when
      Run run = config(env);

      // then
      assertEquals(2, run.status(), env.keySet().toString());
      assertTrue(run.err().contains("MICROSOFT_APP_ID is not"), run.err());
      assertFalse(run.err().contains("Zq9"), run.err());
    }
  }

  @Test
  void shouldExitWithStatus2OnAShortDashboardTokenOrAnUntrustedUserHeader() {
    // when
    Run shortToken = config(Map.of("HR_DASHBOARD_TOKEN", "Zq9-hunter2"));
    Run header = config(Map.of("TRUSTED_USER_HEADER", "X-Forwarded-User"));
    Run proxies = config(Map.of("TRUSTED_PROXIES", "10.0.0.0/8, proxy.example"));

    // then
    assertEquals(2, shortToken.status());
    assertTrue(shortToken.err().contains("HR_DASHBOARD_TOKEN must be at least 32 characters"), shortToken.err());
    assertFalse(shortToken.err().contains("Zq9"), shortToken.err());
    assertEquals(2, header.status());
    assertTrue(header.err().contains("TRUSTED_PROXIES is not"), header.err());
    assertEquals(2, proxies.status());
    assertTrue(proxies.err().contains("proxy.example"), proxies.err());
  }
}
