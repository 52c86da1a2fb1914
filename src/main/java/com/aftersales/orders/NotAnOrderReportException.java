package com.aftersales.orders;

import com.aftersales.base.InvalidInputException;

/** The uploaded file is not the back office's order report: nothing is imported. */
public class NotAnOrderReportException extends InvalidInputException {
  public NotAnOrderReportException(String message) {
    super("file", message);
  }
}
