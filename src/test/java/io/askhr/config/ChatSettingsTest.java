package io.askhr.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.askhr.question.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slack, Teams, insight and audience settings: read from the environment, validated, secrets masked. */
class ChatSettingsTest {

  private static Settings from(Map<String, String> env) {
    return Settings.fromEnvironment(env, Optional.empty(), Optional.empty());
  }

  @Test
  void shouldLeaveSlackOffWithoutABotTokenAndTeamsInLocalMode() {
    // when
    Settings settings = from(Map.of());

    // then
    assertTrue(settings.slack().isEmpty());
    assertTrue(settings.teams().localMode());
    assertEquals(Duration.ofDays(90), settings.insight().retention());
  }

  @Test
  void shouldRefuseASlackBotTokenThatNoEventCouldReach() {
    // when
    ConfigException e = assertThrows(ConfigException.class, () -> from(Map.of("SLACK_BOT_TOKEN", "xoxb-1")));

    // then
    assertTrue(e.getMessage().contains("SLACK_SIGNING_SECRET"), e.getMessage());
    assertTrue(e.getMessage().contains("SLACK_APP_TOKEN"), e.getMessage());
    assertFalse(e.getMessage().contains("xoxb-1"));
  }

  @Test
  void shouldRefuseASigningSecretWithoutABotTokenAndAnAppTokenOfTheWrongKind() {
    assertThrows(ConfigException.class, () -> from(Map.of("SLACK_SIGNING_SECRET", "s")));
    assertThrows(ConfigException.class, () -> from(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xoxb-2")));
  }

  @Test
  void shouldReadBothSlackModesAndMaskEverySecret() {
    // when
    SlackSettings slack = from(Map.of("SLACK_BOT_TOKEN", "xoxb-very-secret", "SLACK_SIGNING_SECRET", "sign-secret",
        "SLACK_APP_TOKEN", "xapp-secret", "SLACK_API_URL", "http://127.0.0.1:9/api", "HR_ESCALATION_CHANNEL",
        "C0HR")).slack().orElseThrow();

    // then
    assertTrue(slack.eventsApi());
    assertTrue(slack.socketMode());
    assertEquals(Optional.of("http://127.0.0.1:9/api/"), slack.apiUrl());
    String shown = slack.toString();
    for (String secret : List.of("xoxb-very-secret", "sign-secret", "xapp-secret")) {
      assertFalse(shown.contains(secret), shown);
    }
  }

  @Test
  void shouldRequireATenantForASingleTenantTeamsBot() {
    // when
    ConfigException e = assertThrows(ConfigException.class, () -> from(Map.of("MICROSOFT_APP_ID", "app",
        "MICROSOFT_APP_PASSWORD", "pw")));

    // then
    assertTrue(e.getMessage().contains("MICROSOFT_APP_TENANT_ID"), e.getMessage());
  }

  @Test
  void shouldKeepDatabasePasswordsOutOfTheInsightDescription() {
    // when
    InsightSettings insight = from(Map.of("DATABASE_URL",
        "jdbc:postgresql://db:5432/askhr?user=askhr&password=hunter2", "INSIGHT_RETENTION", "30d")).insight();

    // then
    assertEquals(Duration.ofDays(30), insight.retention());
    assertFalse(insight.toString().contains("hunter2"), insight.toString());
    assertThrows(ConfigException.class, () -> from(Map.of("DATABASE_URL", "mysql://db")));
  }

  @Test
  void shouldMapPlatformGroupsToAudiencesAndCountries(@TempDir Path dir) throws Exception {
    // given
    Path file = dir.resolve("audiences.yml");
    Files.writeString(file, """
        audiences:
          managers:
            slack: [S0MGR]
            teams: [aad-managers]
        countries:
          de:
            slack: [S0DE]
        """);

    // when
    AudienceMap map = from(Map.of("AUDIENCES_FILE", file.toString())).audienceMap();

    // then
    assertEquals(Set.of("S0MGR", "S0DE"), map.groupIds(Platform.SLACK));
    assertEquals(Set.of("managers"), map.audiencesOf(Platform.SLACK, List.of("S0MGR", "S0OTHER")));
    assertEquals(Set.of("managers"), map.audiencesOf(Platform.TEAMS, List.of("aad-managers")));
    assertEquals(Set.of(), map.audiencesOf(Platform.TEAMS, List.of("S0MGR")));
    assertEquals(Optional.of("DE"), map.countryOf(Platform.SLACK, List.of("S0DE")));
    assertEquals(Optional.empty(), map.countryOf(Platform.SLACK, List.of()));
  }

  @Test
  void shouldRefuseAMalformedAudienceMapNamingTheFile(@TempDir Path dir) throws Exception {
    // given
    Path file = dir.resolve("audiences.yml");
    Files.writeString(file, "audiences:\n  managers:\n    discord: [x]\n");

    // when
    ConfigException e = assertThrows(ConfigException.class, () -> from(Map.of("AUDIENCES_FILE", file.toString())));

    // then
    assertTrue(e.getMessage().contains("audiences.yml") && e.getMessage().contains("discord"), e.getMessage());
  }
}
