package com.aftersales.shop.taobao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.aftersales.shop.ShopBackOffice;
import com.aftersales.shop.ShopContact;
import com.aftersales.shop.ShopEvents;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The message poller, the reconciliation and their schedules exist only with the taobao adapter;
 * {@code aftersales.shop.taobao.listening: false} keeps the beans but schedules nothing.
 */
class TaobaoListeningTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withUserConfiguration(TmcPoller.class, RefundReconciler.class, TaobaoSchedules.class)
          .withBean(TopClient.class, () -> mock(TopClient.class))
          .withBean(ShopEvents.class, () -> mock(ShopEvents.class))
          .withBean(ShopBackOffice.class, () -> mock(ShopBackOffice.class))
          .withBean(ShopContact.class, () -> mock(ShopContact.class))
          .withBean(JdbcTemplate.class, () -> mock(JdbcTemplate.class))
          .withBean(Clock.class, Clock::systemUTC);

  @Test
  void theLocalAdapterListensToNoPlatform() {
    runner.run(
        context ->
            assertThat(context)
                .hasNotFailed()
                .doesNotHaveBean(TmcPoller.class)
                .doesNotHaveBean(RefundReconciler.class)
                .doesNotHaveBean(TaobaoSchedules.class));
  }

  @Test
  void theTaobaoAdapterPollsAndReconcilesOnSchedule() {
    runner
        .withPropertyValues("aftersales.shop.adapter=taobao")
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(TmcPoller.class)
                    .hasSingleBean(RefundReconciler.class)
                    .hasSingleBean(TaobaoSchedules.class));
    runner
        .withPropertyValues(
            "aftersales.shop.adapter=taobao", "aftersales.shop.taobao.listening=false")
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(TmcPoller.class)
                    .doesNotHaveBean(TaobaoSchedules.class));
  }
}
