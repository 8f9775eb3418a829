@file:JvmName("KotlinWorkloads")

package dev.baton.bench

// The workloads on Kotlin coroutines, on ONE thread: every entry point is a runBlocking, whose
// event loop runs on the calling thread; launch inherits that dispatcher, so nothing here ever
// touches another thread. delay() uses the same event loop's timers (real clock).
//
// Each function is the Kotlin form of the Baton workload of the same name in BatonWorkloads: the
// same tasks, the same streams (Channel(0) is RENDEZVOUS, like a Baton stream of buffer 0), the same
// closing rule (the consumer iterates until the channel is closed), the same boxed Int items.

import java.util.Random
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.channels.ReceiveChannel
import kotlinx.coroutines.channels.SendChannel
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.yield
import kotlin.time.Duration.Companion.nanoseconds

private suspend fun produce(out: SendChannel<Int>, n: Int) {
    for (i in 0 until n) out.send(i)
}

private suspend fun consume(input: ReceiveChannel<Int>): Long {
    var sum = 0L
    for (x in input) sum += x
    return sum
}

/** One producer task, one consumer task, a channel of [buffer] slots (0 = rendezvous). */
fun handoff(messages: Int, buffer: Int): Long = runBlocking {
    val ch = Channel<Int>(buffer)
    var sum = 0L
    coroutineScope {
        launch {
            try {
                produce(ch, messages)
            } finally {
                ch.close()
            }
        }
        launch { sum = consume(ch) }
    }
    sum
}

/** A client sends a request and awaits the reply, [messages] times, over two rendezvous channels. */
fun roundTrip(messages: Int): Long = runBlocking {
    val request = Channel<Int>(Channel.RENDEZVOUS)
    val reply = Channel<Int>(Channel.RENDEZVOUS)
    var sum = 0L
    coroutineScope {
        launch {
            for (i in 0 until messages) {
                request.send(i)
                sum += reply.receive()
            }
            request.close()
        }
        launch {
            try {
                for (x in request) reply.send(x)
            } finally {
                reply.close()
            }
        }
    }
    sum
}

/** [producers] tasks send [each] messages into one channel of [buffer] slots; one consumer. */
fun fanIn(producers: Int, each: Int, buffer: Int): Long = runBlocking {
    val ch = Channel<Int>(buffer)
    var sum = 0L
    coroutineScope {
        launch {
            try {
                coroutineScope { repeat(producers) { launch { produce(ch, each) } } }
            } finally {
                ch.close() // the last producer is done: end of stream, like closing the last send clone
            }
        }
        launch { sum = consume(ch) }
    }
    sum
}

/** [tasks] tasks that each yield once (a checkpoint: schedule point and cancel point). */
fun spawn(tasks: Int) {
    runBlocking { repeat(tasks) { launch { yield() } } }
}

/** [tasks] tasks sleeping uniformly in [0, 1) s (real clock), durations drawn from `Random(seed)`. */
fun sleepers(tasks: Int, seed: Long) {
    runBlocking {
        val random = Random(seed)
        repeat(tasks) {
            val nanos = (random.nextDouble() * 1e9).toLong()
            launch { delay(nanos.nanoseconds) }
        }
    }
}

/** A suspending function awaiting itself [depth] levels deep. */
private suspend fun deep(depth: Int): Int = if (depth == 0) 0 else deep(depth - 1) + 1

/** [repeats] await chains of [depth] levels, in one coroutine. */
fun deepChain(depth: Int, repeats: Int): Long = runBlocking {
    var sum = 0L
    repeat(repeats) { sum += deep(depth) }
    sum
}

/**
 * [tasks] tasks blocked in receive on one rendezvous channel, all in one scope (a Job); once all
 * are blocked, [beforeCancel] runs (to start a clock or measure the heap), then the scope is
 * cancelled and joined.
 */
fun cancelStorm(tasks: Int, beforeCancel: Runnable?) {
    runBlocking {
        val ch = Channel<Int>(Channel.RENDEZVOUS)
        var blocked = 0
        val scope = launch {
            repeat(tasks) {
                launch {
                    blocked++ // one thread: this task is suspended in receive before anyone else runs
                    ch.receive()
                }
            }
        }
        while (blocked < tasks) yield()
        beforeCancel?.run()
        scope.cancel()
        scope.join()
    }
}
