import CICUShim

/// Unicode NFC through system ICU, keeping each output scalar's origin.
///
/// `Hoa` + U+0300 + `a` (`Hòa` typed on a "Unicode tổ hợp" keyboard) → `Hòa`: the composed `ò` points at
/// the `o`. Text already in NFC (the usual case) is detected by ICU's quick check and not copied.
public struct UnicodeNFC: Sendable {
  public init() {}

  /// NFC of a whole string, without alignment.
  public static func nfc(_ text: String) -> String {
    let units = Array(text.utf16)
    if units.isEmpty || vn_is_nfc(units, Int32(units.count)) == 1 { return text }
    return String(decoding: run(units, nfd: false), as: UTF16.self)
  }

  /// NFD of a whole string (tests, and building fold tables).
  public static func nfd(_ text: String) -> String {
    String(decoding: run(Array(text.utf16), nfd: true), as: UTF16.self)
  }

  static func run(_ units: [UInt16], nfd: Bool) -> [UInt16] {
    if units.isEmpty { return [] }
    var cap = units.count * 3 + 8
    while true {
      var out = [UInt16](repeating: 0, count: cap)
      var status: vn_status = 0
      let n = nfd ? vn_nfd(units, Int32(units.count), &out, Int32(cap), &status)
                  : vn_nfc(units, Int32(units.count), &out, Int32(cap), &status)
      if status > 0 { return units }  // ICU failed: leave the text as it is rather than lose it
      if Int(n) <= cap { return Array(out[0..<Int(n)]) }
      cap = Int(n)
    }
  }

  /// Applies NFC to the buffer; returns whether it changed.
  @discardableResult
  public func apply(_ buffer: inout ScalarBuffer) -> Bool {
    let s = buffer.scalars
    // Quick exit: NFC can only change text with a combining mark or a singleton decomposition.
    var suspicious = false
    for c in s where c.value >= 0x300 {
      let v = c.value
      if c.properties.canonicalCombiningClass != .notReordered || (0x340..<0x345).contains(v)
        || (0x2000..<0x2002).contains(v) || (0x2126..<0x212C).contains(v) || (0xF900..<0xFB00).contains(v)
        || (0x2F800..<0x2FA20).contains(v) || (0xAC00..<0xD7A4).contains(v) || (0x1100..<0x1200).contains(v) {
        suspicious = true; break
      }
    }
    guard suspicious else { return false }
    let units = Array(buffer.string.utf16)
    if vn_is_nfc(units, Int32(units.count)) == 1 { return false }
    // Normalise chunk by chunk: a starter and the combining marks after it.
    var w = ScalarRewriter(capacity: s.count)
    var i = 0
    while i < s.count {
      var j = i + 1
      while j < s.count && s[j].properties.canonicalCombiningClass != .notReordered { j += 1 }
      var chunk = String.UnicodeScalarView()
      chunk.append(contentsOf: s[i..<j])
      let normalized = Self.run(Array(String(chunk).utf16), nfd: false)
      for scalar in String(decoding: normalized, as: UTF16.self).unicodeScalars { w.emit(scalar, from: i) }
      i = j
    }
    w.finish(into: &buffer)
    return true
  }
}
