import VNCore

/// Text being normalised: its scalars and, once a step changed the length, where each came from.
///
/// `origin[i]` is the index in the buffer's *input* (the text before the first step) of scalar `i`;
/// it has `scalars.count + 1` entries, the last being the input length. `nil` means identity.
public struct ScalarBuffer: Sendable {
  public var scalars: [Unicode.Scalar]
  public var origin: [Int32]?
  public let inputCount: Int

  public init(_ text: String) {
    // Decoded straight from the UTF-8 bytes into an array of the right size (String's scalar view
    // iterates one scalar at a time through its generic index).
    var text = text
    scalars = text.withUTF8 { b in
      let count = Utf8Scan.scalarCount(b)
      return [Unicode.Scalar](unsafeUninitializedCapacity: count) { out, initialized in
        var i = 0, k = 0
        while i < b.count && k < count {
          let (s, len) = Utf8Scan.decode(b, i)
          out.initializeElement(at: k, to: s)
          i += len; k += 1
        }
        initialized = k
      }
    }
    origin = nil
    inputCount = scalars.count
  }

  public init(scalars: [Unicode.Scalar]) {
    self.scalars = scalars
    origin = nil
    inputCount = scalars.count
  }

  /// Origin of scalar `i` (i may equal count).
  @inline(__always)
  public func originOf(_ i: Int) -> Int32 { origin.map { $0[i] } ?? Int32(i) }

  public var alignment: TextAlignment { TextAlignment(origin: origin, originalCount: inputCount) }

  public var string: String {
    var bytes = 0
    for s in scalars { bytes += UTF8.width(s) }
    return String(unsafeUninitializedCapacity: bytes) { out in
      var i = 0
      for s in scalars {
        let v = s.value
        if v < 0x80 {
          out[i] = UInt8(v); i += 1
        } else if v < 0x800 {
          out[i] = UInt8(0xC0 | v >> 6); out[i + 1] = UInt8(0x80 | v & 0x3F); i += 2
        } else if v < 0x10000 {
          out[i] = UInt8(0xE0 | v >> 12); out[i + 1] = UInt8(0x80 | (v >> 6) & 0x3F)
          out[i + 2] = UInt8(0x80 | v & 0x3F); i += 3
        } else {
          out[i] = UInt8(0xF0 | v >> 18); out[i + 1] = UInt8(0x80 | (v >> 12) & 0x3F)
          out[i + 2] = UInt8(0x80 | (v >> 6) & 0x3F); out[i + 3] = UInt8(0x80 | v & 0x3F); i += 4
        }
      }
      return i
    }
  }

  /// Replaces the content with `out`, where `outOrigin[i]` indexes the *current* scalars (count + 1 entries).
  mutating func replace(with out: [Unicode.Scalar], currentOrigin outOrigin: [Int32]) {
    if let origin {
      var composed = [Int32](repeating: 0, count: outOrigin.count)
      for i in 0..<outOrigin.count { composed[i] = origin[Int(outOrigin[i])] }
      self.origin = composed
    } else {
      self.origin = outOrigin
    }
    scalars = out
  }
}

/// Builds a new scalar sequence from an old one while recording where each new scalar came from.
struct ScalarRewriter {
  var out: [Unicode.Scalar] = []
  var origin: [Int32] = []

  init(capacity: Int) {
    out.reserveCapacity(capacity + 16)
    origin.reserveCapacity(capacity + 17)
  }

  @inline(__always) mutating func emit(_ s: Unicode.Scalar, from i: Int) {
    out.append(s)
    origin.append(Int32(i))
  }

  mutating func finish(into buffer: inout ScalarBuffer) {
    origin.append(Int32(buffer.scalars.count))
    buffer.replace(with: out, currentOrigin: origin)
  }
}
