import VNCore

/// Pre-Unicode Vietnamese encodings still found in archives.
public enum LegacyEncoding: String, Sendable, CaseIterable {
  /// TCVN 5712:1993 VN3 ("ABC", .VnTime fonts), seen as CP1252 mojibake: `Bé C«ng an`.
  case tcvn3
  /// VNI-Windows (base letter + mark byte), seen as CP1252 mojibake: `Boä Coâng an`.
  case vni
}

/// Detects and converts TCVN3/VNI mojibake, driven by the tables in `models/encodings/`.
///
/// `Bé C«ng an` → `Bộ Công an` (TCVN3), `Thöôïng töôùng` → `Thượng tướng` (VNI). Detection is per
/// document: genuine Vietnamese Unicode (any of ạ…ỹ, ă, đ, ơ, ư) means the text is not mojibake; otherwise
/// the encoding whose tell characters are frequent enough wins.
public struct LegacyDecoder: Sendable {
  /// TCVN3: mojibake scalar → Unicode text.
  let tcvn3: [UInt32: [Unicode.Scalar]]
  /// VNI: (base, mark) → letter, and single mojibake scalars → letter.
  let vniPairs: [UInt64: Unicode.Scalar]
  let vniSingles: [UInt32: Unicode.Scalar]

  public init(tcvn3: [UInt32: [Unicode.Scalar]], vniPairs: [UInt64: Unicode.Scalar], vniSingles: [UInt32: Unicode.Scalar]) {
    self.tcvn3 = tcvn3
    self.vniPairs = vniPairs
    self.vniSingles = vniSingles
  }

  @inline(__always) static func pairKey(_ base: Unicode.Scalar, _ mark: Unicode.Scalar) -> UInt64 {
    UInt64(base.value) << 32 | UInt64(mark.value)
  }

  /// Genuine Vietnamese letters that no CP1252 mojibake can contain.
  @inline(__always) static func isGenuineVietnamese(_ v: UInt32) -> Bool {
    (v >= 0x1EA0 && v <= 0x1EF9) || v == 0x103 || v == 0x102 || v == 0x111 || v == 0x110
      || v == 0x1A0 || v == 0x1A1 || v == 0x1AF || v == 0x1B0
  }

  /// The legacy encoding `scalars` are written in, or nil for Unicode text.
  ///
  /// Two tests must agree. First, contextual tells (vietnamese-entities.md §6.1): for TCVN3 a symbol
  /// of ¡–® or µ–¾ between letters (`C«ng`, `nh©n`), an accented capital right after a lower-case letter
  /// (`QuyÕt`, `ViÖt`), `®`/`§` starting a word, a soft hyphen before a letter (`Th\u{AD}îng`); for VNI a
  /// vowel followed by a mark byte ø å ä õ (`Boä`), a/e/o followed by â (`Coâng`), `öô`, a word-initial
  /// `ñ`/`Ñ` before a vowel, and the weaker æ/ù/û/ï/ë after a letter. Second, converting must pay: the
  /// Vietnamese-only letters it creates plus the junk symbols it removes must outweigh what it breaks.
  /// So `Où est l'hôtel … naïf` (three weak tells, little gain) and `© 2020 · µm «quoted»` stay as they are.
  public func detect(_ scalars: [Unicode.Scalar]) -> LegacyEncoding? {
    var tcvnTells = 0, vniTells = 0, vniWeak = 0, words = 1
    var prev: Unicode.Scalar = " "
    for (i, s) in scalars.enumerated() {
      let v = s.value
      let next: Unicode.Scalar = i + 1 < scalars.count ? scalars[i + 1] : " "
      defer { prev = s }
      if v < 0x80 { if s == " " || s == "\n" { words += 1 }; continue }
      if Self.isGenuineVietnamese(v) { return nil }
      let prevLetter = Self.isLetter(prev), nextLetter = Self.isLetter(next)
      // TCVN3
      if ((0xA1...0xAE).contains(v) || (0xB5...0xBE).contains(v)) && v != 0xAD && prevLetter && nextLetter { tcvnTells += 1 }
      else if (v == 0xAE || v == 0xA7) && !prevLetter && nextLetter { tcvnTells += 1 }
      else if (0xC0...0xDE).contains(v) && Self.isASCIILower(prev) { tcvnTells += 1 }
      else if v == 0xAD && nextLetter { tcvnTells += 1 }
      // VNI
      let prevVowel = "aeiouyAEIOUY".unicodeScalars.contains(prev)
      if prevVowel && [0xF8, 0xE5, 0xE4, 0xF5, 0xD8, 0xC5, 0xC4, 0xD5].contains(v) { vniTells += 1 }
      else if "aeoAEO".unicodeScalars.contains(prev) && [0xE2, 0xC2, 0xE1, 0xC1, 0xE0, 0xC0, 0xE3, 0xC3].contains(v) { vniTells += 1 }
      else if (prev.value == 0xF6 && v == 0xF4) || (prev.value == 0xD6 && v == 0xD4) { vniTells += 1 }
      else if (v == 0xF1 || v == 0xD1) && !prevLetter && ("aeiouyAEIOUY".unicodeScalars.contains(next) || Self.vietnameseLatin1.contains(next.value)) { vniTells += 1 }
      else if v == 0xE6 && prevLetter { vniWeak += 1 }
      else if prevVowel && [0xF9, 0xFB, 0xEF, 0xEB, 0xD9, 0xDB, 0xCF, 0xCB].contains(v) { vniWeak += 1 }
    }
    // Weak tells also occur in French and Spanish (`où`, `naïf`): two count as one strong tell.
    vniTells += vniWeak / 2
    let floor = max(2, words / 15)
    var candidates: [(LegacyEncoding, Int)] = []
    if vniTells >= floor { candidates.append((.vni, vniTells)) }
    if tcvnTells >= floor { candidates.append((.tcvn3, tcvnTells)) }
    candidates.sort { $0.1 > $1.1 }
    let before = Self.quality(scalars)
    for (enc, _) in candidates {
      var copy = ScalarBuffer(scalars: scalars)
      convert(&copy, from: enc)
      let after = Self.quality(Array(UnicodeNFC.nfc(copy.string).unicodeScalars))
      if after - before >= max(3, words / 10) { return enc }
    }
    return nil
  }

  /// Vietnamese-only letters minus junk (Latin-1 symbols and letters Vietnamese never uses).
  static func quality(_ scalars: [Unicode.Scalar]) -> Int {
    var q = 0
    for s in scalars where s.value >= 0x80 {
      let v = s.value
      if isGenuineVietnamese(v) || v == 0x129 || v == 0x128 || v == 0x169 || v == 0x168 { q += 1 }
      else if v <= 0xFF && !vietnameseLatin1.contains(v) { q -= 1 }
    }
    return q
  }

  /// Latin-1 letters that Vietnamese uses (à á â ã è é ê ì í ò ó ô õ ù ú ý and capitals).
  static let vietnameseLatin1: Set<UInt32> = Set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ".unicodeScalars.map(\.value))

  @inline(__always) static func isASCIILower(_ s: Unicode.Scalar) -> Bool { s.value >= 0x61 && s.value <= 0x7A }
  @inline(__always) static func isLetter(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || (v >= 0xA1 && v <= 0xFF && v != 0xD7 && v != 0xF7 && v != 0xBB && v != 0xAB)
  }

  /// Converts the buffer from `encoding` to Unicode (not yet NFC: run NFC after).
  public func convert(_ buffer: inout ScalarBuffer, from encoding: LegacyEncoding) {
    let s = buffer.scalars
    var w = ScalarRewriter(capacity: s.count)
    switch encoding {
    case .tcvn3:
      for (i, c) in s.enumerated() {
        if let rep = tcvn3[c.value] { for r in rep { w.emit(r, from: i) } } else { w.emit(c, from: i) }
      }
    case .vni:
      var i = 0
      while i < s.count {
        if i + 1 < s.count, let letter = vniPairs[Self.pairKey(s[i], s[i + 1])] {
          w.emit(letter, from: i)
          i += 2
          continue
        }
        w.emit(vniSingles[s[i].value] ?? s[i], from: i)
        i += 1
      }
    }
    w.finish(into: &buffer)
  }
}
