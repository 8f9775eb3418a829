package dev.baton.processor.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Programs that use the runtime for real (task groups, cancel scopes, streams, async iteration),
 * written as users write them and run through the processor; each asserts the exact event order.
 */
class RuntimeProgramsTest {
  private static final String HEADER = """
      package rt;
      import static dev.baton.Baton.*;
      import dev.baton.*;
      import dev.baton.annotations.*;
      import java.util.*;
      """;

  @Test
  void taskGroupBodyReturnsAtOnceButExitWaitsForEveryChild() {
    Object log = Programs.run("rt.Group", HEADER + """
        public class Group {
          final List<String> log = new ArrayList<>();
          @Async Coroutine<Void> sleeper(int n, double s) {
            log.add("start " + n + " at " + currentTime());
            await(sleep(s));
            log.add("end " + n + " at " + currentTime());
            return done();
          }
          @Async Coroutine<String> main() {
            try (@Await TaskGroup tg = createTaskGroup()) {
              for (int i = 0; i < 3; i++) {
                tg.startSoon(sleeper(i, 3 - i));
              }
              log.add("body done at " + currentTime());
            }
            return done("main end at " + currentTime());
          }
          public static Object go() {
            Group g = new AsyncGroup();
            String r = run(g.main(), Clock.virtual());
            g.log.add(r);
            return g.log;
          }
        }
        """);
    assertEquals("[body done at 0.0, start 0 at 0.0, start 1 at 0.0, start 2 at 0.0, end 2 at 1.0, end 1 at 2.0, "
        + "end 0 at 3.0, main end at 3.0]", log.toString());
  }

  @Test
  void asyncIterationEndsWhenEveryCloneOfTheSendHalfIsClosed() {
    Object log = Programs.run("rt.PingPong", HEADER + """
        public class PingPong {
          final List<String> log = new ArrayList<>();
          @Async Coroutine<Void> ping(int n, MemoryObjectSendStream<String> out) {
            try (out) {
              await(sleep(n));
              await(out.send("ping " + n));
            }
            return done();
          }
          @Async Coroutine<Void> pong(MemoryObjectReceiveStream<String> in) {
            int count = 0;
            for (@Await String msg : in) {
              log.add(msg + " at " + currentTime());
              count++;
            }
            log.add("pong saw " + count);
            return done();
          }
          @Async Coroutine<Void> main() {
            MemoryObjectStream<String> s = createMemoryObjectStream(0);
            try (@Await TaskGroup tg = createTaskGroup()) {
              try (var send = s.sendStream()) {
                for (int i = 3; i >= 1; i--) tg.startSoon(ping(i, send.clone()));
              }
              tg.startSoon(pong(s.receiveStream()));
            }
            return done();
          }
          public static Object go() {
            PingPong p = new AsyncPingPong();
            run(p.main(), Clock.virtual());
            return p.log;
          }
        }
        """);
    assertEquals("[ping 1 at 1.0, ping 2 at 2.0, ping 3 at 3.0, pong saw 3]", log.toString());
  }

  /**
   * {@code return e} inside a cancel scope or a task group awaits {@code e} inside it: the timeout
   * cancels the returned coroutine (a tail call would leave the scope first, and the sleep would
   * finish uncancelled), and the group's exit waits for the child with the body's coroutine
   * running. Past the swallowed cancellation, where javac sees no way on, the coroutine ends with
   * null, as a Python function does after {@code with move_on_after(...): return await slow()}.
   */
  @Test
  void aCoroutineReturnedInsideACancelScopeOrATaskGroupRunsInsideIt() {
    Object log = Programs.run("rt.ReturnInScope", HEADER + """
        public class ReturnInScope {
          static final List<String> log = new ArrayList<>();
          @Async static Coroutine<String> slow(String what) {
            await(sleep(2));
            log.add(what + " finished at " + currentTime());
            return done(what);
          }
          @Async static Coroutine<String> timedOut() {
            try (CancelScope scope = moveOnAfter(0.5)) {
              return slow("timed");
            }
          }
          @Async static Coroutine<String> inGroup() {
            try (@Await TaskGroup tg = createTaskGroup()) {
              tg.startSoon(slow("child"));
              return slow("body");
            }
          }
          public static Object go() {
            log.add("timed: " + run(AsyncReturnInScope.timedOut(), Clock.virtual()));
            log.add("group: " + run(AsyncReturnInScope.inGroup(), Clock.virtual()));
            return log;
          }
        }
        """);
    assertEquals("[timed: null, body finished at 2.0, child finished at 2.0, group: body]", log.toString());
  }

  @Test
  void moveOnAfterSwallowsItsOwnCancellationAndFinallyStillRuns() {
    Object log = Programs.run("rt.Timeout", HEADER + """
        public class Timeout {
          static final List<String> log = new ArrayList<>();
          @Async static Coroutine<Boolean> main() {
            try (CancelScope scope = moveOnAfter(1.5)) {
              try {
                for (int i = 0; i < 100; i++) {
                  await(sleep(1));
                  log.add("tick " + i);
                }
              } catch (Cancelled c) {
                log.add("cancelled at " + currentTime());
                throw c;
              } finally {
                log.add("finally");
              }
            }
            log.add("after scope at " + currentTime());
            return done(true);
          }
          public static Object go() {
            log.add("result " + run(AsyncTimeout.main(), Clock.virtual()));
            return log;
          }
        }
        """);
    assertEquals("[tick 0, cancelled at 1.5, finally, after scope at 1.5, result true]", log.toString());
  }

  @Test
  void failingChildCancelsSiblingsAndTheGroupThrowsExceptionGroup() {
    RuntimeException e = assertThrows(RuntimeException.class, () -> Programs.run("rt.Fail", HEADER + """
        public class Fail {
          static final List<String> log = new ArrayList<>();
          @Async static Coroutine<Void> fails() {
            await(sleep(1));
            throw new IllegalStateException("boom");
          }
          @Async static Coroutine<Void> waits() {
            try {
              await(sleep(10));
            } finally {
              log.add("sibling unwound at " + currentTime());
            }
            return done();
          }
          @Async static Coroutine<Void> main() {
            try (@Await TaskGroup tg = createTaskGroup()) {
              tg.startSoon(waits());
              tg.startSoon(fails());
            } catch (ExceptionGroup g) {
              log.add("group of " + g.exceptions().size() + ": " + g.exceptions().get(0).getMessage());
              throw new IllegalArgumentException(String.join("|", log));
            }
            return done();
          }
          public static Object go() {
            return run(AsyncFail.main(), Clock.virtual());
          }
        }
        """));
    assertEquals("sibling unwound at 1.0|group of 1: boom", e.getMessage());
  }

  @Test
  void startReturnsTheValuePassedToStarted() {
    Object r = Programs.run("rt.Start", HEADER + """
        public class Start {
          @Async static Coroutine<Void> server(int port, TaskStatus<Integer> status) {
            await(sleep(0.5));
            status.started(port + 1);
            await(sleep(1));
            return done();
          }
          @Async static Coroutine<Void> named(TaskStatus<String> status) {
            status.started("srv");
            return done();
          }
          @Async static Coroutine<String> main() {
            try (@Await TaskGroup tg = createTaskGroup()) {
              Integer port = await(tg.start(st -> server(8000, st)));
              String name;
              name = await(tg.start(st -> named(st)));
              return done("ready on " + port + " " + name + " at " + currentTime());
            }
          }
          public static Object go() {
            return run(AsyncStart.main(), Clock.virtual()) + ", run ended";
          }
        }
        """);
    assertEquals("ready on 8001 srv at 0.5, run ended", r);
  }

  @Test
  void deepRecursiveAwaitChainRunsInConstantStack() {
    Object r = Programs.run("rt.Deep", HEADER + """
        public class Deep {
          @Async static Coroutine<Long> sum(int n) {
            if (n == 0) return done(0L);
            return done(n + await(sum(n - 1)));
          }
          @Async static Coroutine<Long> tail(int n, long acc) {
            if (n == 0) return done(acc);
            return tail(n - 1, acc + n);
          }
          public static Object go() {
            return run(AsyncDeep.sum(100_000)) + " " + run(AsyncDeep.tail(1_000_000, 0));
          }
        }
        """);
    assertEquals("5000050000 500000500000", r);
  }

  @Test
  void genericStaticAndInstanceMethodsOfAGenericClass() {
    Object r = Programs.run("rt.Box", HEADER + """
        public class Box<T extends Comparable<T>> {
          final List<T> items = new ArrayList<>();
          public Box() {}
          public Box(List<T> initial) { items.addAll(initial); }
          @Async Coroutine<T> max() {
            T best = null;
            for (T t : items) {
              await(checkpoint());
              if (best == null || t.compareTo(best) > 0) best = t;
            }
            return done(best);
          }
          @Async static <U> Coroutine<List<U>> twice(U u) {
            List<U> out = new ArrayList<>();
            out.add(u);
            await(sleep(0));
            out.add(u);
            return done(out);
          }
          public static Object go() {
            Box<String> b = new AsyncBox<>(List.of("b", "z", "a"));
            return run(b.max()) + " " + run(AsyncBox.twice(7));
          }
        }
        """);
    assertEquals("z [7, 7]", r);
  }

  @Test
  void staticNestedClassUsesItsOuterClassMembers() {
    Object r = Programs.run("rt.Outer", HEADER + """
        public class Outer {
          static final int BASE = 40;
          static int twice(int x) { return 2 * x; }
          public static class Inner {
            @Async Coroutine<Integer> compute() {
              await(checkpoint());
              return done(BASE + twice(1));
            }
          }
          public static Object go() {
            return run(new AsyncOuter_Inner().compute());
          }
        }
        """);
    assertEquals(42, r);
  }

  @Test
  void instanceMembersThisAndObjectMethodsReferToTheUsersObject() {
    Object r = Programs.run("rt.Self", HEADER + """
        public class Self {
          int hits;
          String name = "self";
          @Override public String toString() { return "Self(" + name + ")"; }
          void hit() { hits++; }
          @Async Coroutine<String> go2() {
            hit();
            await(checkpoint());
            this.hit();
            Self me = this;
            Runnable r = new Runnable() {
              int hits = -1;
              public void run() { Self.this.hit(); name = name + "+" + hits; }
            };
            r.run();
            await(checkpoint());
            return done(toString() + " " + me.hits + " " + (hashCode() == me.hashCode()) + " " + equals(me));
          }
          public static Object go() {
            return run(new AsyncSelf().go2());
          }
        }
        """);
    assertEquals("Self(self+-1) 3 true true", r);
  }

  @Test
  void cancellationIsDeliveredAtTheAwaitSoCatchAndFinallySeeIt() {
    Object r = Programs.run("rt.Cancel", HEADER + """
        public class Cancel {
          @Async static Coroutine<String> main() {
            List<String> log = new ArrayList<>();
            try (CancelScope s = moveOnAfter(1)) {
              try {
                await(sleep(5));
              } catch (Exception e) {
                log.add("exception?");
              } finally {
                log.add("finally at " + currentTime());
                try (CancelScope shield = openCancelScope()) {
                  shield.setShield(true);
                  await(sleep(1));
                  log.add("shielded sleep done at " + currentTime());
                }
              }
            }
            return done(String.join(", ", log));
          }
          public static Object go() {
            return run(AsyncCancel.main(), Clock.virtual());
          }
        }
        """);
    assertEquals("finally at 1.0, shielded sleep done at 2.0", r);
  }

  @Test
  void finalUtilityClassWithStaticAsyncMethodsUsesItsOwnStaticMembers() {
    Object r = Programs.run("rt.Util", HEADER + """
        public final class Util {
          private Util() {}
          static final int BASE = 40;
          static int twice(int x) { return 2 * x; }
          enum Mode { FAST, SLOW }
          @Async public static Coroutine<String> compute(Mode mode) {
            await(sleep(mode == Mode.FAST ? 0 : 1));
            return done(mode + " " + (BASE + twice(await(one()))));
          }
          @Async static Coroutine<Integer> one() {
            await(checkpoint());
            return done(1);
          }
          public static Object go() {
            return run(AsyncUtil.compute(Mode.SLOW), Clock.virtual());
          }
        }
        """);
    assertEquals("SLOW 42", r);
  }
}
