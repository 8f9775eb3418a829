package dev.baton.example;

import static dev.baton.Baton.await;
import static dev.baton.Baton.createTaskGroup;
import static dev.baton.Baton.done;
import static dev.baton.Baton.sleep;

import dev.baton.Coroutine;
import dev.baton.TaskGroup;
import dev.baton.annotations.Async;
import dev.baton.annotations.Await;

/**
 * The anyio tutorial's first program: a task group whose block waits for all of its tasks. The body
 * returns right after starting five sleepers, yet "main end" is printed only when all five are done,
 * about five seconds after "main start", because leaving the block waits for every child.
 */
public class TaskGroupDemo {
  final Console console;

  public TaskGroupDemo(Console console) {
    this.console = console;
  }

  @Async
  public Coroutine<Void> justSleep(int num, int second) {
    console.log("num=" + num + ", second=" + second + " sleep start");
    await(sleep(second));
    console.log("num=" + num + ", second=" + second + " sleep end");
    return done();
  }

  @Async
  public Coroutine<Void> main() {
    console.log("main start");
    try (@Await TaskGroup tg = createTaskGroup()) {
      for (int num = 0; num < 5; num++) {
        tg.startSoon(justSleep(num, 5));
      }
    }
    console.log("main end");
    return done();
  }
}
