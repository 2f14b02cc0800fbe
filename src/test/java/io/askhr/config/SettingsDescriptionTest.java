package io.askhr.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SettingsDescriptionTest {

  @Test
  void shouldDescribeExactlyTheVariablesSettingsReads() throws Exception {
    // given every variable name the settings code looks up
    String source = Files.readString(Path.of("src/main/java/io/askhr/config/Settings.java"));
    Matcher m = Pattern.compile("(?:env, |env\\.get\\(|env\\.getOrDefault\\()\"([A-Z_]+)\"").matcher(source);
    Set<String> read = new TreeSet<>();
    while (m.find()) {
      read.add(m.group(1));
    }

    // when
    Map<String, String> described = Settings.fromEnvironment(Map.of(), Optional.empty(), Optional.empty()).describe();

    // then
    assertTrue(read.size() > 30, read.toString());
    assertEquals(read, new TreeSet<>(described.keySet()));
  }

  @Test
  void shouldMaskEverySecretAndCredentialsInTheDatabaseUrl() {
    // given
    Map<String, String> env = Map.of("SLACK_BOT_TOKEN", "xoxb-Zq91", "SLACK_SIGNING_SECRET", "Zq92",
        "LLM_API_KEY", "sk-Zq93", "MICROSOFT_APP_ID", "app", "MICROSOFT_APP_PASSWORD", "Zq94",
        "MICROSOFT_APP_TENANT_ID", "tenant", "INSIGHT_SALT", "Zq95",
        "HR_DASHBOARD_TOKEN", "Zq96-0123456789abcdef0123456789ab",
        "DATABASE_URL", "jdbc:postgresql://db:5432/askhr?user=askhr&password=Zq97");

    // when
    Map<String, String> described = Settings.fromEnvironment(env, Optional.empty(), Optional.empty()).describe();

    // then
    assertFalse(described.toString().contains("Zq9"), described.toString());
    assertEquals("(set, hidden)", described.get("SLACK_BOT_TOKEN"));
    assertEquals("(set, hidden)", described.get("MICROSOFT_APP_PASSWORD"));
    assertEquals("jdbc:postgresql://db:5432/askhr", described.get("DATABASE_URL"));
  }

  @Test
  void shouldRefuseAnUnknownLogFormatOrLevel() {
    assertTrue(assertThrows(ConfigException.class, () -> Settings.fromEnvironment(Map.of("LOG_FORMAT", "xml"),
        Optional.empty(), Optional.empty())).getMessage().contains("LOG_FORMAT must be text or json"));
    assertTrue(assertThrows(ConfigException.class, () -> Settings.fromEnvironment(Map.of("LOG_LEVEL", "LOUD"),
        Optional.empty(), Optional.empty())).getMessage().contains("LOG_LEVEL"));
    assertEquals("json", Settings.fromEnvironment(Map.of("LOG_FORMAT", "json", "LOG_LEVEL", "debug"),
        Optional.empty(), Optional.empty()).logging().format());
  }

  @Test
  void shouldShipALogbackFileForEveryLogFormat() {
    for (String format : Settings.LOG_FORMATS) {
      assertTrue(Files.isRegularFile(Path.of("src/main/resources/logback-" + format + ".xml")), format);
    }
  }
}
