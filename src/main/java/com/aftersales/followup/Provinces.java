package com.aftersales.followup;

import java.util.List;

/** The province of a receiving address, as the back office writes it ("浙江省 杭州市 …"). */
final class Provinces {

  static final List<String> ALL =
      List.of(
          "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东",
          "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏",
          "宁夏", "新疆", "香港", "澳门");

  private Provinces() {}

  /** The province the address starts with, or null when it names none (e.g. fully masked). */
  static String of(String address) {
    if (address == null) {
      return null;
    }
    String a = address.replace(" ", "").replace("\u3000", "");
    for (String p : ALL) {
      if (a.startsWith(p)) {
        return p;
      }
    }
    return null;
  }
}
