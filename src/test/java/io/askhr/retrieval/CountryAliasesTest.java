package io.askhr.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CountryAliasesTest {

  @Test
  void shouldAddThePolicyWordingOfCountryAliases() {
    assertEquals("severance in the UK? united kingdom", CountryAliases.expand("severance in the UK?"));
    assertEquals("notice period for US staff united states", CountryAliases.expand("notice period for US staff"));
    assertEquals("German works council germany", CountryAliases.expand("German works council"));
  }

  @Test
  void shouldNotTakeThePronounUsForACountry() {
    assertEquals("can you tell us the leave rules", CountryAliases.expand("can you tell us the leave rules"));
  }
}
