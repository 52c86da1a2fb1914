package com.aftersales.api.badinput;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Bad input on our own {@code /api/...} endpoints, one row each: who sends what, the 4xx answered,
 * a fragment of the Chinese reason and the field named (when the API names one); nothing is stored.
 * In the table {@code -} is "none", {@code {order}} a paid order of buyer {@code buyer_rbi}, {@code
 * LONG(n)} a text of n characters, {@code ITEMS(n)} n approval items.
 */
class RestBadInputTest extends BadInputSuite {

  private static final String TABLE =
      """
      case: empty body | agent1 | POST | /api/cases | - | 400 | 请求内容为空 | body
      case: not JSON | agent1 | POST | /api/cases | {kind: | 400 | 不是有效的 JSON | -
      case: JSON array | agent1 | POST | /api/cases | [] | 400 | 不是有效的 JSON | -
      case: JSON string | agent1 | POST | /api/cases | "DAMAGE" | 400 | 不是有效的 JSON | -
      case: kind missing | agent1 | POST | /api/cases | {"orderId":"{order}","buyerId":"buyer_rbi","description":"破了"} | 400 | 请选择售后类型 | kind
      case: kind unknown | agent1 | POST | /api/cases | {"kind":"TELEPORT","orderId":"{order}","buyerId":"buyer_rbi","description":"破了"} | 400 | TELEPORT | kind
      case: kind blank | agent1 | POST | /api/cases | {"kind":"  ","orderId":"{order}","buyerId":"buyer_rbi","description":"破了"} | 400 | 请选择售后类型 | kind
      case: kind as object | agent1 | POST | /api/cases | {"kind":{"a":1},"orderId":"{order}","buyerId":"buyer_rbi","description":"破了"} | 400 | 不是有效的 JSON | -
      case: order missing | agent1 | POST | /api/cases | {"kind":"DAMAGE","buyerId":"buyer_rbi","description":"破了"} | 400 | 请填写订单编号 | orderId
      case: order blank | agent1 | POST | /api/cases | {"kind":"DAMAGE","orderId":" ","buyerId":"buyer_rbi","description":"破了"} | 400 | 请填写订单编号 | orderId
      case: order unknown | agent1 | POST | /api/cases | {"kind":"DAMAGE","orderId":"NO-SUCH-ORDER","buyerId":"buyer_rbi","description":"破了"} | 422 | NO-SUCH-ORDER | orderId
      case: order SQL | agent1 | POST | /api/cases | {"kind":"DAMAGE","orderId":"1' or '1'='1","buyerId":"buyer_rbi","description":"破了"} | 422 | 1' or '1'='1 | orderId
      case: buyer wrong | agent1 | POST | /api/cases | {"kind":"DAMAGE","orderId":"{order}","buyerId":"someone_else","description":"破了"} | 400 | someone_else | buyerId
      case: description missing | agent1 | POST | /api/cases | {"kind":"DAMAGE","orderId":"{order}","buyerId":"buyer_rbi"} | 400 | 请简要描述 | description
      case: description blank | agent1 | POST | /api/cases | {"kind":"DAMAGE","orderId":"{order}","buyerId":"buyer_rbi","description":"   "} | 400 | 请简要描述 | description
      case: description overlong | agent1 | POST | /api/cases | {"kind":"DAMAGE","orderId":"{order}","buyerId":"buyer_rbi","description":"LONG(2001)"} | 400 | 最多 2000 个字 | description
      case: description as array | agent1 | POST | /api/cases | {"kind":"DAMAGE","orderId":"{order}","buyerId":"buyer_rbi","description":[1]} | 400 | 不是有效的 JSON | -
      case: refund as text | agent1 | POST | /api/cases | {"kind":"REFUND","orderId":"{order}","buyerId":"buyer_rbi","description":"退款","refundAmount":"abc","returnRequired":false} | 400 | 数字 | refundAmount
      case: refund negative | agent1 | POST | /api/cases | {"kind":"REFUND","orderId":"{order}","buyerId":"buyer_rbi","description":"退款","refundAmount":-5,"returnRequired":false} | 400 | 退款金额 | refundAmount
      case: refund fraction of a fen | agent1 | POST | /api/cases | {"kind":"REFUND","orderId":"{order}","buyerId":"buyer_rbi","description":"退款","refundAmount":1.005,"returnRequired":false} | 400 | 分 | refundAmount
      case: refund above paid | agent1 | POST | /api/cases | {"kind":"REFUND","orderId":"{order}","buyerId":"buyer_rbi","description":"退款","refundAmount":99999,"returnRequired":false} | 400 | 退款金额 | refundAmount
      case: refund zero | agent1 | POST | /api/cases | {"kind":"REFUND","orderId":"{order}","buyerId":"buyer_rbi","description":"退款","refundAmount":0,"returnRequired":false} | 400 | 退款金额 | refundAmount
      case: as warehouse | warehouse | POST | /api/cases | {"kind":"DAMAGE","orderId":"{order}","buyerId":"buyer_rbi","description":"破了"} | 403 | 权限 | -
      case: anonymous | - | POST | /api/cases | {"kind":"DAMAGE","orderId":"{order}","buyerId":"buyer_rbi","description":"破了"} | 401 | 请先登录 | -
      case: unknown user | intruder | POST | /api/cases | {"kind":"DAMAGE","orderId":"{order}","buyerId":"buyer_rbi","description":"破了"} | 401 | 请先登录 | -
      case: unknown case | agent1 | GET | /api/cases/DAMAGE-nope | - | 404 | 找不到售后单 | -
      task: complete unknown | agent1 | POST | /engine-rest/task/no-such-task/complete | {"variables":{}} | 404 | 任务不存在或已被他人处理 | -
      task: claim unknown | agent1 | POST | /engine-rest/task/no-such-task/claim | {"userId":"agent1"} | 404 | 任务不存在或已被他人处理 | -
      refunds: page negative | finance | GET | /api/refunds/pending?page=-1 | - | 400 | 页码从 0 开始 | page
      refunds: size zero | finance | GET | /api/refunds/pending?size=0 | - | 400 | 每页条数 | size
      refunds: size huge | finance | GET | /api/refunds/pending?size=100000 | - | 400 | 每页条数 | size
      refunds: page not a number | finance | GET | /api/refunds/pending?page=abc | - | 400 | 应为整数 | page
      refunds: pending as agent | agent1 | GET | /api/refunds/pending | - | 403 | 只有财务或主管 | -
      approvals: empty body | finance | POST | /api/refunds/approvals | - | 400 | 请至少选择一笔退款 | items
      approvals: no items | finance | POST | /api/refunds/approvals | {"items":[]} | 400 | 请至少选择一笔退款 | items
      approvals: too many | finance | POST | /api/refunds/approvals | {"items":[ITEMS(201)]} | 400 | 一次最多同意 200 笔 | items
      approvals: not JSON | finance | POST | /api/refunds/approvals | {items | 400 | 不是有效的 JSON | -
      approvals: items as text | finance | POST | /api/refunds/approvals | {"items":"all"} | 400 | 不是有效的 JSON | -
      approvals: by an agent | agent1 | POST | /api/refunds/approvals | {"items":[{"taskId":"t"}]} | 403 | 只有财务 | -
      refund event: empty body | backoffice | POST | /api/refunds/events | - | 400 | 请求内容为空 | body
      refund event: no order | backoffice | POST | /api/refunds/events | {"type":"PAID"} | 400 | 请填写订单编号 | orderId
      refund event: unknown type | backoffice | POST | /api/refunds/events | {"orderId":"{order}","type":"STOLEN"} | 400 | STOLEN | type
      refund event: note overlong | backoffice | POST | /api/refunds/events | {"orderId":"{order}","type":"PAID","note":"LONG(501)"} | 400 | 说明最多 500 个字 | note
      refund event: by an agent | agent1 | POST | /api/refunds/events | {"orderId":"{order}","type":"PAID"} | 403 | 只有店铺后台对接账号 | -
      import: no file | agent1 | POST | /api/orders/import | {} | 400 | 请选择要导入的订单报表文件 | file
      import: by warehouse | warehouse | POST | /api/orders/import | {} | 403 | - | -
      import: unknown import | agent1 | GET | /api/orders/imports/no-such-import | - | 404 | 找不到 | -
      import: errors size zero | agent1 | GET | /api/orders/imports/x/errors?size=0 | - | 400 | 每页条数应在 1 到 1000 之间 | size
      import: errors page negative | agent1 | GET | /api/orders/imports/x/errors?page=-2 | - | 400 | 页码从 0 开始 | page
      dunning: date malformed | supervisor | POST | /api/dunning/runs | {"date":"2026-13-01"} | 400 | 格式不对 | date
      dunning: date in words | supervisor | POST | /api/dunning/runs | {"date":"yesterday"} | 400 | 格式不对 | date
      dunning: date in future | supervisor | POST | /api/dunning/runs | {"date":"2999-01-01"} | 400 | 不能为将来的日期催款 | date
      dunning: date as number | supervisor | POST | /api/dunning/runs | {"date":20261122} | 400 | 格式不对 | date
      dunning: run by warehouse | warehouse | POST | /api/dunning/runs | {} | 403 | 只有客服或主管可以开始催款 | -
      dunning: summary from malformed | supervisor | GET | /api/dunning/summary?from=22/11/2026 | - | 400 | 格式不对 | from
      dunning: summary to malformed | supervisor | GET | /api/dunning/summary?to=2026-02-30 | - | 400 | 格式不对 | to
      dunning: summary reversed | supervisor | GET | /api/dunning/summary?from=2026-11-22&to=2026-11-01 | - | 400 | 开始日期不能晚于结束日期 | from
      dunning: export malformed | supervisor | GET | /api/dunning/summary/export.xlsx?from=x | - | 400 | 格式不对 | from
      dunning: summary by finance | finance | GET | /api/dunning/summary | - | 403 | 只有客服或主管 | -
      dunning event: no order | backoffice | POST | /api/dunning/events | {"type":"PAID"} | 400 | 请填写订单编号 | orderId
      dunning event: unknown type | backoffice | POST | /api/dunning/events | {"orderId":"{order}","type":"LOST"} | 400 | 事件类型只能是 | type
      dunning event: empty body | backoffice | POST | /api/dunning/events | - | 400 | 请填写订单编号 | orderId
      dunning event: by an agent | agent1 | POST | /api/dunning/events | {"orderId":"{order}","type":"PAID"} | 403 | 只有店铺后台对接账号 | -
      follow-ups: date malformed | supervisor | POST | /api/follow-ups/runs | {"date":"11/22"} | 400 | 格式不对 | date
      follow-ups: run by agent | agent1 | POST | /api/follow-ups/runs | {} | 403 | 只有客服主管可以安排回访 | -
      spot checks: date malformed | supervisor | POST | /api/follow-ups/spot-checks/runs | {"date":"tomorrow"} | 400 | 格式不对 | date
      spot checks: by agent | agent1 | POST | /api/follow-ups/spot-checks/runs | {} | 403 | 只有客服主管可以抽查回访 | -
      stock-out: empty body | agent1 | POST | /api/follow-ups/stock-outs | - | 400 | 请填写缺货商品的标题 | itemTitle
      stock-out: title blank | agent1 | POST | /api/follow-ups/stock-outs | {"itemTitle":"  "} | 400 | 请填写缺货商品的标题 | itemTitle
      stock-out: title overlong | agent1 | POST | /api/follow-ups/stock-outs | {"itemTitle":"LONG(513)"} | 400 | 商品标题最多 512 个字 | itemTitle
      stock-out: by warehouse | warehouse | POST | /api/follow-ups/stock-outs | {"itemTitle":"杯子"} | 403 | 只有客服或主管可以登记缺货 | -
      back in stock: no title | agent1 | DELETE | /api/follow-ups/stock-outs | - | 400 | 缺少参数 itemTitle | itemTitle
      satisfaction: by week | agent1 | GET | /api/follow-ups/satisfaction?by=week | - | 400 | 按什么汇总 | by
      satisfaction: from malformed | agent1 | GET | /api/follow-ups/satisfaction?from=2026-1-1x | - | 400 | 格式不对 | from
      register: unknown | supervisor | GET | /api/registers/secrets | - | 404 | secrets | -
      register: page negative | supervisor | GET | /api/registers/cases?page=-1 | - | 400 | 页码从 0 开始 | page
      register: size zero | supervisor | GET | /api/registers/cases?size=0 | - | 400 | 每页条数应在 1 到 200 之间 | size
      register: size huge | supervisor | GET | /api/registers/returns?size=201 | - | 400 | 每页条数应在 1 到 200 之间 | size
      register: size not a number | supervisor | GET | /api/registers/returns?size=ten | - | 400 | 应为整数 | size
      register: from malformed | supervisor | GET | /api/registers/cases?from=2026/11/01 | - | 400 | 格式不对 | from
      register: to malformed | supervisor | GET | /api/registers/reship-forms?to=now | - | 400 | 格式不对 | to
      register: export from malformed | supervisor | GET | /api/registers/cases/export.xlsx?from=x | - | 400 | 格式不对 | from
      register: export unknown | supervisor | GET | /api/registers/secrets/export.xlsx | - | 404 | secrets | -
      handover: empty body | supervisor | POST | /api/shifts/handover | - | 400 | 请求内容为空 | body
      handover: no note | supervisor | POST | /api/shifts/handover | {"fromAgents":["agent1"],"target":"POOL"} | 400 | 请填写交接说明 | note
      handover: note overlong | supervisor | POST | /api/shifts/handover | {"fromAgents":["agent1"],"target":"POOL","note":"LONG(501)"} | 400 | 交接说明最多 500 个字 | note
      handover: no target | supervisor | POST | /api/shifts/handover | {"fromAgents":["agent1"],"note":"下班交接"} | 400 | 请选择交给谁 | target
      handover: unknown target | supervisor | POST | /api/shifts/handover | {"fromAgents":["agent1"],"note":"下班交接","target":"MARS"} | 400 | 不是有效的 JSON | -
      handover: agent missing | supervisor | POST | /api/shifts/handover | {"fromAgents":["agent1"],"note":"下班交接","target":"AGENT"} | 400 | 请选择接班的客服 | toAgent
      handover: agent unknown | supervisor | POST | /api/shifts/handover | {"fromAgents":["agent1"],"note":"下班交接","target":"AGENT","toAgent":"ghost"} | 400 | 找不到客服 ghost | toAgent
      handover: agent not an agent | supervisor | POST | /api/shifts/handover | {"fromAgents":["agent1"],"note":"下班交接","target":"AGENT","toAgent":"warehouse"} | 400 | 找不到客服 warehouse | toAgent
      handover: to oneself | supervisor | POST | /api/shifts/handover | {"fromAgents":["agent1"],"note":"下班交接","target":"AGENT","toAgent":"agent1"} | 400 | 不能交接给交班的客服本人 | toAgent
      handover: nobody handing over | supervisor | POST | /api/shifts/handover | {"fromAgents":[],"target":"POOL","note":"x"} | 400 | 请选择交班的客服 | fromAgents
      handover: fromAgents as number | supervisor | POST | /api/shifts/handover | {"fromAgents":5,"target":"POOL","note":"x"} | 400 | 不是有效的 JSON | -
      handover: by warehouse | warehouse | POST | /api/shifts/handover | {"fromAgents":["agent1"],"note":"下班交接","target":"POOL"} | 403 | - | -
      roster: week malformed | supervisor | GET | /api/roster?week=week-48 | - | 400 | 格式不对 | week
      roster: unknown user | supervisor | PUT | /api/roster | {"week":"2026-11-23","userId":"ghost","shift":"EARLY"} | 400 | 找不到员工 ghost | userId
      roster: no user | supervisor | PUT | /api/roster | {"week":"2026-11-23","shift":"EARLY"} | 400 | 找不到员工 | userId
      roster: unknown shift | supervisor | PUT | /api/roster | {"week":"2026-11-23","userId":"agent1","shift":"SIESTA"} | 400 | 没有班次 “SIESTA” | shift
      roster: week malformed on put | supervisor | PUT | /api/roster | {"week":"23.11.2026","userId":"agent1","shift":"EARLY"} | 400 | 格式不对 | week
      roster: empty put | supervisor | PUT | /api/roster | - | 400 | 不是有效的 JSON | -
      roster: put by agent | agent1 | PUT | /api/roster | {"week":"2026-11-23","userId":"agent1","shift":"EARLY"} | 403 | - | -
      roster: delete without user | supervisor | DELETE | /api/roster?week=2026-11-23 | - | 400 | 缺少参数 userId | userId
      roster: delete week malformed | supervisor | DELETE | /api/roster?week=x&userId=agent1 | - | 400 | 格式不对 | week
      console: by agent | agent1 | GET | /api/console/summary | - | 403 | - | -
      console: by warehouse | warehouse | GET | /api/console/summary | - | 403 | - | -
      console: anonymous | - | GET | /api/console/summary | - | 401 | 请先登录 | -
      """;

  private static String order;

  @BeforeEach
  void anOrder() {
    if (order == null) {
      order = orders.create("buyer_rbi", "40.00", 2);
    }
  }

  static Stream<Arguments> rows() {
    return TABLE
        .lines()
        .filter(l -> !l.isBlank())
        .map(
            l -> {
              String[] c = Arrays.stream(l.split(" \\| ")).map(String::trim).toArray(String[]::new);
              if (c.length != 8) {
                throw new IllegalStateException("row needs 8 columns: " + l);
              }
              return Arguments.of(
                  c[0],
                  none(c[1]),
                  c[2],
                  c[3],
                  none(c[4]),
                  Integer.parseInt(c[5]),
                  none(c[6]),
                  none(c[7]));
            });
  }

  private static String none(String cell) {
    return cell.equals("-") ? null : cell;
  }

  /** Expands {@code LONG(n)} and {@code ITEMS(n)}. */
  private static String expand(String body) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(LONG|ITEMS)\\((\\d+)\\)").matcher(body);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int n = Integer.parseInt(m.group(2));
      String what =
          m.group(1).equals("LONG")
              ? "长".repeat(n)
              : String.join(",", java.util.Collections.nCopies(n, "{\"taskId\":\"t\"}"));
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(what));
    }
    m.appendTail(out);
    return out.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void refusedAndNothingStored(
      String what,
      String user,
      String method,
      String path,
      String body,
      int status,
      String fragment,
      String field) {
    Map<String, Long> before = stored();
    String sent = body == null ? null : expand(body.replace("{order}", order));
    ResponseEntity<String> r = as(user).send(HttpMethod.valueOf(method), path, sent);
    assertRefused(what, before, r, status, fragment, field);
  }
}
