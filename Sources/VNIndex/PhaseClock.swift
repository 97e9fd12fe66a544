import Foundation

/// Cumulative wall time per indexing phase, printed on standard error at the end of a run when the
/// environment variable `VNMINE_INDEX_TIMINGS` is set (a profiling aid; off by default and then nearly free). Phases may overlap: decoding runs on
/// the reading thread.
enum PhaseClock {
  nonisolated(unsafe) static var totals: [String: Double] = [:]
  static let lock = NSLock()
  static let enabled = ProcessInfo.processInfo.environment["VNMINE_INDEX_TIMINGS"] != nil

  static func now() -> Double {
    guard enabled else { return 0 }
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
  }

  /// Adds the time since `t` to `phase` and restarts `t`.
  static func add(_ phase: String, _ t: inout Double) {
    guard enabled else { return }
    let n = now()
    lock.lock()
    totals[phase, default: 0] += n - t
    lock.unlock()
    t = n
  }

  static func report() {
    guard enabled else { return }
    lock.lock()
    defer { lock.unlock() }
    let lines = totals.sorted { $0.value > $1.value }.map { "  \(String(format: "%6.2f", $0.value)) s  \($0.key)" }
    FileHandle.standardError.write(Data(("index timings:\n" + lines.joined(separator: "\n") + "\n").utf8))
  }
}
