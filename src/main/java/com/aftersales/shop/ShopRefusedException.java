package com.aftersales.shop;

/**
 * The back office cannot do what was asked, and asking again unchanged will not help: the platform
 * refused the call, or offers no way to do it. Nothing was done; the message (Chinese) says why and
 * what a person can do instead (e.g. in Qianniu).
 */
public class ShopRefusedException extends RuntimeException {
  public ShopRefusedException(String message) {
    super(message);
  }

  public ShopRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
