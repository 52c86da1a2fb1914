package com.aftersales.shop.taobao;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reading the platform's JSON: texts, yuan amounts, GMT+8 times and wrapped lists. */
final class TopJson {

  private TopJson() {}

  /** The field as text (big numbers exactly), or null when missing or blank. */
  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
  }

  /** A yuan amount ("12.50"), or null. */
  static BigDecimal money(JsonNode node, String field) {
    String s = text(node, field);
    try {
      return s == null ? null : new BigDecimal(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A platform time ({@code yyyy-MM-dd HH:mm:ss}, GMT+8), or null. */
  static OffsetDateTime time(JsonNode node, String field) {
    String s = text(node, field);
    try {
      return s == null
          ? null
          : LocalDateTime.parse(s, TopClient.TIMESTAMP)
              .atZone(TopClient.PLATFORM_ZONE)
              .toOffsetDateTime();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A time as the platform takes it in parameters. */
  static String format(OffsetDateTime time) {
    return time.atZoneSameInstant(TopClient.PLATFORM_ZONE).format(TopClient.TIMESTAMP);
  }

  /**
   * A list field: {@code "orders":{"order":[...]}} as the platform wraps lists (or a bare array, as
   * simplified JSON sends it).
   */
  static List<JsonNode> list(JsonNode node, String field, String item) {
    JsonNode outer = node.path(field);
    JsonNode array = outer.isArray() ? outer : outer.path(item);
    List<JsonNode> items = new ArrayList<>();
    if (array.isArray()) {
      array.forEach(items::add);
    } else if (array.isObject()) {
      items.add(array);
    }
    return items;
  }

  /** Whether {@code id} can be a platform id (tid, oid, refund_id): digits only. */
  static boolean isId(String id) {
    return id != null && id.matches("\\d{1,24}");
  }
}
