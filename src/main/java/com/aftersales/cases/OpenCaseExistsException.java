package com.aftersales.cases;

import com.aftersales.base.InvalidInputException;

/** A case of this kind is already open for the order; opening a twin is refused. */
public class OpenCaseExistsException extends InvalidInputException {
  private final String caseId;

  public OpenCaseExistsException(String caseId, String message) {
    super(CaseVariables.ORDER_ID, message);
    this.caseId = caseId;
  }

  public String caseId() {
    return caseId;
  }
}
