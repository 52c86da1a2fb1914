package com.aftersales.claims;

/** Whose mistake a wrong or missing item was, recorded for statistics. */
enum Cause {
  AGENT_NOTE_MISSING,
  WAREHOUSE_PICKING,
  ADDRESS
}
