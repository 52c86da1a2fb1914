package com.aftersales.shop;

/** A message that no channel can carry: not on a platform refund and not sent by an agent. */
public class NoMessageChannelException extends IllegalArgumentException {
  public NoMessageChannelException(String message) {
    super(message);
  }
}
