package com.aftersales.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Makes the test's own engine the one {@code /engine-rest} and the webapps find by name. Several
 * Spring test contexts (H2, PostgreSQL, a restarted application) each start an engine called
 * "default" in one JVM; the static engine registry keeps the last one started and forgets the name
 * when any of them closes. Registering before each test keeps requests on the right database.
 */
public class ActiveEngine implements BeforeEachCallback {

  @Override
  public void beforeEach(ExtensionContext context) {
    ProcessEngine engine =
        SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
    ProcessEngines.registerProcessEngine(engine);
  }
}
