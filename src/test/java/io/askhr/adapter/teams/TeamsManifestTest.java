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
