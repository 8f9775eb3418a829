package dev.baton.example;

import static dev.baton.Baton.await;
import static dev.baton.Baton.createMemoryObjectStream;
import static dev.baton.Baton.createTaskGroup;
import static dev.baton.Baton.done;
import static dev.baton.Baton.sleep;

import dev.baton.Coroutine;
import dev.baton.MemoryObjectReceiveStream;
import dev.baton.MemoryObjectSendStream;
import dev.baton.MemoryObjectStream;
import dev.baton.TaskGroup;
import dev.baton.annotations.Async;
import dev.baton.annotations.Await;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded pipeline: one producer, three workers, one collector. The streams have small buffers,
 * so a fast producer waits for slow workers (back-pressure) instead of filling memory. Every stage
 * closes its own send handle when done, and the end of the stream flows down the pipeline by
 * itself: workers stop when the producer is done, the collector when the last worker is.
 */
public class Pipeline {
  final Console console;

  public Pipeline(Console console) {
    this.console = console;
  }

  @Async
  public Coroutine<Void> produce(int count, MemoryObjectSendStream<Integer> jobs) {
    try (jobs) {
      for (int job = 1; job <= count; job++) {
        await(jobs.send(job));
        console.log("produced job " + job);
      }
    }
    return done();
  }

  @Async
  public Coroutine<Void> work(int worker, MemoryObjectReceiveStream<Integer> jobs, MemoryObjectSendStream<String> results) {
    try (jobs; results) {
      for (@Await Integer job : jobs) {
        await(sleep(0.1 * (1 + job % 3)));
        await(results.send("job " + job + " squared is " + job * job + " (worker " + worker + ")"));
      }
    }
    return done();
  }

  @Async
  public Coroutine<List<String>> collect(MemoryObjectReceiveStream<String> results) {
    List<String> all = new ArrayList<>();
    try (results) {
      for (@Await String result : results) {
        console.log(result);
        all.add(result);
      }
    }
    return done(all);
  }

  @Async
  public Coroutine<Integer> main() {
    MemoryObjectStream<Integer> jobs = createMemoryObjectStream(2);
    MemoryObjectStream<String> results = createMemoryObjectStream(2);
    List<String> collected;
    try (@Await TaskGroup tg = createTaskGroup()) {
      tg.startSoon(produce(9, jobs.sendStream()));
      for (int worker = 1; worker <= 3; worker++) {
        tg.startSoon(work(worker, jobs.receiveStream().clone(), results.sendStream().clone()));
      }
      jobs.receiveStream().close();
      results.sendStream().close();
      collected = await(collect(results.receiveStream()));
    }
    console.log("pipeline done: " + collected.size() + " results");
    return done(collected.size());
  }
}
