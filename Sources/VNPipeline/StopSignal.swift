import Synchronization

/// A flag set by Ctrl-C (or a test) and read by the reader between documents.
///
/// `Atomic` makes it safe to set from a signal handler's queue and read from the reader task.
public final class StopSignal: Sendable {
  private let flag = Atomic<Bool>(false)
  public init() {}
  public func stop() { flag.store(true, ordering: .relaxed) }
  public var isStopped: Bool { flag.load(ordering: .relaxed) }
}
