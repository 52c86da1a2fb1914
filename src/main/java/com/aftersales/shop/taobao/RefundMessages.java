package com.aftersales.shop.taobao;

import com.aftersales.shop.BuyerMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A message to the buyer on their refund ({@code taobao.refund.message.add}). The platform takes at
 * most {@value #LIMIT_BYTES} bytes a message; a longer text goes whole, as several messages
 * numbered "(1/2)", "(2/2)", never cut short. Sent as text only: the platform's page marks the
 * image as required, so a platform that insists refuses the call and nothing is recorded as sent.
 */
final class RefundMessages {

  static final int LIMIT_BYTES = 400;

  private final TopClient top;

  RefundMessages(TopClient top) {
    this.top = top;
  }

  void send(BuyerMessage message) {
    for (String part : parts(message.text())) {
      top.call(
          "taobao.refund.message.add", Map.of("refund_id", message.refundId(), "content", part));
    }
  }

  /** The text in parts of at most {@value #LIMIT_BYTES} bytes, numbered when more than one. */
  static List<String> parts(String text) {
    if (bytes(text) <= LIMIT_BYTES) {
      return List.of(text);
    }
    int reserve = bytes("(99/99)");
    List<String> chunks = new ArrayList<>();
    StringBuilder chunk = new StringBuilder();
    int used = 0;
    for (int cp : text.codePoints().toArray()) {
      int n = bytes(new String(Character.toChars(cp)));
      if (used + n > LIMIT_BYTES - reserve) {
        chunks.add(chunk.toString());
        chunk.setLength(0);
        used = 0;
      }
      chunk.appendCodePoint(cp);
      used += n;
    }
    chunks.add(chunk.toString());
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < chunks.size(); i++) {
      parts.add("(" + (i + 1) + "/" + chunks.size() + ")" + chunks.get(i));
    }
    return parts;
  }

  private static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
