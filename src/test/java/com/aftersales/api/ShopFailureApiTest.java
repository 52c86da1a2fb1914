package com.aftersales.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doThrow;

import com.aftersales.shop.ShopRefusedException;
import com.aftersales.shop.ShopUnavailableException;
import com.aftersales.support.ProcessTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * When the shop's back office cannot be reached or refuses, the API says so in Chinese and nothing
 * is opened or written.
 */
class ShopFailureApiTest extends ProcessTestBase {

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;

  private ResponseEntity<String> openDamageCase(String orderId) {
    return new Rest(http, "agent1", "demo")
        .post(
            "/api/cases",
            Map.of(
                "kind", "DAMAGE",
                "orderId", orderId,
                "buyerId", "buyer-sf",
                "description", "杯盖裂了"));
  }

  private int casesOf(String orderId) {
    return jdbc.queryForObject(
        "select count(*) from after_sales_case where order_id = ?", Integer.class, orderId);
  }

  @Test
  void anUnreachableShopIsA503ThatNamesTheCauseAndOpensNothing() {
    String orderId = orders.create("buyer-sf", "50.00", 1);
    doThrow(new ShopUnavailableException("淘宝开放平台没有及时回答 taobao.trade.fullinfo.get（超时），稍后重试", null))
        .when(shop)
        .findOrder(orderId);

    ResponseEntity<String> answer = openDamageCase(orderId);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("60");
    assertThat(answer.getBody()).contains("店铺后台暂时无法访问").contains("超时").contains("没有做任何修改");
    assertThat(casesOf(orderId)).isZero();
  }

  @Test
  void aRefusalOfTheShopIsA409WithItsReasonAndOpensNothing() {
    String orderId = orders.create("buyer-sf", "50.00", 1);
    doThrow(new ShopRefusedException("淘宝拒绝了 taobao.trade.fullinfo.get：无权查看该交易"))
        .when(shop)
        .findOrder(orderId);

    ResponseEntity<String> answer = openDamageCase(orderId);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(answer.getBody()).contains("店铺后台拒绝了这个操作").contains("无权查看该交易");
    assertThat(casesOf(orderId)).isZero();
  }
}
