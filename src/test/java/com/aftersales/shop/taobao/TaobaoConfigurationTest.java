package com.aftersales.shop.taobao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.aftersales.shop.BuyerMessageLog;
import com.aftersales.shop.ShopBackOffice;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/** The taobao adapter's configuration: bound from properties, checked only when selected. */
class TaobaoConfigurationTest {

  private static final String[] COMPLETE = {
    "aftersales.shop.taobao.gateway-url=https://eco.taobao.com/router/rest",
    "aftersales.shop.taobao.app-key=12345678",
    "aftersales.shop.taobao.app-secret=top-secret-value",
    "aftersales.shop.taobao.session-key=session-value-6100",
  };

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withUserConfiguration(TaobaoConfiguration.class)
          .withBean(BuyerMessageLog.class, () -> mock(BuyerMessageLog.class))
          .withBean(JdbcTemplate.class, () -> mock(JdbcTemplate.class))
          .withBean(Clock.class, Clock::systemUTC);

  @Test
  void withoutTheTaobaoAdapterNothingIsCheckedOrCreated() {
    runner.run(
        context ->
            assertThat(context)
                .hasNotFailed()
                .doesNotHaveBean(TopClient.class)
                .doesNotHaveBean(ShopBackOffice.class));
    runner
        .withPropertyValues("aftersales.shop.adapter=local")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TopClient.class));
  }

  @Test
  void theTaobaoAdapterStartsWithACompleteConfigurationAndItsDefaults() {
    runner
        .withPropertyValues("aftersales.shop.adapter=taobao")
        .withPropertyValues(COMPLETE)
        .withPropertyValues("aftersales.shop.taobao.sign-method=hmac-sha256")
        .run(
            context -> {
              assertThat(context).hasSingleBean(TopClient.class);
              assertThat(context).hasSingleBean(ShopBackOffice.class);
              assertThat(context.getBean(ShopBackOffice.class))
                  .isInstanceOf(TaobaoShopBackOffice.class);
              TaobaoProperties p = context.getBean(TaobaoProperties.class);
              assertThat(p.signMethod()).isEqualTo(SignMethod.HMAC_SHA256);
              assertThat(p.pollInterval()).hasSeconds(5);
              assertThat(p.reconcileInterval()).hasMinutes(10);
              assertThat(p.connectTimeout()).hasSeconds(5);
              assertThat(p.readTimeout()).hasSeconds(15);
              assertThat(p.maxCallLimitRetries()).isEqualTo(3);
            });
  }

  @Test
  void theSignMethodDefaultsToMd5() {
    runner
        .withPropertyValues("aftersales.shop.adapter=taobao")
        .withPropertyValues(COMPLETE)
        .run(
            context ->
                assertThat(context.getBean(TaobaoProperties.class).signMethod())
                    .isEqualTo(SignMethod.MD5));
  }

  @Test
  void aMissingSecretStopsTheStartNamingTheProperty() {
    runner
        .withPropertyValues(
            "aftersales.shop.adapter=taobao",
            "aftersales.shop.taobao.gateway-url=https://eco.taobao.com/router/rest",
            "aftersales.shop.taobao.app-key=12345678",
            "aftersales.shop.taobao.session-key=session-value-6100")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("aftersales.shop.taobao.app-secret")
                    .hasMessageContaining("TAOBAO_APP_SECRET")
                    .hasMessageNotContaining("aftersales.shop.taobao.app-key")
                    .hasMessageNotContaining("session-value-6100"));
  }

  @Test
  void anEmptyConfigurationNamesEveryMissingProperty() {
    runner
        .withPropertyValues("aftersales.shop.adapter=taobao")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("gateway-url")
                    .hasMessageContaining("app-key")
                    .hasMessageContaining("app-secret")
                    .hasMessageContaining("session-key"));
  }

  @Test
  void toStringNeverShowsTheSecretOrTheSession() {
    new ApplicationContextRunner()
        .withUserConfiguration(Bind.class)
        .withPropertyValues(COMPLETE)
        .run(
            context -> {
              String shown = context.getBean(TaobaoProperties.class).toString();
              assertThat(shown)
                  .contains("12345678", "eco.taobao.com")
                  .doesNotContain("top-secret-value")
                  .doesNotContain("session-value-6100");
            });
  }

  @EnableConfigurationProperties(TaobaoProperties.class)
  static class Bind {}
}
