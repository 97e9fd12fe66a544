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
  /// Mojibake scalars that are strong tells (never in French/English/Vietnamese prose).
  let tcvn3Tells: Set<UInt32>
  let vniMarks: Set<UInt32>

  public init(tcvn3: [UInt32: [Unicode.Scalar]], vniPairs: [UInt64: Unicode.Scalar], vniSingles: [UInt32: Unicode.Scalar]) {
    self.tcvn3 = tcvn3
    self.vniPairs = vniPairs
    self.vniSingles = vniSingles
    // Tells: TCVN3 characters that are neither ASCII nor letters a Western text would use.
    let common: Set<UInt32> = Set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝçÇëïüöäñÑ".unicodeScalars.map(\.value))
    self.tcvn3Tells = Set(tcvn3.keys.filter { $0 >= 0x80 && !common.contains($0) })
    self.vniMarks = Set(vniPairs.keys.map { UInt32($0 & 0xFFFF_FFFF) })
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
  public func detect(_ scalars: [Unicode.Scalar]) -> LegacyEncoding? {
    var tcvnScore = 0, vniScore = 0, words = 0
    var prev: Unicode.Scalar = " "
    for s in scalars {
      let v = s.value
      if v < 0x80 {
        if s == " " { words += 1 }
        prev = s
        continue
      }
      if Self.isGenuineVietnamese(v) { return nil }
      if tcvn3Tells.contains(v) { tcvnScore += 1 }
      if vniMarks.contains(v), vniPairs[Self.pairKey(prev, s)] != nil { vniScore += 1 }
      else if vniSingles[v] != nil, v == 0xF1 || v == 0xD1 || v == 0xF6 || v == 0xD6 { vniScore += 1 }
      prev = s
    }
    // At least three tells and one per 40 words, so one stray `©` or `à` does not trigger a conversion.
    let floor = max(3, words / 40)
    if vniScore >= floor && vniScore > tcvnScore { return .vni }
    if tcvnScore >= floor { return .tcvn3 }
    return nil
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
