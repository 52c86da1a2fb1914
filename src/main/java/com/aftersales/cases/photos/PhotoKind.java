package com.aftersales.cases.photos;

import com.aftersales.base.InvalidInputException;
import java.util.Arrays;

/** What a photo shows: the goods (detail), or the waybill / parcel label. */
public enum PhotoKind {
  DETAIL("细节照片"),
  WAYBILL("面单/物流单"),
  OTHER("其他");

  private final String label;

  PhotoKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The kind named in an upload; a detail photo when none is named. */
  static PhotoKind parse(String value) {
    if (value == null || value.isBlank()) {
      return DETAIL;
    }
    return Arrays.stream(values())
        .filter(k -> k.name().equalsIgnoreCase(value.trim()))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "kind", "照片类型只能是 DETAIL（细节照片）、WAYBILL（面单/物流单）或 OTHER（其他）"));
  }
}
