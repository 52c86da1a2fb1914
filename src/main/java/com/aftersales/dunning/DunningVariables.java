package com.aftersales.dunning;

import com.aftersales.base.ProcessVariables;
import com.aftersales.base.Variable;
import com.aftersales.cases.CaseVariables;
import com.aftersales.dunning.DunningService.AnsweredBy;
import com.aftersales.dunning.DunningService.Channel;
import com.aftersales.dunning.DunningService.Result;
import java.math.BigDecimal;
import java.util.Date;

/** {@code bpmn/dunning.bpmn}: its key, the element ids and messages code names, its variables. */
final class DunningVariables {
  static final String PROCESS_KEY = "dunning";

  // element ids: the ends, each an outcome in dunning_case
  static final String END_PAID = "endEvent_paid";
  static final String END_ORDER_CLOSED = "endEvent_orderClosed";
  static final String END_AUTO_CLOSED = "endEvent_autoClosed";
  static final String END_DECLINED = "endEvent_declined";

  // messages the back office's order events correlate
  static final String MESSAGE_ORDER_PAID = "dunningOrderPaid";
  static final String MESSAGE_ORDER_CLOSED = "dunningOrderClosed";

  // the order, shown on dunning-contact (order id, buyer, name and item are the case variables)
  static final Variable<String> PHONE = Variable.text("phone", "联系电话");
  static final Variable<BigDecimal> AMOUNT = Variable.money("amount", "应付金额（元）");
  static final Variable<String> ORDER_CREATED_AT_TEXT = Variable.text("orderCreatedAtText", "下单时间");
  static final Variable<String> AUTO_CLOSE_AT_TEXT = Variable.text("autoCloseAtText", "平台自动关闭时间");
  static final Variable<String> WORDING_BUYER = Variable.text("wordingBuyer", "买家本人接听时");
  static final Variable<String> WORDING_OTHER = Variable.text("wordingOther", "他人接听时");

  // dunning-contact
  static final Variable<Channel> CONTACT_CHANNEL =
      Variable.choice("contactChannel", "联系方式", Channel.class);
  static final Variable<AnsweredBy> ANSWERED_BY =
      Variable.choice("answeredBy", "接听/回复的人", AnsweredBy.class);
  static final Variable<Result> DUNNING_RESULT =
      Variable.choice("dunningResult", "催付结果", Result.class);
  static final Variable<String> PROMISED_AT_TEXT = Variable.text("promisedAtText", "约定付款时间");
  static final Variable<String> DUNNING_NOTE = Variable.text("dunningNote", "沟通记录");

  // counting contacts (the gateway retries an unreachable buyer up to the maximum)
  static final Variable<Long> DUNNING_ATTEMPTS = Variable.count("dunningAttempts", "已联系次数");
  static final Variable<Long> DUNNING_MAX_ATTEMPTS = Variable.count("dunningMaxAttempts");

  // clocks: the contact's due date, the promise's timer, the platform's 72 hours
  static final Variable<Date> CONTACT_DUE = Variable.time("contactDue");
  static final Variable<Date> PROMISED_AT = Variable.time("promisedAt");
  static final Variable<Date> AUTO_CLOSE_AT = Variable.time("autoCloseAt");

  static final ProcessVariables PROCESS =
      ProcessVariables.of(PROCESS_KEY, DunningVariables.class, CaseVariables.class);

  private DunningVariables() {}
}
