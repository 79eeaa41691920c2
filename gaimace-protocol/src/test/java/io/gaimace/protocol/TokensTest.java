package io.gaimace.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokensTest {
  @Test
  void aTokenNamesItsUser() {
    String token = Tokens.of("alice-1", "AbC_d-9");
    assertThat(token).isEqualTo("gmc_alice-1.AbC_d-9");
    assertThat(Tokens.userIdOf(token)).contains("alice-1");
  }

  @Test
  void malformedTokensNameNobody() {
    assertThat(Tokens.userIdOf(null)).isEmpty();
    assertThat(Tokens.userIdOf("gmc_alice")).isEmpty();
    assertThat(Tokens.userIdOf("gmc_alice.")).isEmpty();
    assertThat(Tokens.userIdOf("gmc_Al*ce.secret")).isEmpty();
    assertThat(Tokens.userIdOf("xyz_alice.secret")).isEmpty();
    assertThatThrownBy(() -> Tokens.of("bob", "a.b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Tokens.of("B.ob", "ab")).isInstanceOf(IllegalArgumentException.class);
  }
}
