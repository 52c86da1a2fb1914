package com.aftersales.shop.taobao;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.shop.Flag;
import com.aftersales.shop.RaisedFlag;
import com.aftersales.support.SimulatedTop;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Flags raised and cleared on the platform's trade: one {@code seller_flag} per trade, the most
 * urgent raised flag shown, flag 0 when none is left. The simulated {@code
 * taobao.trade.memo.update} behaves as documented (docs/taobao-open-platform.md §2): a memo given
 * overwrites, none leaves the memo as it is, {@code reset=true} clears it.
 */
class TaobaoFlagsTest extends TaobaoTestBase {

  static final String TID = "2231958349";
  static final String MEMO_UPDATE = "taobao.trade.memo.update";
  private static final ObjectMapper JSON = new ObjectMapper();

  private String memo;
  private int flag;

  @BeforeEach
  void platformTrade() {
    memo = "";
    flag = 0;
    top.stub(
        "taobao.trade.fullinfo.get",
        call -> {
          ObjectNode trade = JSON.createObjectNode();
          trade.put("tid", Long.parseLong(TID));
          trade.put("seller_memo", memo);
          trade.put("seller_flag", flag);
          ObjectNode root = JSON.createObjectNode();
          root.putObject("trade_fullinfo_get_response").set("trade", trade);
          return root.toString();
        });
    top.stub(
        MEMO_UPDATE,
        call -> {
          if ("true".equals(call.param("reset"))) {
            memo = "";
          } else if (call.param("memo") != null && !call.param("memo").isEmpty()) {
            memo = call.param("memo");
          }
          flag = call.param("flag") == null ? 0 : Integer.parseInt(call.param("flag"));
          return "{\"trade_memo_update_response\":{\"trade\":{\"tid\":2231958349,\"modified\":\"2024-05-03 09:15:00\"}}}";
        });
  }

  private String firstLine() {
    return memo.split("\n")[0];
  }

  @Test
  void theMostUrgentFlagIsShownAndTheEarlierOneComesBackWhenItIsCleared() {
    shop.setFlag(TID, Flag.PURPLE, "退款原因：破损");
    shop.setFlag(TID, Flag.YELLOW, "暂停发货");

    assertThat(flag).isEqualTo(2);
    assertThat(firstLine()).isEqualTo("【旗帜·黄】暂停发货【另有紫旗（备注退款原因）】");
    assertThat(shop.flags(TID))
        .extracting(RaisedFlag::flag, RaisedFlag::shown)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Flag.YELLOW, true),
            org.assertj.core.groups.Tuple.tuple(Flag.PURPLE, false));

    shop.clearFlag(TID, Flag.YELLOW, "订单已发货");
    assertThat(flag).isEqualTo(5);
    assertThat(firstLine()).isEqualTo("【旗帜·紫】退款原因：破损");

    shop.addRemark(TID, com.aftersales.shop.RemarkColumn.FINANCE, "已退款 12.50 元");
    assertThat(flag).isEqualTo(5); // a remark keeps the flag

    shop.clearFlag(TID, Flag.PURPLE, "退款已结束");
    SimulatedTop.Call last = lastUpdate();
    assertThat(last.param("flag")).isEqualTo("0");
    assertThat(last.param("reset")).isNull(); // the finance remark stays in the memo
    assertThat(flag).isZero();
    assertThat(memo).doesNotContain("【旗帜").contains("【财务】05-03 09:12 已退款 12.50 元");
    assertThat(shop.flags(TID)).isEmpty();
  }

  @Test
  void aLessUrgentFlagWaitsBehindTheShownOne() {
    shop.setFlag(TID, Flag.RED, "改发顺丰");
    shop.setFlag(TID, Flag.GREEN, "补发赠品");

    assertThat(flag).isEqualTo(1);
    assertThat(firstLine()).isEqualTo("【旗帜·红】改发顺丰【另有绿旗（赠品要求）】");

    shop.clearFlag(TID, Flag.RED, "已发出");
    assertThat(flag).isEqualTo(3);
    assertThat(firstLine()).isEqualTo("【旗帜·绿】补发赠品");
  }

  @Test
  void clearingTheOnlyLineResetsTheMemo() {
    shop.setFlag(TID, Flag.RED, "改发顺丰");
    assertThat(memo).isEqualTo("【旗帜·红】改发顺丰");

    shop.clearFlag(TID, Flag.RED, "已发出");

    SimulatedTop.Call last = lastUpdate();
    assertThat(last.param("flag")).isEqualTo("0");
    assertThat(last.param("reset")).isEqualTo("true");
    assertThat(memo).isEmpty();
    assertThat(flag).isZero();
    // the history stays in our table
    assertThat(
            jdbc.queryForList(
                "select coalesce(flag, '-') || ':' || body from taobao_remark order by id",
                String.class))
        .containsExactly("RED:改发顺丰", "-:红旗已撤：已发出");
  }

  @Test
  void clearingAFlagThatIsNotRaisedCallsNothing() {
    shop.clearFlag(TID, Flag.YELLOW, "订单已发货");

    assertThat(top.calls()).isEmpty();
  }

  private SimulatedTop.Call lastUpdate() {
    var calls = top.calls(MEMO_UPDATE);
    return calls.get(calls.size() - 1);
  }
}
