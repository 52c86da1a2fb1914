package com.aftersales.shop;

import com.aftersales.base.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Measures every call the flows make to the shop back office, whichever adapter serves it: the bean
 * {@link ShopBackOffice} is wrapped so each call is timed ({@value #CALLS}, by operation and
 * outcome), and the refunds the shop agreed are counted with their amount ({@value #AGREED},
 * {@value #AGREED_AMOUNT}) once the step that agreed them committed.
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(
    name = "aftersales.metrics.shop-calls",
    havingValue = "true",
    matchIfMissing = true)
class ShopCallMeters implements BeanPostProcessor, Ordered {

  static final String CALLS = "aftersales.shop.calls";
  static final String AGREED = "aftersales.refunds.agreed";
  static final String AGREED_AMOUNT = "aftersales.refunds.agreed.amount";

  private final ObjectProvider<MeterRegistry> registry;

  ShopCallMeters(ObjectProvider<MeterRegistry> registry) {
    this.registry = registry;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (!(bean instanceof ShopBackOffice shop) || Proxy.isProxyClass(bean.getClass())) {
      return bean;
    }
    return Proxy.newProxyInstance(
        ShopBackOffice.class.getClassLoader(),
        new Class<?>[] {ShopBackOffice.class},
        new Timed(shop, registry));
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** Times a call, counts its outcome and the refunds it agreed. */
  private static final class Timed implements InvocationHandler {
    private final ShopBackOffice target;
    private final ObjectProvider<MeterRegistry> registry;

    Timed(ShopBackOffice target, ObjectProvider<MeterRegistry> registry) {
      this.target = target;
      this.registry = registry;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (method.getDeclaringClass() == Object.class) {
        return switch (method.getName()) {
          case "equals" -> proxy == args[0];
          case "hashCode" -> System.identityHashCode(proxy);
          case "toString" -> "metered " + target;
          default -> method.invoke(target, args);
        };
      }
      MeterRegistry meters = registry.getIfAvailable();
      if (meters == null) {
        return call(method, args);
      }
      long start = System.nanoTime();
      String outcome = "ok";
      String error = "none";
      try {
        Object result = call(method, args);
        agreed(meters, method.getName(), args);
        return result;
      } catch (Throwable e) {
        outcome = "error";
        error = e.getClass().getSimpleName();
        throw e;
      } finally {
        Timer.builder(CALLS)
            .description("Calls to the shop back office (the shop port's adapter)")
            .tag("operation", method.getName())
            .tag("outcome", outcome)
            .tag("exception", error)
            .publishPercentileHistogram()
            .register(meters)
            .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
      }
    }

    private Object call(Method method, Object[] args) throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }

    /** agreeRefund: on the platform; recordTransfer: paid by finance outside the platform. */
    private static void agreed(MeterRegistry meters, String operation, Object[] args) {
      String way =
          switch (operation) {
            case "agreeRefund" -> "platform";
            case "recordTransfer" -> "transfer";
            default -> null;
          };
      if (way == null) {
        return;
      }
      BigDecimal amount = (BigDecimal) args[operation.equals("agreeRefund") ? 2 : 1];
      AfterCommit.run(
          () -> {
            Counter.builder(AGREED)
                .description("Refunds the shop agreed, by way of paying")
                .tag("way", way)
                .register(meters)
                .increment();
            Counter.builder(AGREED_AMOUNT)
                .description("Amount of the refunds the shop agreed, in yuan")
                .baseUnit("yuan")
                .tag("way", way)
                .register(meters)
                .increment(amount == null ? 0 : amount.doubleValue());
          });
    }
  }
}
