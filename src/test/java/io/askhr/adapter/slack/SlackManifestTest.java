package io.askhr.adapter.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The shipped Slack app manifest matches what the adapter listens to and calls. */
class SlackManifestTest {

  @SuppressWarnings("unchecked")
  private static <T> T at(Map<String, Object> root, String... path) {
    Object node = root;
    for (String key : path) {
      node = ((Map<String, Object>) node).get(key);
    }
    return (T) node;
  }

  @Test
  void shouldDeclareTheEventsCommandScopesAndPathsTheAdapterUses() throws Exception {
    // given
    Map<String, Object> manifest;
    try (Reader reader = Files.newBufferedReader(Path.of("bot/slack/manifest.yml"))) {
      manifest = new Yaml().load(reader);
    }

    // then
    List<String> events = at(manifest, "settings", "event_subscriptions", "bot_events");
    assertTrue(events.containsAll(List.of("app_mention", "message.im", "message.channels", "app_home_opened")));
    List<Map<String, Object>> commands = at(manifest, "features", "slash_commands");
    assertEquals(QuestionListeners.COMMAND, commands.get(0).get("command"));
    assertTrue(((String) commands.get(0).get("url")).endsWith(SlackEventsWebhook.PATH));
    assertTrue(((String) at(manifest, "settings", "event_subscriptions", "request_url"))
        .endsWith(SlackEventsWebhook.PATH));
    assertTrue(((String) at(manifest, "settings", "interactivity", "request_url")).endsWith(SlackEventsWebhook.PATH));
    assertEquals(Boolean.TRUE, at(manifest, "settings", "socket_mode_enabled"));
    assertEquals(Boolean.TRUE, at(manifest, "features", "app_home", "home_tab_enabled"));
    List<String> scopes = at(manifest, "oauth_config", "scopes", "bot");
    assertTrue(scopes.containsAll(List.of("app_mentions:read", "chat:write", "commands", "im:history",
        "channels:history", "usergroups:read")), scopes.toString());
  }

  @Test
  void shouldEnableTheAssistantPaneWithItsScopeAndEvents() throws Exception {
    // given
    Map<String, Object> manifest;
    try (Reader reader = Files.newBufferedReader(Path.of("bot/slack/manifest.yml"))) {
      manifest = new Yaml().load(reader);
    }

    // then
    String description = at(manifest, "features", "assistant_view", "assistant_description");
    assertTrue(description != null && !description.isBlank(), "the assistant view is enabled with a description");
    List<String> events = at(manifest, "settings", "event_subscriptions", "bot_events");
    assertTrue(events.containsAll(List.of("assistant_thread_started", "assistant_thread_context_changed",
        "message.im")), events.toString());
    List<String> scopes = at(manifest, "oauth_config", "scopes", "bot");
    assertTrue(scopes.containsAll(List.of("assistant:write", "chat:write", "im:history")), scopes.toString());
  }
}
