package com.aftersales.shop.taobao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftersales.shop.Flag;
import com.aftersales.shop.RemarkColumn;
import com.aftersales.shop.ShopUnavailableException;
import com.aftersales.shop.UnknownOrderException;
import com.aftersales.support.SimulatedTop;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Flags and remarks written back to the seller memo. The simulated trade keeps the memo and flag
 * the last {@code taobao.trade.memo.update} set, as the platform does.
 */
class TaobaoMemoTest extends TaobaoTestBase {

  static final String MEMO_UPDATE = "taobao.trade.memo.update";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The trade's memo and flag on the simulated platform (the documented example's at first). */
  private String memo;

  private int flag;

  @BeforeEach
  void platformTrade() {
    memo = "改为发顺丰";
    flag = 3;
    top.stub(
        "taobao.trade.fullinfo.get",
        call -> {
          ObjectNode trade = JSON.createObjectNode();
          trade.put("tid", 2231958349L);
          trade.put("seller_memo", memo);
          trade.put("seller_flag", flag);
          ObjectNode root = JSON.createObjectNode();
          root.putObject("trade_fullinfo_get_response").set("trade", trade);
          return root.toString();
        });
    top.stub(
        MEMO_UPDATE,
        call -> {
          memo = call.param("memo");
          flag = Integer.parseInt(call.param("flag"));
          return "{\"trade_memo_update_response\":{\"trade\":{\"tid\":2231958349,\"modified\":\"2024-05-03 09:15:00\"}}}";
        });
  }

  @ParameterizedTest
  @CsvSource({"RED,1,红", "YELLOW,2,黄", "GREEN,3,绿", "PURPLE,5,紫"})
  void aFlagIsSentAsThePlatformsNumberWithItsNote(Flag ours, int number, String colour) {
    shop.setFlag("2231958349", ours, "退款原因已记录");

    SimulatedTop.Call update = onlyCall(MEMO_UPDATE);
    assertThat(update.param("tid")).isEqualTo("2231958349");
    assertThat(update.param("flag")).isEqualTo(String.valueOf(number));
    assertThat(update.param("memo")).startsWith("【旗帜·" + colour + "】退款原因已记录");
  }

  @Test
  void aRemarkKeepsTheFlagAndWhatWasWrittenByHand() {
    shop.addRemark("2231958349", RemarkColumn.FINANCE, "同意退款 12.50 元");

    SimulatedTop.Call update = onlyCall(MEMO_UPDATE);
    assertThat(update.param("flag")).isEqualTo("3");
    assertThat(update.param("memo")).isEqualTo("【财务】05-03 09:12 同意退款 12.50 元\n【原备注】改为发顺丰");
    assertThat(
            jdbc.queryForList(
                "select remark_column || ':' || body from taobao_remark order by id", String.class))
        .containsExactly("MEMO:改为发顺丰", "FINANCE:同意退款 12.50 元");
  }

  @Test
  void theThreeColumnsAndTheFlagShareTheMemo() {
    shop.addRemark("2231958349", RemarkColumn.SHIPPING, "补发 1 件");
    shop.setFlag("2231958349", Flag.YELLOW, "暂停发货");
    shop.addRemark("2231958349", RemarkColumn.INTERNAL, "买家同意换货");
    shop.addRemark("2231958349", RemarkColumn.FINANCE, "运费 10 元待退");

    assertThat(flag).isEqualTo(2);
    assertThat(memo)
        .isEqualTo(
            String.join(
                "\n",
                "【旗帜·黄】暂停发货",
                "【客服】05-03 09:12 买家同意换货",
                "【财务】05-03 09:12 运费 10 元待退",
                "【发货】05-03 09:12 补发 1 件",
                "【原备注】改为发顺丰"));
    assertThat(jdbc.queryForObject("select count(*) from taobao_remark", Integer.class))
        .isEqualTo(5);
  }

  @Test
  void olderRemarksTheMemoHasNoRoomForStayInOurTable() {
    for (int i = 1; i <= 30; i++) {
      shop.addRemark("2231958349", RemarkColumn.INTERNAL, "第" + i + "条：" + "买家来电说明情况".repeat(6));
    }

    assertThat(memo.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1000);
    assertThat(memo).contains("第30条").doesNotContain("第1条：").endsWith("（更早的备注见售后系统）");
    assertThat(memo).doesNotContain("【原备注】改为发顺丰"); // the oldest entry of all, kept below
    assertThat(
            jdbc.queryForList(
                "select body from taobao_remark where remark_column = 'INTERNAL'", String.class))
        .hasSize(30);
    // our own lines are never taken for hand-written ones
    assertThat(
            jdbc.queryForList(
                "select body from taobao_remark where remark_column = 'MEMO'", String.class))
        .containsExactly("改为发顺丰");
  }

  @Test
  void aLineWrittenInQianniuMeanwhileIsKeptOnce() {
    shop.addRemark("2231958349", RemarkColumn.INTERNAL, "已联系买家");
    memo = memo + "\n周末不要送货";

    shop.addRemark("2231958349", RemarkColumn.SHIPPING, "改周一发");
    shop.addRemark("2231958349", RemarkColumn.SHIPPING, "已发");

    assertThat(memo).contains("【原备注】周末不要送货", "【原备注】改为发顺丰", "【发货】05-03 09:12 已发");
    assertThat(
            jdbc.queryForList(
                "select body from taobao_remark where remark_column = 'MEMO' order by id",
                String.class))
        .containsExactly("改为发顺丰", "周末不要送货");
  }

  @Test
  void aMemoThePlatformDidNotTakeLeavesNoRemarkBehind() {
    top.stub(
        MEMO_UPDATE,
        SimulatedTop.error(
            520, "Remote service error", "isp.top-remote-connection-timeout", "远程连接超时"));

    assertThatThrownBy(() -> shop.addRemark("2231958349", RemarkColumn.INTERNAL, "已联系买家"))
        .isInstanceOf(ShopUnavailableException.class);
    assertThat(jdbc.queryForObject("select count(*) from taobao_remark", Integer.class)).isZero();

    platformTrade(); // the platform is back: the service task's retry writes it once
    shop.addRemark("2231958349", RemarkColumn.INTERNAL, "已联系买家");
    assertThat(jdbc.queryForList("select body from taobao_remark order by id", String.class))
        .containsExactly("改为发顺丰", "已联系买家");
  }

  @Test
  void anUnknownTradeGetsNoRemark() {
    top.stub(
        "taobao.trade.fullinfo.get",
        SimulatedTop.error(15, "Remote service error", "isv.trade-not-exist", "交易订单不存在"));

    assertThatThrownBy(() -> shop.addRemark("2231958349", RemarkColumn.INTERNAL, "x"))
        .isInstanceOf(UnknownOrderException.class);
    assertThatThrownBy(() -> shop.setFlag("RE2231958349", Flag.RED, "x"))
        .isInstanceOf(UnknownOrderException.class);
    assertThat(top.calls(MEMO_UPDATE)).isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from taobao_remark", Integer.class)).isZero();
  }

  @Test
  void aFlagWithoutANoteIsRefused() {
    assertThatThrownBy(() -> shop.setFlag("2231958349", Flag.RED, " "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(top.calls()).isEmpty();
  }
}
