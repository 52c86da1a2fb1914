package com.aftersales.base;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a feature asks the supervisors' console to show until someone acts on it (a bean of this
 * type), e.g. a refund the buyer filed on the platform that could not open a case by itself.
 */
public interface ConsoleNotices {

  /** One notice: what happened, in Chinese, and when. */
  record Notice(String kind, String text, OffsetDateTime at) {}

  /** The notices to show now, newest first; a short list. */
  List<Notice> notices();
}
