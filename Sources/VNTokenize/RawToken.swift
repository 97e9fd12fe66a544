import VNCore

/// A token while the tokenizer works: UTF-16 offsets into the normalised text.
struct RawToken {
  var start: Int32
  var end: Int32
  var kind: TokenKind
  var syllables: Int32 = 1
}

/// Character classes of UTF-16 units the merge rules need.
enum Units {
  static let slash: UInt16 = 0x2F, hyphen: UInt16 = 0x2D, dot: UInt16 = 0x2E, space: UInt16 = 0x20
  static let enDash: UInt16 = 0x2013

  @inline(__always) static func isDigit(_ u: UInt16) -> Bool { u >= 0x30 && u <= 0x39 }
  @inline(__always) static func isUpper(_ u: UInt16) -> Bool {
    if u < 0x80 { return u >= 0x41 && u <= 0x5A }
    return SyllableKey.lower(u) != u
  }
  @inline(__always) static func isLower(_ u: UInt16) -> Bool {
    if u < 0x80 { return u >= 0x61 && u <= 0x7A }
    return u < 0x1F00 && SyllableKey.lowerTable[Int(u)] == u && isLetterish(u)
  }
  @inline(__always) static func isLetterish(_ u: UInt16) -> Bool {
    (u >= 0xC0 && u < 0x250 && u != 0xD7 && u != 0xF7) || (u >= 0x1E00 && u < 0x1F00)
  }
  @inline(__always) static func isSpace(_ u: UInt16) -> Bool {
    u == 0x20 || u == 0x09 || u == 0x0A || u == 0x0D || u == 0xA0 || u == 0x0B || u == 0x0C || u == 0x2028 || u == 0x2029
      || (u >= 0x2000 && u <= 0x200B) || u == 0x3000 || u == 0x202F || u == 0x85
  }
}
