package com.aftersales.claims;

/** Extent of a damage, as the agent finds it on the photos. */
enum DamageType {
  USABLE("不影响使用"),
  UNUSABLE("无法使用"),
  LEAKING("漏液/污染"),
  SCRATCH("划痕"),
  COSMETIC("外观瑕疵");

  final String label;

  DamageType(String label) {
    this.label = label;
  }
}
