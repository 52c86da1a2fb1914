package com.aftersales.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code aftersales.dunning.*} binds with the SOP's default and refuses nonsense at start. */
class DunningConfigTest {

  @Configuration
  @EnableConfigurationProperties(DunningConfig.class)
  static class Binding {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(Binding.class);

  @Test
  void shouldContactAnUnreachableBuyerThreeTimesUnlessConfigured() {
    runner.run(ctx -> assertThat(ctx.getBean(DunningConfig.class).maxAttempts()).isEqualTo(3));
    runner
        .withPropertyValues("aftersales.dunning.max-attempts=5")
        .run(ctx -> assertThat(ctx.getBean(DunningConfig.class).maxAttempts()).isEqualTo(5));
    runner
        .withPropertyValues("aftersales.dunning.max-attempts=0")
        .run(ctx -> assertThat(ctx).hasFailed());
  }
}
