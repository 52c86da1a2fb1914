package com.aftersales.cases;

import com.aftersales.shop.ShopEvent;
import com.aftersales.shop.ShopEvent.MemoModified;
import com.aftersales.shop.ShopEventHandler;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The seller memo changed in the back office: every open case of the order says so on its timeline,
 * with the new memo, so the agent sees what a colleague wrote there. Where the memo is kept is the
 * shop adapter's business: with the local adapter our remark columns are the shop's; the taobao
 * adapter keeps what it read from the platform itself.
 */
@Component
class MemoTimeline implements ShopEventHandler {

  static final String STEP = "sellerMemo";
  static final int MAX_SHOWN = 1000;

  private final CaseRepository cases;
  private final CaseTimeline timeline;

  MemoTimeline(CaseRepository cases, CaseTimeline timeline) {
    this.cases = cases;
    this.timeline = timeline;
  }

  @Override
  public Handled handle(ShopEvent event) {
    if (!(event instanceof MemoModified memo) || memo.orderId() == null) {
      return Handled.NOTHING;
    }
    String text = memo.memo() == null || memo.memo().isBlank() ? "（已清空）" : memo.memo().trim();
    if (text.length() > MAX_SHOWN) {
      text = text.substring(0, MAX_SHOWN) + "…";
    }
    List<String> recorded = new ArrayList<>();
    for (CaseRecord open : cases.openOf(memo.orderId())) {
      timeline.record(open.caseId(), STEP, "后台备注", memo.source().by(), "后台备注已更新：" + text);
      recorded.add(open.caseId());
    }
    return Handled.applied(recorded);
  }
}
