package dev.baton;

/**
 * The two halves of an in-memory byte stream made by {@link Baton#createMemoryByteStream(int)}: bytes
 * sent into {@link #sendStream()} come out of {@link #receiveStream()} in order, in chunks of any size.
 *
 * @param sendStream the sending half
 * @param receiveStream the receiving half
 */
public record MemoryByteStream(MemoryByteSendStream sendStream, MemoryByteReceiveStream receiveStream) {}
