package com.aftersales.cases.photos;

import com.aftersales.base.InvalidInputException;
import java.util.Arrays;

/** Whether a photo counts as evidence. A photo is never deleted: it is marked instead. */
public enum PhotoStatus {
  SHOWN("有效"),
  WRONG("标记为错误"),
  HIDDEN("已隐藏");

  private final String label;

  PhotoStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  static PhotoStatus parse(String value) {
    return Arrays.stream(values())
        .filter(s -> value != null && s.name().equalsIgnoreCase(value.trim()))
        .findFirst()
        .orElseThrow(
            () -> new InvalidInputException("status", "状态只能是 SHOWN（有效）、WRONG（标记为错误）或 HIDDEN（隐藏）"));
  }
}
