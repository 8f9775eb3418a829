package dev.baton;

import java.util.Arrays;

/** An indexed binary min-heap of timer entries ordered by (deadline, seq); O(log n) removal. */
final class TimerHeap {
  private TimerEntry[] heap = new TimerEntry[16];
  private int size;
  private long nextSeq;

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  TimerEntry peek() {
    return heap[0];
  }

  void add(TimerEntry e) {
    assert e.heapIndex < 0 : "timer armed twice";
    e.seq = nextSeq++;
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    heap[size] = e;
    e.heapIndex = size;
    siftUp(size++);
  }

  TimerEntry poll() {
    TimerEntry top = heap[0];
    removeAt(0);
    return top;
  }

  void remove(TimerEntry e) {
    if (e.heapIndex >= 0) {
      removeAt(e.heapIndex);
    }
  }

  private void removeAt(int i) {
    TimerEntry removed = heap[i];
    removed.heapIndex = -1;
    size--;
    if (i == size) {
      heap[size] = null;
      return;
    }
    TimerEntry last = heap[size];
    heap[size] = null;
    heap[i] = last;
    last.heapIndex = i;
    siftDown(i);
    if (heap[i] == last) {
      siftUp(i);
    }
  }

  private static boolean less(TimerEntry a, TimerEntry b) {
    return a.deadline < b.deadline || (a.deadline == b.deadline && a.seq < b.seq);
  }

  private void siftUp(int i) {
    TimerEntry e = heap[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      TimerEntry p = heap[parent];
      if (!less(e, p)) {
        break;
      }
      heap[i] = p;
      p.heapIndex = i;
      i = parent;
    }
    heap[i] = e;
    e.heapIndex = i;
  }

  private void siftDown(int i) {
    TimerEntry e = heap[i];
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && less(heap[right], heap[child])) {
        child = right;
      }
      if (!less(heap[child], e)) {
        break;
      }
      heap[i] = heap[child];
      heap[i].heapIndex = i;
      i = child;
    }
    heap[i] = e;
    e.heapIndex = i;
  }
}
