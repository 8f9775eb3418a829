package dev.baton.junit;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestInstanceFactory;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstantiationException;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link BatonTest @BatonTest}: it creates the test instance from the
 * processor's generated subclass, and hands each test method's settings to {@link BatonTests#run}.
 */
public final class BatonExtension implements TestInstanceFactory, InvocationInterceptor {
  @Override
  public Object createTestInstance(TestInstanceFactoryContext factory, ExtensionContext context) {
    Class<?> testClass = factory.getTestClass();
    Class<?> generated = generatedClass(testClass);
    Class<?> made = generated != null && testClass.isAssignableFrom(generated) ? generated : testClass;
    try {
      Object outer = factory.getOuterInstance().orElse(null);
      // a @Nested class's constructor takes its enclosing class, whose instance may be AsyncOuter
      Constructor<?> c = outer == null ? made.getDeclaredConstructor() : made.getDeclaredConstructor(made.getEnclosingClass());
      c.setAccessible(true);
      return outer == null ? c.newInstance() : c.newInstance(outer);
    } catch (NoSuchMethodException e) {
      throw new TestInstantiationException("@BatonTest creates " + made.getName()
          + " with its no-argument constructor, which it does not have", e);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new TestInstantiationException("@BatonTest could not create " + made.getName() + ": " + e, e);
    }
  }

  /** The class the processor generated for {@code testClass} ({@code AsyncOuter_Inner}), or null. */
  static Class<?> generatedClass(Class<?> testClass) {
    StringBuilder name = new StringBuilder(testClass.getSimpleName());
    for (Class<?> c = testClass.getEnclosingClass(); c != null; c = c.getEnclosingClass()) {
      name.insert(0, c.getSimpleName() + "_");
    }
    String pkg = testClass.getPackageName();
    try {
      return Class.forName((pkg.isEmpty() ? "" : pkg + ".") + "Async" + name, false, testClass.getClassLoader());
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  @Override
  public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
      ExtensionContext context) throws Throwable {
    intercept(invocation, context);
  }

  @Override
  public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
      ExtensionContext context) throws Throwable {
    intercept(invocation, context);
  }

  private static void intercept(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
    Settings settings = settings(context);
    BatonTests.Run run = BatonTests.begin(settings);
    try {
      invocation.proceed();
    } finally {
      BatonTests.end();
    }
    if (!settings.seeds().isEmpty() && run.scenarios == 0) {
      throw new IllegalStateException(settings.source() + " asks for schedule fuzzing, but the test ran no scenario "
          + "through BatonTests.run(...)");
    }
  }

  /**
   * The method's {@code @BatonTest}, else its class's (or an enclosing class's), with the
   * configuration parameters (or system properties) {@code baton.scheduleSeeds} and {@code baton.seed} on top.
   */
  static Settings settings(ExtensionContext context) {
    Optional<String> property = context.getConfigurationParameter(Settings.SEED_PROPERTY);
    Optional<BatonTest> a = context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, BatonTest.class));
    for (Optional<Class<?>> c = context.getTestClass(); a.isEmpty() && c.isPresent(); c = Optional.ofNullable(c.get().getEnclosingClass())) {
      a = AnnotationSupport.findAnnotation(c.get(), BatonTest.class);
    }
    Optional<String> count = context.getConfigurationParameter(Settings.SEEDS_PROPERTY);
    return a.map(b -> Settings.of(b, count, property)).orElse(Settings.DEFAULT.withProperty(property));
  }
}
