package io.askhr.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.askhr.question.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudienceMapTest {

  @Test
  void shouldReadNorwayAndYesAsNamesNotBooleans(@TempDir Path dir) throws Exception {
    // given: YAML 1.1 would read NO as false and yes as true
    Path file = dir.resolve("audiences.yml");
    Files.writeString(file, """
        audiences:
          yes:
            slack: [S0YES]
        countries:
          NO:
            slack: [S0NORWAY]
            teams: [aad-norway]
          on:
            slack: [S0ON]
        """);

    // when
    AudienceMap map = AudienceMap.read(file);

    // then
    assertEquals(Optional.of("NO"), map.countryOf(Platform.SLACK, List.of("S0NORWAY")));
    assertEquals(Optional.of("NO"), map.countryOf(Platform.TEAMS, List.of("aad-norway")));
    assertEquals(Optional.of("ON"), map.countryOf(Platform.SLACK, List.of("S0ON")));
    assertEquals(Set.of("yes"), map.audiencesOf(Platform.SLACK, List.of("S0YES")));
  }

  @Test
  void shouldRefuseAnAudienceNamedTwice(@TempDir Path dir) throws Exception {
    // given: the second 'managers' would silently replace the first's groups
    Path file = dir.resolve("audiences.yml");
    Files.writeString(file, """
        audiences:
          managers:
            slack: [S0MGR]
          managers:
            slack: [S0EVERYONE]
        """);

    // when
    ConfigException e = assertThrows(ConfigException.class, () -> AudienceMap.read(file));

    // then
    assertTrue(e.getMessage().contains("audiences.yml") && e.getMessage().contains("managers"), e.getMessage());
  }
}
