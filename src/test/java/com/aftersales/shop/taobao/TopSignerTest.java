package com.aftersales.shop.taobao;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopSignerTest {

  /** The platform's own worked example (open.taobao.com docId 101617, 签名算法). */
  private static final Map<String, String> DOC_EXAMPLE =
      Map.of(
          "method", "taobao.item.seller.get",
          "app_key", "12345678",
          "session", "test",
          "timestamp", "2016-01-01 12:00:00",
          "format", "json",
          "v", "2.0",
          "sign_method", "md5",
          "fields", "num_iid,title,nick,price,num",
          "num_iid", "11223344");

  @Test
  void md5MatchesThePlatformsWorkedExample() {
    assertThat(TopSigner.sign(DOC_EXAMPLE, "helloworld", SignMethod.MD5))
        .isEqualTo("66987CB115214E59E6EC978214934FB8");
  }

  @Test
  void hmacIsKeyedWithTheSecretAndDoesNotWrapTheParameters() {
    // RFC 2202 / RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?" — the one
    // parameter's name and value joined are exactly that data
    Map<String, String> params = Map.of("what do ya want ", "for nothing?");
    assertThat(TopSigner.sign(params, "Jefe", SignMethod.HMAC))
        .isEqualTo("750C783E6AB0B503EAA86E310A5DB738");
    assertThat(TopSigner.sign(params, "Jefe", SignMethod.HMAC_SHA256))
        .isEqualTo("5BDCC146BF60754E6A042426089575C75A003F089D2739839DEC58B964EC3843");
  }

  /** Values computed outside Java (Python hashlib/hmac) over the same parameters. */
  @Test
  void signsChineseTextAndLongIdsAsUtf8() {
    Map<String, String> params = new HashMap<>();
    params.put("method", "taobao.trade.fullinfo.get");
    params.put("app_key", "12345678");
    params.put("session", "test-session");
    params.put("timestamp", "2024-05-03 09:00:00");
    params.put("format", "json");
    params.put("v", "2.0");
    params.put("fields", "tid,status,payment");
    params.put("tid", "4203751234567890123");
    params.put("memo", "退款已同意");
    params.put("empty", "");

    params.put("sign_method", "md5");
    assertThat(TopSigner.sign(params, "testsecret", SignMethod.MD5))
        .isEqualTo("2BB3150833903E876545146C08CD40A7");
    params.put("sign_method", "hmac");
    assertThat(TopSigner.sign(params, "testsecret", SignMethod.HMAC))
        .isEqualTo("90ACCE0A4D83909689E7F0F512B46F23");
    params.put("sign_method", "hmac-sha256");
    assertThat(TopSigner.sign(params, "testsecret", SignMethod.HMAC_SHA256))
        .isEqualTo("8D9E21BC68EDAAE0C7EB27AAF81C33FD4EF5194A42EEA203A16B81CF33E48001");
  }

  @Test
  void leavesOutTheSignItselfAndEmptyValues() {
    Map<String, String> withExtras = new HashMap<>(DOC_EXAMPLE);
    withExtras.put("sign", "WHATEVER");
    withExtras.put("simplify", "");
    withExtras.put("partner_id", null);
    assertThat(TopSigner.sign(withExtras, "helloworld", SignMethod.MD5))
        .isEqualTo("66987CB115214E59E6EC978214934FB8");
  }

  @Test
  void anyChangedValueChangesTheSign() {
    Map<String, String> changed = new HashMap<>(DOC_EXAMPLE);
    changed.put("num_iid", "11223345");
    assertThat(TopSigner.sign(changed, "helloworld", SignMethod.MD5))
        .isNotEqualTo("66987CB115214E59E6EC978214934FB8");
    assertThat(TopSigner.sign(DOC_EXAMPLE, "helloworle", SignMethod.MD5))
        .isNotEqualTo("66987CB115214E59E6EC978214934FB8");
  }
}
