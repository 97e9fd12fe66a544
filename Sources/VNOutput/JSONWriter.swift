/// A small streaming JSON writer: appends to a byte buffer, no intermediate objects.
///
/// Foundation's `JSONEncoder` is often the slowest step of a text pipeline on Linux; annotated records
/// are written field by field instead. Strings are escaped per RFC 8259 (control characters as `\u00XX`,
/// everything else as UTF-8), so any text round-trips through a JSON parser.
public struct JSONWriter: Sendable {
  public private(set) var bytes: [UInt8] = []
  /// One entry per open container: whether it already holds an element.
  private var hasElement: [Bool] = []
  private var afterKey = false

  public init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

  public mutating func reset() { bytes.removeAll(keepingCapacity: true); hasElement.removeAll(); afterKey = false }

  /// Comma handling before any value or key.
  private mutating func valuePrefix() {
    if afterKey { afterKey = false; return }
    if let last = hasElement.last {
      if last { bytes.append(UInt8(ascii: ",")) } else { hasElement[hasElement.count - 1] = true }
    }
  }

  public mutating func beginObject() { valuePrefix(); bytes.append(UInt8(ascii: "{")); hasElement.append(false) }
  public mutating func endObject() { bytes.append(UInt8(ascii: "}")); hasElement.removeLast() }
  public mutating func beginArray() { valuePrefix(); bytes.append(UInt8(ascii: "[")); hasElement.append(false) }
  public mutating func endArray() { bytes.append(UInt8(ascii: "]")); hasElement.removeLast() }

  /// Writes `"key":` inside an object; the next value belongs to it.
  public mutating func key(_ k: String) {
    valuePrefix()
    appendString(k)
    bytes.append(UInt8(ascii: ":"))
    afterKey = true
  }

  public mutating func string(_ s: String) { valuePrefix(); appendString(s) }
  public mutating func string<S: Sequence>(scalars: S) where S.Element == Unicode.Scalar {
    valuePrefix(); appendScalars(scalars)
  }
  public mutating func int(_ v: Int) { valuePrefix(); bytes.append(contentsOf: String(v).utf8) }
  public mutating func double(_ v: Double) {
    valuePrefix()
    if v.isFinite { bytes.append(contentsOf: String(v).utf8) } else { bytes.append(contentsOf: "null".utf8) }
  }
  public mutating func bool(_ v: Bool) { valuePrefix(); bytes.append(contentsOf: (v ? "true" : "false").utf8) }
  public mutating func null() { valuePrefix(); bytes.append(contentsOf: "null".utf8) }
  /// Inserts pre-serialised JSON (e.g. a passthrough value).
  public mutating func raw(_ json: [UInt8]) { valuePrefix(); bytes.append(contentsOf: json) }

  public mutating func newline() { bytes.append(0x0A) }

  private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

  private mutating func appendString(_ s: String) {
    bytes.append(UInt8(ascii: "\""))
    for b in s.utf8 { appendEscaped(b) }
    bytes.append(UInt8(ascii: "\""))
  }

  private mutating func appendScalars<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
    bytes.append(UInt8(ascii: "\""))
    for s in scalars {
      if s.value < 0x80 { appendEscaped(UInt8(s.value)) } else { bytes.append(contentsOf: UTF8.encode(s)!) }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  @inline(__always)
  private mutating func appendEscaped(_ b: UInt8) {
    switch b {
    case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\\")); bytes.append(b)
    case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(b)
    case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
    case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
    case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
    case 0..<0x20, 0x7F:
      bytes.append(contentsOf: Array("\\u00".utf8))
      bytes.append(Self.hex[Int(b >> 4)]); bytes.append(Self.hex[Int(b & 15)])
    default: bytes.append(b)
    }
  }
}
