package com.aftersales.dunning;

import static com.aftersales.cases.CaseVariables.BUYER_MESSAGE_SENT;
import static com.aftersales.dunning.DunningVariables.CONTACT_CHANNEL;

import com.aftersales.base.Inputs;
import com.aftersales.cases.BuyerMessages;
import com.aftersales.dunning.DunningService.Channel;
import com.aftersales.shop.MessagePurpose;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The written reminder of a dunning contact. Only a contact in Wangwang chat (Qianniu) sends the
 * buyer text: the agent copies the reminder the contact task shows into Qianniu and confirms it,
 * and the message is recorded then, whether or not the buyer replied. A phone call sends nothing
 * (its outcome is the dunning-detail row), and neither does an SMS, which no channel of the back
 * office records; their contacts leave no buyer message.
 */
@Component
class DunningReminder {

  private final BuyerMessages messages;

  DunningReminder(BuyerMessages messages) {
    this.messages = messages;
  }

  /** Complete listener of the contact task, after the contact's own check. */
  void contacted(DelegateTask task) {
    if (Inputs.choice(task, CONTACT_CHANNEL) == Channel.WANGWANG) {
      messages.confirmSent(task, MessagePurpose.DUNNING.name());
    }
    // the next contact starts unticked; for other channels the form hides the tick, so whatever
    // arrived, nothing was sent
    task.removeVariable(BUYER_MESSAGE_SENT.name());
  }
}
