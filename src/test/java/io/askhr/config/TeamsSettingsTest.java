package io.askhr.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TeamsSettingsTest {

  static TeamsSettings teams(Map<String, String> env) {
    return Settings.fromEnvironment(env, Optional.of(Path.of("knowledge")), Optional.empty()).teams();
  }

  @Test
  void shouldRunInLocalModeWithMicrosoftDefaultsWhenNothingIsSet() {
    // when
    TeamsSettings teams = teams(Map.of());

    // then
    assertTrue(teams.localMode());
    assertEquals("https://login.microsoftonline.com", teams.loginUrl());
    assertEquals("https://login.botframework.com/v1/.well-known/openidconfiguration", teams.openIdMetadataUrl());
    assertEquals(Optional.empty(), teams.graphUrl());
  }

  @Test
  void shouldReadASingleTenantBotWithGraphLookupAndNeverPrintTheSecret() {
    // when
    TeamsSettings teams = teams(Map.of("MICROSOFT_APP_ID", "app", "MICROSOFT_APP_PASSWORD", "very-secret-value",
        "MICROSOFT_APP_TENANT_ID", "tenant", "TEAMS_GRAPH_GROUPS", "true", "MICROSOFT_LOGIN_URL",
        "http://127.0.0.1:9/"));

    // then
    assertFalse(teams.localMode());
    assertTrue(teams.singleTenant());
    assertEquals("http://127.0.0.1:9", teams.loginUrl());
    assertEquals(Optional.of("https://graph.microsoft.com"), teams.graphUrl());
    assertFalse(teams.toString().contains("very-secret-value"));
  }

  @Test
  void shouldRefuseGraphLookupWithoutAnAppAndBadUrls() {
    assertThrows(ConfigException.class, () -> teams(Map.of("TEAMS_GRAPH_GROUPS", "true")));
    assertThrows(ConfigException.class, () -> teams(Map.of("TEAMS_GRAPH_GROUPS", "maybe")));
    assertThrows(ConfigException.class, () -> teams(Map.of("MICROSOFT_LOGIN_URL", "login.example")));
  }
}
