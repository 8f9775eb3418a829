package dev.baton.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs a test class through the JUnit Platform, as a build would, and returns what happened. */
final class Launch {
  private Launch() {}

  static TestExecutionSummary run(Class<?> testClass, Map<String, String> configuration) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(testClass))
        .configurationParameters(configuration)
        .build(), listener);
    return listener.getSummary();
  }

  /** The failures of running {@code testClass}. */
  static List<Throwable> failures(Class<?> testClass, Map<String, String> configuration) {
    return run(testClass, configuration).getFailures().stream().map(TestExecutionSummary.Failure::getException).toList();
  }
}
