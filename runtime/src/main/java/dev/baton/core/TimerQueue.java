package dev.baton.core;

import java.util.Arrays;

/** An indexed binary min-heap of timers ordered by (deadline, seq); O(log n) removal. */
final class TimerQueue {
  private Timer[] heap = new Timer[16];
  private int size;
  private int nextSeq;

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  Timer peek() {
    return heap[0];
  }

  void add(Timer e) {
    assert e.index < 0 : "timer armed twice";
    e.seq = nextSeq++;
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    heap[size] = e;
    e.index = size;
    siftUp(size++);
  }

  Timer poll() {
    Timer top = heap[0];
    removeAt(0);
    return top;
  }

  void remove(Timer e) {
    if (e.index >= 0) {
      removeAt(e.index);
    }
  }

  private void removeAt(int i) {
    Timer removed = heap[i];
    removed.index = -1;
    size--;
    if (i == size) {
      heap[size] = null;
      return;
    }
    Timer last = heap[size];
    heap[size] = null;
    heap[i] = last;
    last.index = i;
    siftDown(i);
    if (heap[i] == last) {
      siftUp(i);
    }
  }

  private static boolean less(Timer a, Timer b) {
    return a.deadline < b.deadline || (a.deadline == b.deadline && a.seq - b.seq < 0);
  }

  private void siftUp(int i) {
    Timer e = heap[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      Timer p = heap[parent];
      if (!less(e, p)) {
        break;
      }
      heap[i] = p;
      p.index = i;
      i = parent;
    }
    heap[i] = e;
    e.index = i;
  }

  private void siftDown(int i) {
    Timer e = heap[i];
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
      heap[i].index = i;
      i = child;
    }
    heap[i] = e;
    e.index = i;
  }
}
