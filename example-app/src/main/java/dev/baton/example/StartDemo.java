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
import dev.baton.TaskStatus;
import dev.baton.annotations.Async;
import dev.baton.annotations.Await;

/**
 * {@code start()}: start a service and wait until it is ready, getting a value back (here, the
 * stream to talk to it). Until it calls {@code started(...)}, a failure of the service is thrown
 * straight from {@code await(tg.start(...))}; after that it runs as an ordinary child.
 */
public class StartDemo {
  final Console console;

  public StartDemo(Console console) {
    this.console = console;
  }

  @Async
  public Coroutine<Void> echoService(TaskStatus<MemoryObjectSendStream<String>> status) {
    MemoryObjectStream<String> requests = createMemoryObjectStream(0);
    console.log("service: warming up");
    await(sleep(0.5));
    status.started(requests.sendStream());
    try (MemoryObjectReceiveStream<String> in = requests.receiveStream()) {
      for (@Await String request : in) {
        console.log("service: echo " + request);
      }
    }
    console.log("service: all clients are gone, stopping");
    return done();
  }

  @Async
  public Coroutine<Void> main() {
    try (@Await TaskGroup tg = createTaskGroup()) {
      MemoryObjectSendStream<String> service = await(tg.start(this::echoService));
      console.log("main: the service is ready");
      try (service) {
        await(service.send("hello"));
        await(service.send("world"));
      }
    }
    console.log("main: done");
    return done();
  }
}
