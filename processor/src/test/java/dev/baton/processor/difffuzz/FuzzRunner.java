package dev.baton.processor.difffuzz;

import com.google.testing.compile.JavaFileObjects;
import dev.baton.processor.difffuzz.InMemoryJavac.Output;
import dev.baton.Baton;
import dev.baton.Clock;
import dev.baton.Coroutine;
import dev.baton.processor.difffuzz.sync.SyncBaton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Compiles and runs whole-language programs ({@link LanguageGenerator}) in batches and classifies
 * every one of them:
 *
 * <dl>
 *   <dt>OK</dt><dd>both twins ran and left the same trace, children's log, field state and result.</dd>
 *   <dt>MISMATCH</dt><dd>they ran and differ (or the compiled twin did not finish).</dd>
 *   <dt>REJECTED</dt><dd>the processor reported a tagged diagnostic ({@code [AsyncUnsupportedPosition]}, ...)
 *       on the user's source; the cause is the tag and the rule.</dd>
 *   <dt>GENERATED_COMPILE_ERROR</dt><dd>javac reported an error in a generated {@code Async*} file.</dd>
 *   <dt>ASYNC_SOURCE_ERROR</dt><dd>javac reported an untagged error in the user's {@code @Async} source although
 *       its plain twin (the same text) compiles: for example a call through a generated class that was not
 *       generated.</dd>
 *   <dt>PROCESSOR_CRASH</dt><dd>{@code [AsyncInternalError]}.</dd>
 *   <dt>PLAIN_COMPILE_ERROR</dt><dd>the plain twin does not compile: a generator bug.</dd>
 *   <dt>PLAIN_TIMEOUT</dt><dd>the plain twin did not finish: a generator bug.</dd>
 * </dl>
 *
 * <p>Batches: every plain twin of a batch is compiled in one javac run without processors, then every
 * user class of the batch in one javac run with the processor. When a run fails, the programs its
 * errors point at are classified from those errors, and the rest are compiled again (javac may stop
 * before it reaches them); errors that point at no program (a processor round crash) are bisected.
 * Programs that use Java 21 forms are compiled in their own batches with {@code --release 21}, the
 * others with {@code --release 17}.
 */
public final class FuzzRunner {
  public enum Outcome {
    OK, MISMATCH, REJECTED, GENERATED_COMPILE_ERROR, ASYNC_SOURCE_ERROR, PROCESSOR_CRASH, PLAIN_COMPILE_ERROR,
    PLAIN_TIMEOUT
  }

  /** The classification of one program. */
  public static final class Result {
    final FuzzProgram program;
    Outcome outcome;
    String cause = "";
    /** Every distinct cause of the outcome (a rejected program may break several rules). */
    final Set<String> causes = new TreeSet<>();
    /** Features on the line a user-source diagnostic points at (empty if none). */
    Set<String> blamed = new TreeSet<>();
    final List<String> diagnostics = new ArrayList<>();
    final Map<String, String> generated = new TreeMap<>();
    String expected;
    String actual;

    Result(FuzzProgram program) {
      this.program = program;
    }

    public Outcome outcome() {
      return outcome;
    }

    public String cause() {
      return cause;
    }

    public FuzzProgram program() {
      return program;
    }
  }

  private final int timeoutSeconds;
  private final boolean plainOnly;
  private ExecutorService executor = newExecutor();
  int javacRuns;

  public FuzzRunner(boolean plainOnly, int timeoutSeconds) {
    this.plainOnly = plainOnly;
    this.timeoutSeconds = timeoutSeconds;
  }

  /** The programs of a campaign: program {@code i} of seed {@code s} is the same on every run. */
  public static List<FuzzProgram> generate(long seed, int from, int count, boolean java21) {
    List<FuzzProgram> out = new ArrayList<>();
    for (int id = from; id < from + count; id++) {
      out.add(program(seed, id, java21));
    }
    return out;
  }

  public static FuzzProgram program(long seed, int id, boolean java21) {
    return new LanguageGenerator(seed * 1_000_003L + id, id, java21).generate();
  }

  /** True if this JDK can compile and run the Java 21 forms. */
  public static boolean java21Available() {
    return Runtime.version().feature() >= 21 && !"false".equals(System.getProperty("baton.fuzz.java21"));
  }

  public List<Result> run(List<FuzzProgram> programs, int batchSize) {
    List<Result> results = new ArrayList<>();
    List<FuzzProgram> j17 = programs.stream().filter(p -> !p.java21()).collect(Collectors.toList());
    List<FuzzProgram> j21 = programs.stream().filter(FuzzProgram::java21).collect(Collectors.toList());
    for (List<FuzzProgram> group : List.of(j17, j21)) {
      for (int i = 0; i < group.size(); i += batchSize) {
        List<Result> batch = new ArrayList<>();
        for (FuzzProgram p : group.subList(i, Math.min(group.size(), i + batchSize))) {
          batch.add(new Result(p));
        }
        runBatch(batch);
        results.addAll(batch);
      }
    }
    results.sort(Comparator.comparingInt(r -> r.program.id()));
    return results;
  }

  public void close() {
    executor.shutdownNow();
  }

  // ---------------------------------------------------------------------------------------------
  // Compiling

  private static final Pattern SOURCE = Pattern.compile("(?:^|/)(Async)?([PQ])(\\d+)(_N)?\\.java$");

  private static List<String> options(boolean java21, boolean processor) {
    List<String> o = new ArrayList<>(List.of("--release", java21 ? "21" : "17", "-Xmaxerrs", "100000",
        "-Xmaxwarns", "0", "-nowarn"));
    if (!processor) {
      o.add("-proc:none");
    }
    return o;
  }

  static Processor processor() {
    for (Processor p : ServiceLoader.load(Processor.class, FuzzRunner.class.getClassLoader())) {
      if (p.getClass().getName().startsWith("dev.baton.processor.")) {
        return p;
      }
    }
    throw new IllegalStateException("the Baton processor is not registered as a service");
  }

  private Output compile(List<Result> batch, boolean plain) {
    javacRuns++;
    List<JavaFileObject> files = new ArrayList<>();
    for (Result r : batch) {
      FuzzProgram p = r.program;
      files.add(plain ? JavaFileObjects.forSourceString(p.plainClass(), p.plainSource())
          : JavaFileObjects.forSourceString(p.userClass(), p.asyncSource()));
    }
    boolean java21 = batch.get(0).program.java21();
    return InMemoryJavac.compile(files, options(java21, !plain), plain ? List.of() : List.of(processor()));
  }

  /** A javac crash: the exception and where it was thrown (javac's own report names it on its log). */
  private static String crashCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String msg = String.valueOf(t.getMessage());
    Matcher m = Pattern.compile("\\n(java\\.lang\\.[\\w.]+(?:Exception|Error)[^\\n]*)\\n").matcher(msg);
    if (m.find()) {
      return "javac crashed: " + m.group(1);
    }
    StackTraceElement[] st = t.getStackTrace();
    return "javac crashed: " + t.getClass().getSimpleName() + (st.length > 0 ? " at " + st[0].getClassName()
        .replaceAll(".*\\.", "") + "." + st[0].getMethodName() : "");
  }

  private void runBatch(List<Result> batch) {
    Map<Integer, Output> plainCompilations = new HashMap<>();
    List<Result> plainOk = compilePlain(batch, plainCompilations);
    if (plainOnly) {
      for (Result r : plainOk) {
        runPlainOnly(r, plainCompilations.get(r.program.id()));
      }
      return;
    }
    Map<Integer, Output> asyncCompilations = new HashMap<>();
    List<Result> compiled = new ArrayList<>();
    compileAsync(plainOk, asyncCompilations, compiled);
    Map<Output, ClassLoader> loaders = new java.util.IdentityHashMap<>();
    for (Result r : compiled) {
      Output pc = plainCompilations.get(r.program.id());
      Output ac = asyncCompilations.get(r.program.id());
      ClassLoader pl = loaders.computeIfAbsent(pc, FuzzRunner::loader);
      ClassLoader al = loaders.computeIfAbsent(ac, FuzzRunner::loader);
      compare(r, pl, al);
    }
  }

  /** Compiles plain twins; returns the results whose plain twin compiled (their compilation in {@code out}). */
  private List<Result> compilePlain(List<Result> batch, Map<Integer, Output> out) {
    List<Result> ok = new ArrayList<>();
    Output c = compile(batch, true);
    if (c.crash() != null) {
      if (batch.size() == 1) {
        Result r = batch.get(0);
        r.outcome = Outcome.PLAIN_COMPILE_ERROR;
        r.cause = crashCause(c.crash());
        r.diagnostics.add(stack(c.crash()));
        return ok;
      }
      int half = batch.size() / 2;
      ok.addAll(compilePlain(new ArrayList<>(batch.subList(0, half)), out));
      ok.addAll(compilePlain(new ArrayList<>(batch.subList(half, batch.size())), out));
      return ok;
    }
    if (c.success()) {
      for (Result r : batch) {
        out.put(r.program.id(), c);
      }
      return batch;
    }
    Map<Integer, List<Diagnostic<? extends JavaFileObject>>> byProgram = attribute(c);
    List<Result> rest = new ArrayList<>();
    for (Result r : batch) {
      List<Diagnostic<? extends JavaFileObject>> ds = byProgram.get(r.program.id());
      if (ds == null) {
        rest.add(r);
        continue;
      }
      r.outcome = Outcome.PLAIN_COMPILE_ERROR;
      r.cause = normalize(ds.get(0).getMessage(Locale.ROOT), r.program);
      for (Diagnostic<? extends JavaFileObject> d : ds) {
        r.diagnostics.add(render(d));
      }
    }
    if (rest.size() == batch.size()) {
      // errors that point at no program: compile one by one
      if (batch.size() == 1) {
        Result r = batch.get(0);
        r.outcome = Outcome.PLAIN_COMPILE_ERROR;
        r.cause = normalize(c.errors().get(0).getMessage(Locale.ROOT), r.program);
        c.errors().forEach(d -> r.diagnostics.add(render(d)));
        return ok;
      }
      int half = batch.size() / 2;
      ok.addAll(compilePlain(new ArrayList<>(batch.subList(0, half)), out));
      ok.addAll(compilePlain(new ArrayList<>(batch.subList(half, batch.size())), out));
      return ok;
    }
    if (!rest.isEmpty()) {
      ok.addAll(compilePlain(rest, out));
    }
    return ok;
  }

  /** Compiles user classes with the processor; classifies failures; adds the compiled ones to {@code compiled}. */
  private void compileAsync(List<Result> batch, Map<Integer, Output> out, List<Result> compiled) {
    if (batch.isEmpty()) {
      return;
    }
    Output c = compile(batch, false);
    if (c.crash() != null) {
      if (batch.size() == 1) {
        Result r = batch.get(0);
        r.outcome = Outcome.GENERATED_COMPILE_ERROR;
        r.cause = crashCause(c.crash());
        r.diagnostics.add(stack(c.crash()));
        collectGenerated(r, c);
        return;
      }
      int half = batch.size() / 2;
      compileAsync(new ArrayList<>(batch.subList(0, half)), out, compiled);
      compileAsync(new ArrayList<>(batch.subList(half, batch.size())), out, compiled);
      return;
    }
    if (c.success()) {
      for (Result r : batch) {
        out.put(r.program.id(), c);
        compiled.add(r);
        collectGenerated(r, c);
      }
      return;
    }
    Map<Integer, List<Diagnostic<? extends JavaFileObject>>> byProgram = attribute(c);
    List<Result> rest = new ArrayList<>();
    for (Result r : batch) {
      List<Diagnostic<? extends JavaFileObject>> ds = byProgram.get(r.program.id());
      if (ds == null) {
        rest.add(r);
        continue;
      }
      classify(r, ds);
      collectGenerated(r, c);
    }
    if (rest.size() == batch.size()) {
      if (batch.size() == 1) {
        Result r = batch.get(0);
        classify(r, new ArrayList<>(c.errors()));
        collectGenerated(r, c);
        return;
      }
      int half = batch.size() / 2;
      compileAsync(new ArrayList<>(batch.subList(0, half)), out, compiled);
      compileAsync(new ArrayList<>(batch.subList(half, batch.size())), out, compiled);
      return;
    }
    compileAsync(rest, out, compiled);
  }

  private static Map<Integer, List<Diagnostic<? extends JavaFileObject>>> attribute(Output c) {
    Map<Integer, List<Diagnostic<? extends JavaFileObject>>> out = new HashMap<>();
    for (Diagnostic<? extends JavaFileObject> d : c.errors()) {
      Integer id = programOf(d);
      if (id != null) {
        out.computeIfAbsent(id, k -> new ArrayList<>()).add(d);
      }
    }
    return out;
  }

  private static Integer programOf(Diagnostic<? extends JavaFileObject> d) {
    if (d.getSource() == null) {
      return null;
    }
    Matcher m = SOURCE.matcher(d.getSource().toUri().getPath());
    return m.find() ? Integer.valueOf(m.group(3)) : null;
  }

  private static boolean inGenerated(Diagnostic<? extends JavaFileObject> d) {
    if (d.getSource() == null) {
      return false;
    }
    Matcher m = SOURCE.matcher(d.getSource().toUri().getPath());
    return m.find() && m.group(1) != null;
  }

  /** Classifies a program from its javac errors (crash > rejected > generated-code error > user-source error). */
  private static void classify(Result r, List<Diagnostic<? extends JavaFileObject>> ds) {
    for (Diagnostic<? extends JavaFileObject> d : ds) {
      r.diagnostics.add(render(d));
    }
    Diagnostic<? extends JavaFileObject> crash = null;
    Diagnostic<? extends JavaFileObject> tagged = null;
    Diagnostic<? extends JavaFileObject> generated = null;
    Diagnostic<? extends JavaFileObject> other = null;
    for (Diagnostic<? extends JavaFileObject> d : ds) {
      String msg = d.getMessage(Locale.ROOT);
      if (msg.startsWith("[AsyncInternalError]")) {
        crash = crash == null ? d : crash;
      } else if (msg.startsWith("[Async")) {
        tagged = tagged == null ? d : tagged;
      } else if (inGenerated(d)) {
        generated = generated == null ? d : generated;
      } else {
        other = other == null ? d : other;
      }
    }
    if (crash != null) {
      r.outcome = Outcome.PROCESSOR_CRASH;
      String msg = crash.getMessage(Locale.ROOT);
      Matcher m = Pattern.compile("([\\w.$]+(?:Exception|Error))(: [^\\n]{0,80})?").matcher(msg.substring(20));
      r.cause = "[AsyncInternalError] " + (m.find() ? m.group(1) + (m.group(2) == null ? "" : m.group(2)) : "");
      r.cause = normalize(r.cause, r.program);
      blame(r, crash);
    } else if (tagged != null) {
      r.outcome = Outcome.REJECTED;
      r.cause = rule(tagged.getMessage(Locale.ROOT), r.program);
      for (Diagnostic<? extends JavaFileObject> d : ds) {
        String msg = d.getMessage(Locale.ROOT);
        if (msg.startsWith("[Async") && !msg.startsWith("[AsyncInternalError]")) {
          r.causes.add(rule(msg, r.program));
          blame(r, d);
        }
      }
    } else if (generated != null) {
      r.outcome = Outcome.GENERATED_COMPILE_ERROR;
      r.cause = normalize(generated.getMessage(Locale.ROOT), r.program);
      for (Diagnostic<? extends JavaFileObject> d : ds) {
        if (inGenerated(d)) {
          r.causes.add(normalize(d.getMessage(Locale.ROOT), r.program));
        }
      }
    } else {
      r.outcome = Outcome.ASYNC_SOURCE_ERROR;
      r.cause = other == null ? "unknown" : normalize(other.getMessage(Locale.ROOT), r.program);
      if (other != null) {
        blame(r, other);
      }
    }
  }

  private static void blame(Result r, Diagnostic<? extends JavaFileObject> d) {
    if (d.getSource() != null && !inGenerated(d) && d.getLineNumber() > 0) {
      r.blamed.addAll(r.program.featuresAt(d.getLineNumber()));
    }
  }

  /** {@code [Tag] rule}: the tag and the rule's first sentence, names normalized. */
  static String rule(String msg, FuzzProgram p) {
    String first = msg.split("\n", 2)[0];
    int colon = first.indexOf("yet: ");
    String s;
    if (colon > 0) {
      int end = first.indexOf(". ", colon);
      s = first.substring(0, end > 0 ? end : first.length());
    } else {
      int end = first.indexOf(';');
      int dot = first.indexOf(". ");
      if (end < 0 || dot > 0 && dot < end) {
        end = dot;
      }
      s = end > 0 ? first.substring(0, end) : first;
    }
    return normalize(s, p);
  }

  /** The first line of a message with program-specific names and numbers replaced. */
  static String normalize(String msg, FuzzProgram p) {
    String s = msg.split("\n", 2)[0];
    s = s.replaceAll("\\b(fz\\.)?(Async)?[PQ]" + p.id() + "(_N)?\\b", "C");
    s = s.replaceAll("'[^']{40,}'", "'...'");
    s = s.replaceAll("\\b(v|p|k|lb|e|t|r|R|L|ms|snd|cs|ce|en)\\d+\\b", "$1#");
    s = s.replaceAll("\\$\\w+", "\\$_");
    if (s.length() > 140) {
      s = s.substring(0, 140) + "...";
    }
    return s;
  }

  private static String stack(Throwable e) {
    java.io.StringWriter w = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(w));
    String s = w.toString();
    return s.length() > 4000 ? s.substring(0, 4000) + "..." : s;
  }

  private static String render(Diagnostic<? extends JavaFileObject> d) {
    String file = d.getSource() == null ? "<no file>" : d.getSource().toUri().getPath();
    return file + ":" + d.getLineNumber() + ": " + d.getKind() + ": " + d.getMessage(Locale.ROOT);
  }

  private static void collectGenerated(Result r, Output c) {
    String stem = "AsyncP" + r.program.id();
    for (Map.Entry<String, String> f : c.generatedSources().entrySet()) {
      String name = f.getKey();
      String simple = name.substring(name.lastIndexOf('/') + 1);
      if (simple.equals(stem + ".java") || simple.startsWith(stem + "_")) {
        r.generated.put(simple, f.getValue());
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Running

  /** Loads a compilation's classes (parent-first for everything else); assertion status is set per program. */
  public static ClassLoader loader(Output c) {
    return new ProgramLoader(new HashMap<>(c.classes()));
  }

  /** A loader for one compilation; {@link #assertions} sets a program's classes' assertion status before they load. */
  static final class ProgramLoader extends ClassLoader {
    private final Map<String, byte[]> classes;

    ProgramLoader(Map<String, byte[]> classes) {
      super(FuzzRunner.class.getClassLoader());
      this.classes = classes;
    }

    void assertions(FuzzProgram p, boolean on) {
      String pre = p.packagePrefix();
      for (String name : classes.keySet()) {
        if (name.startsWith(pre) && name.substring(pre.length()).matches("(Async)?[PQ]" + p.id() + "([$_].*)?")) {
          setClassAssertionStatus(name, on);
        }
      }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] b = classes.get(name);
      if (b == null) {
        throw new ClassNotFoundException(name);
      }
      return defineClass(name, b, 0, b.length);
    }
  }

  private void compare(Result r, ClassLoader plainLoader, ClassLoader asyncLoader) {
    FuzzProgram p = r.program;
    ((ProgramLoader) plainLoader).assertions(p, p.assertions());
    ((ProgramLoader) asyncLoader).assertions(p, p.assertions());
    String expected = timed(() -> outcome(p, plainLoader, p.plainClass(), false));
    if (expected == null) {
      r.outcome = Outcome.PLAIN_TIMEOUT;
      r.cause = "the plain twin did not finish in " + timeoutSeconds + " s";
      return;
    }
    if (expected.contains("threw:VerifyError")) {
      // javac's own code for the program's class does not verify (javac-notes: the switch-expression
      // stackmap bugs): the plain twin cannot be the oracle, and the generator must not write it
      r.outcome = Outcome.PLAIN_COMPILE_ERROR;
      r.cause = "javac's code for the plain twin does not verify (a javac bug the generator must avoid)";
      r.expected = expected;
      return;
    }
    String actual = timed(() -> outcome(p, asyncLoader, p.asyncClass(), true));
    r.expected = expected;
    if (actual == null) {
      r.outcome = Outcome.MISMATCH;
      r.cause = "the compiled twin did not finish in " + timeoutSeconds + " s";
      r.actual = "(timeout)";
      return;
    }
    r.actual = actual;
    if (expected.equals(actual)) {
      r.outcome = Outcome.OK;
      return;
    }
    r.outcome = Outcome.MISMATCH;
    r.cause = mismatchCause(expected, actual);
  }

  private void runPlainOnly(Result r, Output c) {
    FuzzProgram p = r.program;
    ClassLoader l = loader(c);
    ((ProgramLoader) l).assertions(p, p.assertions());
    String expected = timed(() -> outcome(p, l, p.plainClass(), false));
    if (expected == null) {
      r.outcome = Outcome.PLAIN_TIMEOUT;
      r.cause = "the plain twin did not finish in " + timeoutSeconds + " s";
      return;
    }
    r.expected = expected;
    r.outcome = Outcome.OK;
  }

  private static String mismatchCause(String expected, String actual) {
    String[] e = expected.split(" \u00a6 ");
    String[] a = actual.split(" \u00a6 ");
    String[] parts = {"trace", "children", "fields", "result"};
    for (int i = 0; i < Math.min(e.length, a.length); i++) {
      if (!e[i].equals(a[i])) {
        if (i == 3) {
          return "result: plain " + abbreviate(e[i]) + ", compiled " + abbreviate(a[i]);
        }
        return parts[Math.min(i, 3)] + " differs";
      }
    }
    return "differs";
  }

  private static String abbreviate(String outcome) {
    if (outcome.startsWith("threw:")) {
      String t = outcome.substring(6);
      int colon = t.indexOf(':');
      return "threw " + (colon > 0 ? t.substring(0, colon) : t);
    }
    return "ok";
  }

  private String timed(java.util.concurrent.Callable<String> task) {
    Future<String> f = executor.submit(task);
    try {
      return f.get(timeoutSeconds, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      executor.shutdownNow();
      executor = newExecutor();
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      return "runner failed: " + e.getCause();
    }
  }

  private static ExecutorService newExecutor() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(null, r, "fuzz-run", 64L << 20);
      t.setDaemon(true);
      return t;
    });
  }

  /** Runs one twin: trace, children's log, fields and result, program names normalized. */
  @SuppressWarnings("unchecked")
  static String outcome(FuzzProgram p, ClassLoader loader, String className, boolean async) {
    FuzzHost host = new FuzzHost(p.seed(), 60);
    Object instance = null;
    String result;
    try {
      instance = loader.loadClass(className).getConstructor().newInstance();
      Coroutine<String> c = (Coroutine<String>) instance.getClass().getMethod("run", FuzzHost.class)
          .invoke(instance, host);
      result = "ok:" + (async ? Baton.run(c, Clock.virtual()) : SyncBaton.await(c));
    } catch (InvocationTargetException e) {
      result = "threw:" + FuzzHost.describeThrowable(e.getCause());
    } catch (Throwable e) {
      result = "threw:" + FuzzHost.describeThrowable(e);
    }
    String fields;
    try {
      fields = instance == null ? "-" : (String) instance.getClass().getMethod("dump").invoke(instance);
    } catch (ReflectiveOperationException e) {
      fields = "dump failed: " + e;
    }
    List<String> kids = new ArrayList<>(host.kids);
    kids.sort(null);
    String s = String.join(" ", host.trace) + " \u00a6 " + kids + " \u00a6 " + fields + " \u00a6 " + result;
    return s.replaceAll("\\b(Async)?[PQ]" + p.id() + "(_N)?\\b", "C");
  }

  // ---------------------------------------------------------------------------------------------
  // Reporting

  /** The summary table, the causes, and the per-feature breakdown. */
  public static String report(List<Result> results, String title) {
    StringBuilder out = new StringBuilder();
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    for (Outcome o : Outcome.values()) {
      counts.put(o, 0);
    }
    for (Result r : results) {
      counts.merge(r.outcome, 1, Integer::sum);
    }
    int n = results.size();
    long j21 = results.stream().filter(r -> r.program.java21()).count();
    out.append("== ").append(title).append(": ").append(n).append(" programs (").append(j21)
        .append(" with Java 21 forms) ==\n\n");
    out.append(String.format(Locale.ROOT, "| %-24s | %8s | %6s |%n", "outcome", "programs", "%"));
    out.append("|--------------------------|----------|--------|\n");
    for (Outcome o : Outcome.values()) {
      out.append(String.format(Locale.ROOT, "| %-24s | %8d | %5.1f%% |%n", o, counts.get(o),
          n == 0 ? 0.0 : 100.0 * counts.get(o) / n));
    }
    out.append("\nCauses (a program counts under every cause it has, so rows overlap; smallest example):\n");
    Map<String, List<Result>> byCause = new TreeMap<>();
    for (Result r : results) {
      if (r.outcome != Outcome.OK) {
        Set<String> all = new TreeSet<>(r.causes);
        all.add(r.cause);
        for (String c : all) {
          byCause.computeIfAbsent(r.outcome + ": " + c, k -> new ArrayList<>()).add(r);
        }
      }
    }
    byCause.entrySet().stream()
        .sorted((a, b) -> b.getValue().size() - a.getValue().size())
        .forEach(e -> {
          Result smallest = e.getValue().stream().min(Comparator.comparingInt(r -> r.program.size())).orElseThrow();
          out.append(String.format(Locale.ROOT, "  %6d  %s  (e.g. program %d)%n", e.getValue().size(), e.getKey(),
              smallest.program.id()));
        });
    out.append("\nPer feature (programs using it, by outcome; 'blamed' = rejections/crashes whose diagnostic line"
        + " uses it):\n");
    out.append(String.format(Locale.ROOT, "| %-44s | %6s | %5s | %5s | %6s | %6s | %6s | %5s | %5s | %6s |%n",
        "feature", "progs", "OK", "MISM", "REJ", "GENERR", "SRCERR", "CRASH", "PLAIN", "blamed"));
    out.append("|----------------------------------------------|--------|-------|-------|--------|--------|--------|"
        + "-------|-------|--------|\n");
    Map<String, int[]> byFeature = new TreeMap<>();
    for (Result r : results) {
      for (String f : r.program.features()) {
        int[] c = byFeature.computeIfAbsent(f, k -> new int[Outcome.values().length + 2]);
        c[0]++;
        c[1 + r.outcome.ordinal()]++;
      }
      for (String f : r.blamed) {
        byFeature.computeIfAbsent(f, k -> new int[Outcome.values().length + 2])[Outcome.values().length + 1]++;
      }
    }
    for (Map.Entry<String, int[]> e : byFeature.entrySet()) {
      int[] c = e.getValue();
      out.append(String.format(Locale.ROOT, "| %-44s | %6d | %5d | %5d | %6d | %6d | %6d | %5d | %5d | %6d |%n",
          e.getKey(), c[0], c[1 + Outcome.OK.ordinal()], c[1 + Outcome.MISMATCH.ordinal()],
          c[1 + Outcome.REJECTED.ordinal()], c[1 + Outcome.GENERATED_COMPILE_ERROR.ordinal()],
          c[1 + Outcome.ASYNC_SOURCE_ERROR.ordinal()], c[1 + Outcome.PROCESSOR_CRASH.ordinal()],
          c[1 + Outcome.PLAIN_COMPILE_ERROR.ordinal()] + c[1 + Outcome.PLAIN_TIMEOUT.ordinal()],
          c[Outcome.values().length + 1]));
    }
    return out.toString();
  }

  /**
   * Writes failing programs, smallest first, to {@code dir}: for each outcome and cause the
   * {@code keep} smallest, each in its own directory with the user source, the plain twin, the
   * generated files and {@code error.txt}; {@code index.txt} lists them all in size order.
   */
  public static void writeFailures(List<Result> results, Path dir, int keep, String reproduce) {
    try {
      if (Files.exists(dir)) {
        try (var walk = Files.walk(dir)) {
          for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
            Files.delete(p);
          }
        }
      }
      Files.createDirectories(dir);
      Map<String, List<Result>> groups = new LinkedHashMap<>();
      for (Result r : results) {
        if (r.outcome != Outcome.OK) {
          groups.computeIfAbsent(r.outcome + ": " + r.cause, k -> new ArrayList<>()).add(r);
        }
      }
      List<Result> kept = new ArrayList<>();
      for (List<Result> g : groups.values()) {
        g.sort(Comparator.comparingInt(r -> r.program.size()));
        kept.addAll(g.subList(0, Math.min(keep, g.size())));
      }
      kept.sort(Comparator.comparingInt(r -> r.program.size()));
      StringBuilder index = new StringBuilder("# failing programs, smallest first (size = template chars)\n");
      int rank = 0;
      for (Result r : kept) {
        rank++;
        FuzzProgram p = r.program;
        String name = String.format(Locale.ROOT, "%04d-%s-P%d", rank, r.outcome, p.id());
        Path d = dir.resolve(name);
        Files.createDirectories(d);
        Files.writeString(d.resolve("P" + p.id() + ".java"), p.asyncSource(), StandardCharsets.UTF_8);
        Files.writeString(d.resolve("Q" + p.id() + ".java"), p.plainSource(), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> g : r.generated.entrySet()) {
          Files.writeString(d.resolve(g.getKey()), g.getValue(), StandardCharsets.UTF_8);
        }
        StringBuilder err = new StringBuilder();
        err.append("outcome: ").append(r.outcome).append('\n');
        err.append("cause: ").append(r.cause).append('\n');
        if (r.causes.size() > 1) {
          err.append("all causes: ").append(r.causes).append('\n');
        }
        err.append("program: ").append(p.id()).append(" (generator seed ").append(p.seed()).append(", java21=")
            .append(p.java21()).append(", assertions=").append(p.assertions()).append(", default package=")
            .append(p.defaultPackage()).append(")\n");
        err.append("blamed features: ").append(r.blamed).append('\n');
        err.append("features: ").append(p.features()).append('\n');
        err.append("reproduce: ").append(reproduce.replace("{id}", Integer.toString(p.id()))).append("\n\n");
        for (String diag : r.diagnostics) {
          err.append(diag).append('\n');
        }
        if (r.expected != null) {
          err.append("\nplain:    ").append(r.expected).append("\ncompiled: ").append(r.actual).append('\n');
        }
        Files.writeString(d.resolve("error.txt"), err.toString(), StandardCharsets.UTF_8);
        index.append(String.format(Locale.ROOT, "%s  size=%d  %s: %s  blamed=%s%n", name, p.size(), r.outcome,
            r.cause, r.blamed));
      }
      Files.writeString(dir.resolve("index.txt"), index.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Everything about one program, for the single-program reproduction. */
  public static String describe(Result r) {
    StringBuilder s = new StringBuilder();
    s.append("program ").append(r.program.id()).append(": ").append(r.outcome).append(" ").append(r.cause).append('\n');
    s.append("features: ").append(r.program.features()).append('\n');
    s.append("blamed: ").append(r.blamed).append("\n\n");
    s.append(r.program.asyncSource()).append('\n');
    for (Map.Entry<String, String> g : r.generated.entrySet()) {
      s.append("// ---- generated ").append(g.getKey()).append('\n').append(g.getValue()).append('\n');
    }
    for (String d : r.diagnostics) {
      s.append(d).append('\n');
    }
    if (r.expected != null) {
      s.append("plain:    ").append(r.expected).append("\ncompiled: ").append(r.actual).append('\n');
    }
    return s.toString();
  }
}
