package dev.baton;

import dev.baton.core.IoPoller;

/**
 * The sockets of one loop ({@link Baton#networkStatistics()}), for tests and monitoring.
 *
 * @param openSockets sockets and listeners made on the loop and not yet closed
 * @param selectorKeys valid keys of the loop's selector (one per open socket; a closed socket's key
 *     is gone at once)
 * @param waitingTasks tasks parked on a socket now
 * @param bufferedSendBytes bytes that sends have been given and the kernel has not taken yet
 *     (the remainders of blocked sends: a socket has no write buffer of its own)
 * @param peakBufferedSendBytes the most {@code bufferedSendBytes} has ever been on this loop
 */
public record NetworkStatistics(int openSockets, int selectorKeys, int waitingTasks, long bufferedSendBytes,
    long peakBufferedSendBytes) {
  static NetworkStatistics of(Runner runner) {
    IoPoller io = runner.ioIfOpen();
    if (io == null) {
      return new NetworkStatistics(0, 0, 0, 0, 0);
    }
    return new NetworkStatistics(io.openChannels(), io.validKeys(), io.waiting(), io.bufferedSendBytes(),
        io.peakBufferedSendBytes());
  }
}
