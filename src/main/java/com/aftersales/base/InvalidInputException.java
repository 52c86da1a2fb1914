package com.aftersales.base;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Input a clerk can correct: the message says what is wrong in their words. Thrown from task
 * listeners it rolls the completion back (the task stays open) and {@code /engine-rest} answers 400
 * with the message; Tasklist shows it under the form.
 */
public class InvalidInputException extends FormFieldValidationException {
  public InvalidInputException(String field, String message) {
    super(field, message);
  }

  /** Refuses the value of a form field, named by its typed variable. */
  public InvalidInputException(Variable<?> field, String message) {
    this(field.name(), message);
  }

  public String field() {
    return getDetail();
  }
}
