package dev.baton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.baton.lowlevel.AsyncFrame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A frame that says it cannot catch ({@code $catches()} false, as generated frames with no
 * handler do) is ended with an error it is resumed with, without being run; any other frame is run
 * with it. Either way the error reaches the caller unchanged.
 */
class CatchFreeFramesTest {
  private final List<String> log = new ArrayList<>();

  /** Awaits a receive on a stream whose send handles are all closed; logs each step it runs. */
  private final class Receiver extends AsyncFrame<Integer> {
    private final boolean catches;

    Receiver(boolean catches) {
      this.catches = catches;
    }

    @Override
    protected boolean $catches() {
      return catches;
    }

    @Override
    protected StackTraceElement $where() {
      return $state == 1 ? new StackTraceElement("user.Receiver", "receive", "Receiver.java", 10) : null;
    }

    @Override
    protected Object $step(Object $value, Throwable $error) throws Throwable {
      log.add("step " + $state + ($error == null ? "" : " with " + $error.getClass().getSimpleName()));
      if ($state == 0) {
        MemoryObjectStream<Integer> s = Baton.createMemoryObjectStream(0);
        s.sendStream().close();
        return $await(1, s.receiveStream().receive());
      }
      if ($error != null) {
        throw $error;
      }
      return $complete((Integer) $value);
    }
  }

  /** Awaits {@code callee} and logs what it ended with. */
  private final class Caller extends AsyncFrame<String> {
    private final Coroutine<Integer> callee;

    Caller(Coroutine<Integer> callee) {
      this.callee = callee;
    }

    @Override
    protected StackTraceElement $where() {
      return $state == 1 ? new StackTraceElement("user.Caller", "call", "Caller.java", 20) : null;
    }

    @Override
    protected Object $step(Object $value, Throwable $error) throws Throwable {
      if ($state == 0) {
        return $await(1, callee);
      }
      log.add("caller got " + ($error == null ? $value : $error.getClass().getSimpleName()));
      if ($error != null) {
        throw $error;
      }
      return $complete("ok");
    }
  }

  @Test
  void aFrameThatCannotCatchEndsWithTheErrorUnrun() {
    Throwable e = assertThrows(EndOfStreamException.class, () -> Baton.run(new Caller(new Receiver(false))));
    assertInstanceOf(EndOfStreamException.class, e);
    assertEquals(List.of("step 0", "caller got EndOfStreamException"), log);
  }

  @Test
  void aFrameThatMayCatchIsRunWithTheError() {
    assertThrows(EndOfStreamException.class, () -> Baton.run(new Caller(new Receiver(true))));
    assertEquals(List.of("step 0", "step 1 with EndOfStreamException", "caller got EndOfStreamException"), log);
  }

  @Test
  void theAsyncTraceOfAnErrorThroughAnUnrunFrameIsTheSameAsThroughARunOne() {
    Throwable unrun = assertThrows(EndOfStreamException.class, () -> Baton.run(new Caller(new Receiver(false))));
    Throwable run = assertThrows(EndOfStreamException.class, () -> Baton.run(new Caller(new Receiver(true))));
    assertEquals(List.of("async.awaitedBy", "user.Receiver.receive", "user.Caller.call"), asyncPart(run));
    assertEquals(asyncPart(run), asyncPart(unrun));
  }

  /** The elements of {@code t}'s trace from the async boundary on, up to the loop's own frames. */
  private static List<String> asyncPart(Throwable t) {
    List<String> out = new ArrayList<>();
    boolean in = false;
    for (StackTraceElement e : t.getStackTrace()) {
      in |= e.getClassName().equals("async");
      if (e.getClassName().startsWith("dev.baton.core.")) {
        break;
      }
      if (in) {
        out.add(e.getClassName() + "." + e.getMethodName());
      }
    }
    return out;
  }
}
