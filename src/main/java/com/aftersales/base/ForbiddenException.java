package com.aftersales.base;

/** The signed-in user's role may not do this. */
public class ForbiddenException extends RuntimeException {
  public ForbiddenException(String message) {
    super(message);
  }
}
