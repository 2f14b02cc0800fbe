package io.askhr.adapter.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The Teams app package in {@code bot/teams}: the manifest's required fields and ids, and the icon sizes. */
class TeamsManifestTest {

  static final Path APP = Path.of("bot", "teams");
  static final Pattern GUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  @Test
  void shouldHaveTheRequiredManifestFieldsAndIds() throws Exception {
    // when
    JsonNode manifest = new ObjectMapper().readTree(APP.resolve("manifest.json").toFile());

    // then
    for (String field : List.of("$schema", "manifestVersion", "version", "id", "developer", "name", "description",
        "icons", "accentColor")) {
      assertTrue(manifest.hasNonNull(field), field);
    }
    assertTrue(manifest.get("$schema").asText().contains("/v" + manifest.get("manifestVersion").asText() + "/"));
    assertTrue(manifest.get("version").asText().matches("\\d+\\.\\d+\\.\\d+"));
    assertTrue(GUID.matcher(manifest.get("id").asText()).matches());
    for (String url : List.of("websiteUrl", "privacyUrl", "termsOfUseUrl")) {
      assertTrue(manifest.path("developer").path(url).asText().startsWith("https://"), url);
    }
    assertFalse(manifest.path("developer").path("name").asText().isBlank());
    assertTrue(manifest.path("name").path("short").asText().length() <= 30);
    assertTrue(manifest.path("description").path("short").asText().length() <= 80);
    assertTrue(manifest.path("description").path("full").asText().length() <= 4000);
    assertTrue(manifest.get("accentColor").asText().matches("#[0-9A-Fa-f]{6}"));
    JsonNode bot = manifest.path("bots").path(0);
    assertTrue(GUID.matcher(bot.path("botId").asText()).matches());
    assertEquals(List.of("personal", "team", "groupChat"),
        List.of(bot.path("scopes").get(0).asText(), bot.path("scopes").get(1).asText(),
            bot.path("scopes").get(2).asText()));
  }

  @Test
  void shouldOfferPromptStartersInPersonalChatsAndCommandsInTeamsAndGroupChats() throws Exception {
    // when
    JsonNode manifest = new ObjectMapper().readTree(APP.resolve("manifest.json").toFile());

    // then: manifest schema 1.19 or later, one command list per scope group, titles that fit Teams' 32 characters
    String[] version = manifest.get("manifestVersion").asText().split("\\.");
    assertTrue(Integer.parseInt(version[0]) > 1 || Integer.parseInt(version[1]) >= 19, "manifest schema 1.19+");
    JsonNode lists = manifest.path("bots").path(0).path("commandLists");
    assertEquals(2, lists.size());
    assertEquals("[\"personal\"]", lists.get(0).path("scopes").toString());
    assertEquals("[\"team\",\"groupChat\"]", lists.get(1).path("scopes").toString());
    assertTrue(lists.get(0).path("commands").size() >= 3, "prompt starters for the personal chat");
    for (JsonNode list : lists) {
      for (JsonNode command : list.path("commands")) {
        String title = command.path("title").asText();
        assertTrue(!title.isBlank() && title.length() <= 32, title);
        assertTrue(title.endsWith("?"), "each starter is a question AskHR answers: " + title);
        assertFalse(command.path("description").asText().isBlank(), title);
      }
    }
  }

  @Test
  void shouldPackageTheManifestAndIconsAsTheAppZip() throws Exception {
    // given: built by the process-resources phase, before the tests
    Path zip = Path.of("target", "askhr-teams.zip");
    assertTrue(java.nio.file.Files.isRegularFile(zip), "run through Maven: " + zip);

    // when
    java.util.Map<String, byte[]> entries = new java.util.HashMap<>();
    try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(java.nio.file.Files.newInputStream(zip))) {
      for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }

    // then: the three files at the root, and the manifest as shipped in bot/teams (bot id aside)
    assertEquals(java.util.Set.of("manifest.json", "color.png", "outline.png"), entries.keySet());
    JsonNode packaged = new ObjectMapper().readTree(entries.get("manifest.json"));
    JsonNode source = new ObjectMapper().readTree(APP.resolve("manifest.json").toFile());
    assertEquals(source.path("manifestVersion"), packaged.path("manifestVersion"));
    assertEquals(source.path("bots").path(0).path("commandLists"), packaged.path("bots").path(0).path("commandLists"));
    assertTrue(GUID.matcher(packaged.path("bots").path(0).path("botId").asText()).matches());
  }

  @Test
  void shouldShipAColorIconOf192AndAWhiteOnTransparentOutlineOf32() throws Exception {
    // when
    BufferedImage color = ImageIO.read(APP.resolve("color.png").toFile());
    BufferedImage outline = ImageIO.read(APP.resolve("outline.png").toFile());

    // then
    assertEquals(192, color.getWidth());
    assertEquals(192, color.getHeight());
    assertEquals(32, outline.getWidth());
    assertEquals(32, outline.getHeight());
    assertTrue(outline.getColorModel().hasAlpha());
    int visible = 0;
    for (int x = 0; x < 32; x++) {
      for (int y = 0; y < 32; y++) {
        int argb = outline.getRGB(x, y);
        if ((argb >>> 24) != 0) {
          visible++;
          assertEquals(0xFFFFFF, argb & 0xFFFFFF, "outline pixels must be white");
        }
      }
    }
    assertTrue(visible > 50 && visible < 32 * 32 / 2, "outline must be a shape on a transparent background");
  }
}
