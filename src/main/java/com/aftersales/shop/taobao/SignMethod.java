package com.aftersales.shop.taobao;

/** How a request to the Taobao Open Platform is signed ({@code sign_method}). */
public enum SignMethod {
  /** MD5 over the secret, the sorted parameters and the secret again. */
  MD5("md5"),
  /** HMAC-MD5 over the sorted parameters, keyed with the secret. */
  HMAC("hmac"),
  /** HMAC-SHA256 over the sorted parameters, keyed with the secret. */
  HMAC_SHA256("hmac-sha256");

  private final String wireName;

  SignMethod(String wireName) {
    this.wireName = wireName;
  }

  /** The value of the {@code sign_method} parameter. */
  public String wireName() {
    return wireName;
  }
}
