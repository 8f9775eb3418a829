package dev.baton;

/**
 * A snapshot of a memory object stream, the same from either end.
 *
 * @param currentBufferUsed items in the buffer (items held by blocked senders are not counted)
 * @param maxBufferSize the capacity given at creation ({@link MemoryObjectStream#UNBOUNDED} for none)
 * @param openSendStreams send handles (the original and its clones) not closed yet
 * @param openReceiveStreams receive handles not closed yet
 * @param tasksWaitingSend tasks blocked in {@code send}
 * @param tasksWaitingReceive tasks blocked in {@code receive} (or async iteration)
 */
public record MemoryObjectStreamStatistics(
    int currentBufferUsed,
    int maxBufferSize,
    int openSendStreams,
    int openReceiveStreams,
    int tasksWaitingSend,
    int tasksWaitingReceive) {}
