package com.aftersales.base;

/**
 * What a user sent is larger than the node takes (a file's rows or unpacked size, a list, a page):
 * refused whole with 413, naming the field and the limit; nothing is stored.
 */
public class TooLargeException extends RuntimeException {
  private final String field;

  public TooLargeException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
