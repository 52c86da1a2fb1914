package com.aftersales.shop.taobao;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.shop.Flag;
import com.aftersales.shop.taobao.SellerMemo.Entry;
import com.aftersales.shop.taobao.SellerMemo.Section;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SellerMemoTest {

  private static final OffsetDateTime T = OffsetDateTime.parse("2024-05-03T09:12:00+08:00");

  private static Entry entry(long id, Section section, String body, int minutesLater) {
    return new Entry(id, section, null, body, T.plusMinutes(minutesLater));
  }

  private static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  @Test
  void theNewestRemarkAloneTooLongShowsCutShortWithTheMarker() {
    String memo = SellerMemo.compose(List.of(entry(1, Section.INTERNAL, "长".repeat(600), 0)));

    assertThat(bytes(memo)).isLessThanOrEqualTo(SellerMemo.LIMIT_BYTES);
    assertThat(memo).startsWith("【客服】05-03 09:12 长长").endsWith("…\n" + SellerMemo.MARKER);
  }

  @Test
  void aLongFlagNoteIsCutAndTheRemarksFollow() {
    List<Entry> entries = new ArrayList<>();
    entries.add(new Entry(1, Section.FLAG, Flag.RED, "旗".repeat(200), T));
    entries.add(entry(2, Section.FINANCE, "退款", 1));

    String memo = SellerMemo.compose(entries);

    assertThat(bytes(memo.split("\n")[0])).isLessThanOrEqualTo(SellerMemo.FLAG_LINE_BYTES);
    assertThat(memo.split("\n")[1]).isEqualTo("【财务】05-03 09:13 退款");
    assertThat(memo).endsWith(SellerMemo.MARKER);
  }

  @Test
  void onlyTheNewestFlagShows() {
    String memo =
        SellerMemo.compose(
            List.of(
                new Entry(1, Section.FLAG, Flag.RED, "改地址", T),
                new Entry(2, Section.FLAG, Flag.PURPLE, "退款原因已记录", T.plusMinutes(5))));

    assertThat(memo).isEqualTo("【旗帜·紫】退款原因已记录");
  }

  @Test
  void everyLengthOfHistoryFitsTheLimitAndKeepsTheNewest() {
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      Section s = Section.values()[1 + i % 3];
      entries.add(entry(i, s, "条目" + i + "：" + "内容".repeat(i % 17), i));
      String memo = SellerMemo.compose(entries);
      assertThat(bytes(memo)).isLessThanOrEqualTo(SellerMemo.LIMIT_BYTES);
      assertThat(memo).contains("条目" + i + "：");
      assertThat(SellerMemo.foreign(memo, entries)).isNull();
    }
  }

  @Test
  void linesNotOursAreForeignEvenWithOurTags() {
    List<Entry> entries = List.of(entry(1, Section.INTERNAL, "已联系买家", 0));
    String memo = SellerMemo.compose(entries) + "\n【客服】05-03 09:12 已联系买家（改过）\n周末不送\n\n";

    assertThat(SellerMemo.foreign(memo, entries)).isEqualTo("【客服】05-03 09:12 已联系买家（改过）\n周末不送");
  }

  @Test
  void aCutIsAtACharacterNeverInsideOne() {
    String cut = SellerMemo.cut("一二三四五", 10);
    assertThat(cut).isEqualTo("一二…");
    assertThat(bytes(cut)).isLessThanOrEqualTo(10);
  }
}
