package com.aftersales.shop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A misspelled adapter stops the start with a message that names the property and its values. */
class UnknownAdapterConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(UnknownAdapterConfiguration.class);

  @Test
  void aMisspelledAdapterNamesThePropertyAndTheValuesItTakes() {
    runner
        .withPropertyValues("aftersales.shop.adapter=taobo")
        .withBean(String.class, () -> "needs the shop", b -> b.setDependsOn("unknownShopAdapter"))
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("aftersales.shop.adapter is \"taobo\"")
                    .hasMessageContaining("local")
                    .hasMessageContaining("taobao"));
  }

  @Test
  void theTwoAdaptersAndTheDefaultAreLeftAlone() {
    for (String adapter : new String[] {"local", "taobao", " taobao "}) {
      runner
          .withPropertyValues("aftersales.shop.adapter=" + adapter)
          .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ShopBackOffice.class));
    }
    runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ShopBackOffice.class));
  }
}
