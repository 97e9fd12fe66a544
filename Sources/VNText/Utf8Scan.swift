/// Fast checks on UTF-8 bytes that let the normaliser skip a step without decoding the text.
///
/// Most news text is clean NFC with one tone style: these scans (hundreds of MB/s) find that out, and the
/// normaliser then returns the original string untouched with an identity alignment.
enum Utf8Scan {
  /// Number of Unicode scalars in valid UTF-8 (bytes that are not continuation bytes).
  static func scalarCount(_ b: UnsafeBufferPointer<UInt8>) -> Int {
    var n = 0
    for c in b where c & 0xC0 != 0x80 { n += 1 }
    return n
  }

  /// Decodes valid UTF-8 into scalars on the fly, for scans that need letters but no String.
  @inline(__always)
  static func forEachScalar(_ b: UnsafeBufferPointer<UInt8>, _ body: (Unicode.Scalar) -> Bool) {
    var i = 0
    let n = b.count
    while i < n {
      let c = b[i]
      var v: UInt32
      if c < 0x80 { v = UInt32(c); i += 1 }
      else if c < 0xE0 { v = (UInt32(c & 0x1F) << 6) | UInt32(b[i + 1] & 0x3F); i += 2 }
      else if c < 0xF0 { v = (UInt32(c & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F); i += 3 }
      else { v = (UInt32(c & 0x07) << 18) | (UInt32(b[i + 1] & 0x3F) << 12) | (UInt32(b[i + 2] & 0x3F) << 6) | UInt32(b[i + 3] & 0x3F); i += 4 }
      if !body(Unicode.Scalar(v) ?? " ") { return }
    }
  }

  /// Any letter only Vietnamese uses (ạ…ỹ in U+1EA0–U+1EF9, ă Ă đ Đ ơ Ơ ư Ư ĩ Ĩ ũ Ũ): CP1252 mojibake never
  /// contains one, so such text needs no legacy decoding.
  static func hasGenuineVietnamese(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = b.count
    while i + 1 < n {
      let c = b[i]
      if c == 0xE1 && (b[i + 1] == 0xBA || b[i + 1] == 0xBB) { return true }
      if c == 0xC4, [0x82, 0x83, 0x90, 0x91, 0xA8, 0xA9].contains(b[i + 1]) { return true }
      if c == 0xC5, b[i + 1] == 0xA8 || b[i + 1] == 0xA9 { return true }
      if c == 0xC6, [0xA0, 0xA1, 0xAF, 0xB0].contains(b[i + 1]) { return true }
      i += 1
    }
    return false
  }

  /// Any byte a TCVN3/VNI mojibake needs: Latin-1 supplement (C2/C3 lead bytes).
  static func hasLatin1(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    for c in b where c == 0xC2 || c == 0xC3 { return true }
    return false
  }

  /// Whether cleanup could change anything: control characters, NBSP/soft hyphen/C1 (C2 xx), the
  /// U+2000–U+206F specials (E2 80/81), BOM (EF BB BF), ideographic space, eth (C3 B0/90), double spaces,
  /// or a `,` `;` `:` between a letter/digit and a letter.
  static func mayNeedCleanup(_ b: UnsafeBufferPointer<UInt8>, repairSpacing: Bool) -> Bool {
    let n = b.count
    var i = 0
    while i < n {
      let c = b[i]
      if c < 0x20 {
        if c != 0x09 && c != 0x0A && c != 0x0D { return true }
      } else if c == 0x20 {
        if i + 1 < n && b[i + 1] == 0x20 { return true }
      } else if c == 0x7F {
        return true
      } else if c == 0xC2 {
        if i + 1 < n && (b[i + 1] < 0xA1 || b[i + 1] == 0xAD) { return true }
      } else if c == 0xC3 {
        if i + 1 < n && (b[i + 1] == 0xB0 || b[i + 1] == 0x90) { return true }
      } else if c == 0xE2 {
        if i + 1 < n && (b[i + 1] == 0x80 || b[i + 1] == 0x81) && i + 2 < n {
          let t = b[i + 2]
          if b[i + 1] == 0x80 && (t <= 0x8F || (t >= 0xA8 && t <= 0xAF)) { return true }
          if b[i + 1] == 0x81 && (t == 0x9F || (t >= 0xA0 && t <= 0xAF)) { return true }
        }
      } else if c == 0xE3 {
        if i + 2 < n && b[i + 1] == 0x80 && b[i + 2] == 0x80 { return true }
      } else if c == 0xEF {
        if i + 2 < n && b[i + 1] == 0xBB && b[i + 2] == 0xBF { return true }
      } else if repairSpacing && (c == 0x2C || c == 0x3B || c == 0x3A) && i > 0 && i + 1 < n {
        if isLetterOrDigitEnd(b, i) && isLetterStart(b[i + 1]) { return true }
      }
      i += 1
    }
    return false
  }

  @inline(__always) static func isLetterStart(_ c: UInt8) -> Bool {
    (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || (c >= 0xC3 && c < 0xF0)
  }

  /// Whether the character ending just before `i` is a letter, digit or combining mark (approximation on
  /// bytes: ASCII letter/digit or any non-ASCII character).
  @inline(__always) static func isLetterOrDigitEnd(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
    let p = b[i - 1]
    return (p | 0x20) >= 0x61 && (p | 0x20) <= 0x7A || (p >= 0x30 && p <= 0x39) || p >= 0x80
  }

  /// Whether NFC could change the text: combining marks (U+0300–U+036F, U+1AB0–U+1AFF, U+1DC0–U+1DFF,
  /// U+20D0–U+20FF, U+FE20–U+FE2F), Hangul jamo/syllables, the singletons Ω K Å (U+2126, U+212A/B),
  /// U+2000/2001 and CJK compatibility ideographs.
  static func mayNeedNFC(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = b.count
    var i = 0
    while i < n {
      let c = b[i]
      if c < 0xCC { i += 1; continue }
      if c == 0xCC || c == 0xCD { return true }
      if i + 1 < n {
        let d = b[i + 1]
        switch c {
        case 0xE1: if d == 0xAA || d == 0xAB || d == 0xB7 || (d >= 0x84 && d <= 0x87) { return true }
        case 0xE2: if d == 0x83 || (d == 0x84 && i + 2 < n && [0xA6, 0xAA, 0xAB].contains(b[i + 2])) || (d == 0x80 && i + 2 < n && b[i + 2] <= 0x81) { return true }
        case 0xEA, 0xEB, 0xEC, 0xED: return true
        case 0xEF: if (d >= 0xA4 && d <= 0xAB) || (d == 0xB8 && i + 2 < n && b[i + 2] >= 0xA0 && b[i + 2] <= 0xAF) { return true }
        case 0xF0: if d == 0xAF { return true }
        default: break
        }
      }
      i += 1
    }
    return false
  }

  /// Whether some syllable ends in `oa`, `oe` or `uy` (not after `q`) with the tone on the vowel the
  /// style does not use: `hoà`/`thuỷ` for classic, `hòa`/`thủy` for modern. Only then can tone placement
  /// change the text (other misplaced marks are repaired whenever the step runs for another reason).
  static func mayNeedTone(_ b: UnsafeBufferPointer<UInt8>, style: ToneStyle) -> Bool {
    var found = false
    var p3: Unicode.Scalar = " ", p2: Unicode.Scalar = " ", p1: Unicode.Scalar = " "
    forEachScalar(b) { c in
      // Only a non-letter after a vowel pair can end a candidate syllable.
      if c.value < 0x80 && isLetter(c) { p3 = p2; p2 = p1; p1 = c; return true }
      if !isLetter(c), p1.value > 0x40, let second = VietnameseLetters.vowel(p1), let first = VietnameseLetters.vowel(p2),
         (p3.value | 0x20) != 0x71 {
        let pair = (first.base == VietnameseLetters.baseO && (second.base == VietnameseLetters.baseA || second.base == VietnameseLetters.baseE))
          || (first.base == VietnameseLetters.baseU && second.base == VietnameseLetters.baseY)
        if pair {
          if style == .classic && first.tone == 0 && second.tone != 0 { found = true; return false }
          if style == .modern && first.tone != 0 && second.tone == 0 { found = true; return false }
        }
      }
      p3 = p2; p2 = p1; p1 = c
      return true
    }
    if found { return true }
    return mayNeedToneAtEnd(p3, p2, p1, style: style)
  }

  /// `mayNeedTone` over scalars (after a step changed the buffer).
  static func mayNeedTone(_ scalars: [Unicode.Scalar], style: ToneStyle) -> Bool {
    var p3: Unicode.Scalar = " ", p2: Unicode.Scalar = " ", p1: Unicode.Scalar = " "
    for c in scalars {
      if !isLetter(c), mayNeedToneAtEnd(p3, p2, p1, style: style) { return true }
      p3 = p2; p2 = p1; p1 = c
    }
    return mayNeedToneAtEnd(p3, p2, p1, style: style)
  }

  private static func mayNeedToneAtEnd(_ p3: Unicode.Scalar, _ p2: Unicode.Scalar, _ p1: Unicode.Scalar, style: ToneStyle) -> Bool {
    if let second = VietnameseLetters.vowel(p1), let first = VietnameseLetters.vowel(p2), (p3.value | 0x20) != 0x71 {
      if (first.base == VietnameseLetters.baseO && (second.base == VietnameseLetters.baseA || second.base == VietnameseLetters.baseE))
        || (first.base == VietnameseLetters.baseU && second.base == VietnameseLetters.baseY) {
        return style == .classic ? first.tone == 0 && second.tone != 0 : first.tone != 0 && second.tone == 0
      }
    }
    return false
  }

  @inline(__always) static func isLetter(_ c: Unicode.Scalar) -> Bool {
    let v = c.value
    if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
    return (v >= 0xC0 && v < 0x250) || (v >= 0x1E00 && v < 0x1F00) || (v >= 0x300 && v < 0x370)
  }
}
