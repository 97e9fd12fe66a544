import CICUShim

/// One ICU break iterator (word or sentence), owned by one worker.
///
/// ICU break iterators are not thread-safe and cost ~2 µs to open, so each worker opens its own once and
/// reuses it for every document; this class is deliberately not `Sendable`.
final class ICUBreaker {
  enum Kind { case word, sentence }
  private let handle: OpaquePointer
  private var positions: [Int32] = []
  private var statuses: [Int32] = []

  init(_ kind: Kind) throws(TokenizeError) {
    var status: vn_status = 0
    guard let h = vn_breaker_open(kind == .word ? Int32(VN_BREAK_WORD) : Int32(VN_BREAK_SENTENCE), &status), status <= 0 else {
      throw .icu("ubrk_open failed with status \(status)")
    }
    handle = h
  }

  deinit { vn_breaker_close(handle) }

  /// Boundaries after 0 (ascending; the last is `text.count`) and the rule status of each segment.
  func run(_ text: [UInt16]) -> (positions: ArraySlice<Int32>, statuses: ArraySlice<Int32>) {
    if text.isEmpty { return ([], []) }
    var cap = max(16, text.count / 2 + 16)
    while true {
      if positions.count < cap {
        positions = [Int32](repeating: 0, count: cap)
        statuses = [Int32](repeating: 0, count: cap)
      }
      var status: vn_status = 0
      let n = text.withUnsafeBufferPointer { t in
        positions.withUnsafeMutableBufferPointer { p in
          statuses.withUnsafeMutableBufferPointer { s in
            vn_breaker_run(handle, t.baseAddress, Int32(t.count), p.baseAddress, s.baseAddress, Int32(cap), &status)
          }
        }
      }
      if n >= 0 { return (positions[0..<Int(n)], statuses[0..<Int(n)]) }
      cap = Int(-n) + 16
    }
  }
}

/// Problems in the tokenizer or its resources.
public enum TokenizeError: Error, Sendable, CustomStringConvertible {
  case icu(String)
  case badData(path: String, line: Int, message: String)

  public var description: String {
    switch self {
    case .icu(let m): return "ICU: \(m)"
    case .badData(let path, let line, let message): return "\(path):\(line): \(message)"
    }
  }
}
