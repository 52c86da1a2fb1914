package com.aftersales.web;

import com.aftersales.base.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The engine wraps whatever a listener throws into a generic exception, which {@code /engine-rest}
 * answers with 500 and an "ENGINE-03051" prefix. This outermost interceptor hands the clerk's own
 * problem back instead: an {@link InvalidInputException} from a listener reaches the caller as
 * itself (REST answers 400 with its message), and so does a duplicate-key race. The transaction has
 * already been rolled back when the exception passes here, so nothing is half-written.
 */
@Component
public class InputErrorUnwrapping extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> pre =
        configuration.getCustomPreCommandInterceptorsTxRequired() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    pre.add(0, new Unwrapper());
    configuration.setCustomPreCommandInterceptorsTxRequired(pre);
  }

  /**
   * The clerk's refusal that last left the engine on this thread: {@code /engine-rest}'s start of a
   * process answers any refusal with 500, and {@link TaskErrorMessageFilter} (same thread, around
   * the request) turns it into the 400 it is.
   */
  static final ThreadLocal<InvalidInputException> LAST_REFUSAL = new ThreadLocal<>();

  static final class Unwrapper extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        RuntimeException own = findOwn(e);
        if (own instanceof InvalidInputException refusal) {
          LAST_REFUSAL.set(refusal);
        }
        throw own != null ? own : e;
      }
    }
  }

  public static RuntimeException findOwn(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof InvalidInputException || t instanceof DuplicateKeyException) {
        return (RuntimeException) t;
      }
    }
    return null;
  }
}
