package com.aftersales.shop;

/** The back office could not be reached or refused the call for a transient reason. */
public class ShopUnavailableException extends RuntimeException {
  public ShopUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
