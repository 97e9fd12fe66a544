/// Hash keys for syllables that ignore case, computed straight from UTF-16 without building a String.
///
/// Swift's `String` hashing normalises non-ASCII text on every call; the tokenizer hashes every syllable,
/// so it uses FNV-1a over lower-cased UTF-16 units instead. Lower-casing covers ASCII and the Latin
/// ranges Vietnamese uses (U+00C0–U+024F, U+1E00–U+1EFF) by table; other units are taken as they are.
enum SyllableKey {
  static let lowerTable: [UInt16] = {
    var t = [UInt16](repeating: 0, count: 0x1F00)
    for v in 0..<0x1F00 {
      t[v] = UInt16(v)
      guard let s = Unicode.Scalar(UInt32(v)) else { continue }
      let l = s.properties.lowercaseMapping.unicodeScalars
      if l.count == 1, let f = l.first, f.value < 0x1F00 { t[v] = UInt16(f.value) }
    }
    return t
  }()

  @inline(__always)
  static func lower(_ u: UInt16) -> UInt16 {
    if u < 0x80 { return (u >= 0x41 && u <= 0x5A) ? u | 0x20 : u }
    return u < 0x1F00 ? lowerTable[Int(u)] : u
  }

  @inline(__always)
  static func hash<C: Collection>(_ units: C) -> UInt64 where C.Element == UInt16 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for u in units {
      h = (h ^ UInt64(lower(u))) &* 0x100_0000_01b3
    }
    return h
  }

  static func hash(_ s: String) -> UInt64 { hash(Array(s.utf16)) }
}
