package com.aftersales.base;

/** The node is already doing as much of this work as it may at once: try again shortly (429). */
public class BusyException extends RuntimeException {
  public BusyException(String message) {
    super(message);
  }
}
