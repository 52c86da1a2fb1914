package com.aftersales.logistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doReturn;

import com.aftersales.shop.TraceStep;
import com.aftersales.support.ProcessTestBase;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The no-movement detector on the local back office: a stalled parcel opens one case, once. */
class NoMovementDetectorTest extends ProcessTestBase {

  @Autowired NoMovementDetector detector;
  @Autowired JdbcTemplate jdbc;

  private String shipped(Duration sinceLastStep, String lastStep) {
    String orderId = orders.create("tb_stalled", "50.00", 1);
    orders.status(orderId, "SHIPPED");
    OffsetDateTime now = OffsetDateTime.now();
    doReturn(
            List.of(
                new TraceStep(now.minusDays(6), "已揽收"),
                new TraceStep(now.minus(sinceLastStep), lastStep)))
        .when(shop)
        .logisticsTrace(orderId);
    return orderId;
  }

  private int casesOf(String orderId) {
    return orders.count(
        "select count(*) from after_sales_case where order_id = ? and kind = 'LOGISTICS'", orderId);
  }

  @Test
  void aStalledParcelOpensOneCaseOnceAndMovingOrDeliveredOnesNone() {
    String stalled = shipped(Duration.ofDays(4).plusMinutes(5), "到达杭州中转中心");
    String moving = shipped(Duration.ofDays(3).plusHours(23), "到达杭州中转中心");
    String delivered = shipped(Duration.ofDays(5), "已签收");
    String noTrace = orders.create("tb_stalled", "50.00", 1);
    orders.status(noTrace, "SHIPPED");
    doReturn(List.of()).when(shop).logisticsTrace(noTrace);

    NoMovementDetector.Run first = detector.run();
    NoMovementDetector.Run again = detector.run();

    assertThat(casesOf(stalled)).isEqualTo(1);
    assertThat(casesOf(moving)).isZero();
    assertThat(casesOf(delivered)).isZero();
    assertThat(casesOf(noTrace)).isZero();
    assertThat(first.opened()).isGreaterThanOrEqualTo(1);
    assertThat(again.opened()).isZero();
    String caseId =
        jdbc.queryForObject(
            "select case_id from logistics_stalled where order_id = ?", String.class, stalled);
    assertThat(
            jdbc.queryForObject(
                "select source_label from logistics_register where case_id = ?",
                String.class,
                caseId))
        .isEqualTo("物流停滞");
  }
}
