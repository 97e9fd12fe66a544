/// A first-in first-out channel between tasks with a fixed capacity: `send` waits while it is full,
/// `receive` waits while it is empty and returns nil once it is closed and drained. This is the
/// backpressure that keeps memory bounded whatever the archive size.
actor BoundedQueue<Element: Sendable> {
  private var items: [Element] = []
  private var head = 0
  private let capacity: Int
  private var receivers: [CheckedContinuation<Element?, Never>] = []
  private var senders: [CheckedContinuation<Void, Never>] = []
  private var closed = false

  init(capacity: Int) { self.capacity = max(1, capacity) }

  private var count: Int { items.count - head }

  func send(_ element: Element) async {
    while count >= capacity && !closed {
      await withCheckedContinuation { senders.append($0) }
    }
    if !receivers.isEmpty {
      receivers.removeFirst().resume(returning: element)
    } else {
      items.append(element)
    }
  }

  func receive() async -> Element? {
    if count > 0 {
      let e = items[head]
      head += 1
      if head > 1024 && head * 2 > items.count { items.removeFirst(head); head = 0 }
      if !senders.isEmpty { senders.removeFirst().resume() }
      return e
    }
    if closed { return nil }
    return await withCheckedContinuation { receivers.append($0) }
  }

  func close() {
    closed = true
    for r in receivers { r.resume(returning: nil) }
    receivers.removeAll()
    for s in senders { s.resume() }
    senders.removeAll()
  }
}

/// Counts permits: the reader takes one per document, the writer gives it back once the record is
/// written, so at most `permits` documents are in flight (read, being annotated, or waiting to be
/// written in order) at any time.
actor Window {
  private var available: Int
  private var waiting: [CheckedContinuation<Void, Never>] = []

  init(permits: Int) { available = max(1, permits) }

  func acquire() async {
    if available > 0 { available -= 1; return }
    await withCheckedContinuation { waiting.append($0) }
  }

  func release() {
    if !waiting.isEmpty { waiting.removeFirst().resume() } else { available += 1 }
  }
}

/// Closes a queue once every producer has finished.
actor Countdown {
  private var remaining: Int
  private let onZero: @Sendable () async -> Void
  init(_ count: Int, onZero: @escaping @Sendable () async -> Void) { remaining = count; self.onZero = onZero }
  func done() async {
    remaining -= 1
    if remaining == 0 { await onZero() }
  }
}
