/// Fast checks on UTF-8 bytes that let the normaliser skip a step without decoding the text.
///
/// Most news text is clean NFC with one tone style: these scans (hundreds of MB/s) find that out, and the
/// normaliser then returns the original string untouched with an identity alignment.
enum Utf8Scan {
  /// Number of Unicode scalars in valid UTF-8 (bytes that are not continuation bytes).
  static func scalarCount(_ b: UnsafeBufferPointer<UInt8>) -> Int {
    // Eight bytes at a time: a continuation byte has bit 7 set and bit 6 clear.
    let n = b.count
    guard let base = b.baseAddress else { return 0 }
    let raw = UnsafeRawPointer(base)
    var continuation = 0
    var i = 0
    while i + 8 <= n {
      let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      continuation += (x & ~(x << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
      i += 8
    }
    while i < n {
      if b[i] & 0xC0 == 0x80 { continuation += 1 }
      i += 1
    }
    return n - continuation
  }

  /// Decodes valid UTF-8 into scalars on the fly, for scans that need letters but no String.
  @inline(__always)
  static func forEachScalar(_ b: UnsafeBufferPointer<UInt8>, _ body: (Unicode.Scalar) -> Bool) {
    var i = 0
    while i < b.count {
      let (s, len) = decode(b, i)
      if !body(s) { return }
      i += len
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

  /// `mayNeedCleanup` and `mayNeedNFC` in one pass that steps over whole scalars: the normaliser's
  /// pre-scan. Each flag is true whenever the single scan's would be (a property test compares them).
  static func mayNeedCleanupOrNFC(_ b: UnsafeBufferPointer<UInt8>, cleanup: Bool, repairSpacing: Bool, nfc: Bool)
    -> (cleanup: Bool, nfc: Bool) {
    let n = b.count
    var needCleanup = false, needNFC = false
    var lookCleanup = cleanup, lookNFC = nfc
    var i = 0
    while i < n && (lookCleanup || lookNFC) {
      let c = b[i]
      if c < 0x80 {
        // Letters, digits and most punctuation: nothing to look at (most bytes).
        if (c > 0x3B && c != 0x7F) || (c > 0x20 && c != 0x2C && c < 0x3A) { i += 1; continue }
        if lookCleanup {
          var hit = false
          if c < 0x20 {
            hit = c != 0x09 && c != 0x0A && c != 0x0D
          } else if c == 0x20 {
            hit = i + 1 < n && b[i + 1] == 0x20
          } else if c == 0x7F {
            hit = true
          } else if repairSpacing && i > 0 && i + 1 < n {
            hit = isLetterOrDigitEnd(b, i) && isLetterStart(b[i + 1])
          }
          if hit { needCleanup = true; lookCleanup = false }
        }
        i += 1
        continue
      }
      let d: UInt8 = i + 1 < n ? b[i + 1] : 0
      let t: UInt8 = i + 2 < n ? b[i + 2] : 0
      if lookCleanup {
        var hit = false
        switch c {
        case 0xC2: hit = d != 0 && (d < 0xA1 || d == 0xAD)
        case 0xC3: hit = d == 0xB0 || d == 0x90
        case 0xE2: hit = (d == 0x80 && t != 0 && (t <= 0x8F || (t >= 0xA8 && t <= 0xAF)))
          || (d == 0x81 && (t == 0x9F || (t >= 0xA0 && t <= 0xAF)))
        case 0xE3: hit = d == 0x80 && t == 0x80
        case 0xEF: hit = d == 0xBB && t == 0xBF
        default: break
        }
        if hit { needCleanup = true; lookCleanup = false }
      }
      if lookNFC && c >= 0xCC {
        var hit = false
        switch c {
        case 0xCC, 0xCD: hit = true
        case 0xE1: hit = d == 0xAA || d == 0xAB || d == 0xB7 || (d >= 0x84 && d <= 0x87)
        case 0xE2: hit = d == 0x83 || (d == 0x84 && (t == 0xA6 || t == 0xAA || t == 0xAB)) || (d == 0x80 && t != 0 && t <= 0x81)
        case 0xEA, 0xEB, 0xEC, 0xED: hit = true
        case 0xEF: hit = (d >= 0xA4 && d <= 0xAB) || (d == 0xB8 && t >= 0xA0 && t <= 0xAF)
        case 0xF0: hit = d == 0xAF
        default: break
        }
        if hit { needNFC = true; lookNFC = false }
      }
      i += c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4
    }
    return (needCleanup, needNFC)
  }

  /// Whether cleanup could change anything: control characters, NBSP/soft hyphen/C1 (C2 xx), the
  /// U+2000–U+206F specials (E2 80/81), BOM (EF BB BF), ideographic space, eth (C3 B0/90), double spaces,
  /// or a `,` `;` `:` between a letter/digit and a letter. (The normaliser runs `mayNeedCleanupOrNFC`; this single
  /// scan is the reference the tests compare it with.)
  static func mayNeedCleanup(_ b: UnsafeBufferPointer<UInt8>, repairSpacing: Bool) -> Bool {
    let n = b.count
    var i = 0
    while i < n {
      let c = b[i]
      // Letters, digits after `;`, and continuation bytes: nothing to look at (most bytes).
      if c > 0x3B && c < 0xC2 && c != 0x7F { i += 1; continue }
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
  /// U+2000/2001 and CJK compatibility ideographs. (Also a test reference for `mayNeedCleanupOrNFC`.)
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
  ///
  /// On bytes, without decoding every scalar: the toned vowel of the pair is never ASCII and the other
  /// one always is (`o`/`u` for classic, `a`/`e`/`y` for modern), so only an ASCII vowel next to a
  /// multi-byte scalar is looked at. Same answer as the scalar version (a property test compares them).
  static func mayNeedTone(_ b: UnsafeBufferPointer<UInt8>, style: ToneStyle) -> Bool {
    let n = b.count
    var i = 1
    if style == .classic {
      // `o`/`u` (untoned, so ASCII) then a toned `a`/`e` (after `o`) or `y` (after `u`).
      while i < n {
        let c = b[i]
        if c >= 0xC3 && c < 0xF0 {
          let p = b[i - 1] | 0x20
          if p == 0x6F || p == 0x75, i < 2 || (b[i - 2] | 0x20) != 0x71 {
            let (s, len) = decode(b, i)
            if let v = VietnameseLetters.vowel(s), v.tone != 0,
               p == 0x6F ? (v.base == VietnameseLetters.baseA || v.base == VietnameseLetters.baseE) : v.base == VietnameseLetters.baseY,
               nonLetterAt(b, i + len) { return true }
          }
        }
        i += 1
      }
    } else {
      // A toned `o`/`u` (multi-byte) then an untoned `a`/`e` (after `o`) or `y` (after `u`), ASCII.
      while i < n {
        let c = b[i] | 0x20
        if (c == 0x61 || c == 0x65 || c == 0x79) && b[i] < 0x80 && b[i - 1] >= 0x80 {
          var j = i - 1
          while j > 0 && b[j] & 0xC0 == 0x80 { j -= 1 }
          let (s, _) = decode(b, j)
          if let v = VietnameseLetters.vowel(s), v.tone != 0,
             c == 0x79 ? v.base == VietnameseLetters.baseU : v.base == VietnameseLetters.baseO,
             j == 0 || (b[j - 1] | 0x20) != 0x71, nonLetterAt(b, i + 1) { return true }
        }
        i += 1
      }
    }
    return false
  }

  /// The scalar whose lead byte is at `i` in valid UTF-8, and its length in bytes.
  @inline(__always)
  static func decode(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Unicode.Scalar, Int) {
    let c = b[i]
    let v: UInt32, len: Int
    if c < 0x80 { v = UInt32(c); len = 1 }
    else if c < 0xE0 { v = (UInt32(c & 0x1F) << 6) | UInt32(b[i + 1] & 0x3F); len = 2 }
    else if c < 0xF0 { v = (UInt32(c & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F); len = 3 }
    else { v = (UInt32(c & 0x07) << 18) | (UInt32(b[i + 1] & 0x3F) << 12) | (UInt32(b[i + 2] & 0x3F) << 6) | UInt32(b[i + 3] & 0x3F); len = 4 }
    return (Unicode.Scalar(v) ?? " ", len)
  }

  /// Whether the scalar starting at byte `i` is not a letter (or the text ends there).
  @inline(__always)
  static func nonLetterAt(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
    i >= b.count || !isLetter(decode(b, i).0)
  }

  /// The decode-every-scalar form of `mayNeedTone` on bytes, kept as the reference the fast scan is
  /// tested against.
  static func mayNeedToneDecoding(_ b: UnsafeBufferPointer<UInt8>, style: ToneStyle) -> Bool {
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
