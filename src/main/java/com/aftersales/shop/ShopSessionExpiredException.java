package com.aftersales.shop;

/**
 * The shop's authorization of our application (the session key) is missing, invalid, expired or
 * revoked: no call to the back office can succeed until someone authorizes the application again
 * and puts the new session key in the configuration.
 *
 * <p>It is a {@link ShopUnavailableException}, so every caller that already handles an unreachable
 * back office handles it too, and nothing is recorded as done. In a service task the engine's
 * bounded retry cycle ({@code aftersales.retry.back-office}, three tries a minute apart) runs out
 * and the job ends as an incident whose message is this exception's: it names the cause and what to
 * do, so the operator who renews the session retries the incident in Cockpit and the case goes on.
 * It is never retried endlessly and never swallowed; the adapter also logs a warning each time.
 */
public class ShopSessionExpiredException extends ShopUnavailableException {
  public ShopSessionExpiredException(String message, Throwable cause) {
    super(message, cause);
  }
}
