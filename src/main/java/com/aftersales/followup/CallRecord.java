package com.aftersales.followup;

/**
 * Columns of a follow-up call's record ({@code follow_up_call}) that code reads by name; some share
 * a name with a variable of the call, which they are not.
 */
final class CallRecord {
  static final String CALLER = "caller"; // not a process variable: a column
  static final String SCENARIO = "scenario"; // not a process variable: a column
  static final String PROBLEM = "problem"; // not a process variable: a column
  static final String SUGGESTIONS = "suggestions"; // not a process variable: a column
  static final String PROVINCE = "province"; // not a process variable: a column

  private CallRecord() {}
}
