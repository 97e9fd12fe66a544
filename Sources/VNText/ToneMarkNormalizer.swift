/// Puts every syllable's tone mark on the vowel the chosen convention prescribes.
///
/// `hoà` → `hòa`, `Thuỷ` → `Thủy`, `uỷ ban` → `ủy ban` (classic); the reverse with `.modern`.
/// Syllables whose placement both conventions agree on are left alone, and so are the two onsets
/// spelled with a vowel letter: `qu` (`quý`, `quả`) and `gi` before a vowel (`giá`, `giường`).
/// A final consonant fixes the mark on the last vowel (`hoàng`, `thuyết`, `huỳnh`), a vowel with a
/// quality mark takes it (`người`, `thuở`), otherwise the first vowel of a two-vowel nucleus and the
/// middle one of three (`mái`, `ngoài`, `khuỷu`). It also repairs a mark on the wrong vowel
/// (`hóan` → `hoán`). Anything that is not a well-formed Vietnamese syllable (English words, codes,
/// more than one tone mark) is left untouched. Works in place: scalar count and positions never change,
/// so no alignment is needed.
public struct ToneMarkNormalizer: Sendable {
  public let style: ToneStyle

  public init(style: ToneStyle) { self.style = style }

  /// Normalises a string (convenience for tests and one-off use).
  public func normalize(_ text: String) -> String {
    var scalars = Array(text.unicodeScalars)
    guard apply(&scalars) else { return text }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
  }

  /// Normalises `scalars` in place; returns whether anything changed.
  @discardableResult
  public func apply(_ scalars: inout [Unicode.Scalar]) -> Bool {
    var changed = false
    var i = 0
    let n = scalars.count
    while i < n {
      // Find a maximal run of letters.
      guard Self.isLetter(scalars[i]) else { i += 1; continue }
      var j = i + 1
      while j < n && Self.isLetter(scalars[j]) { j += 1 }
      if j - i <= 7 && fix(&scalars, i, j) { changed = true }
      i = j
    }
    return changed
  }

  @inline(__always)
  static func isLetter(_ s: Unicode.Scalar) -> Bool { Utf8Scan.isLetter(s) }

  /// Packs up to four lower-case ASCII letters into an integer (onsets and finals).
  @inline(__always) static func pack(_ s: String) -> UInt32 { s.utf8.reduce(0) { $0 << 8 | UInt32($1) } }
  /// `đ` in packed onsets.
  static let dStroke: UInt32 = 0x01
  /// Valid final consonants (after the nucleus).
  private static let finals: Set<UInt32> = Set(["c", "ch", "m", "n", "ng", "nh", "p", "t"].map(pack))
  /// Valid onsets made of consonant letters (before the first vowel); `qu`/`gi` are handled apart.
  private static let onsets: Set<UInt32> = Set([
    "", "b", "c", "ch", "d", "g", "gh", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p", "ph",
    "r", "s", "t", "th", "tr", "v", "x",
  ].map(pack)).union([dStroke])

  /// Fixes the syllable `scalars[start..<end]`; returns whether it changed.
  private func fix(_ s: inout [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
    // Decode: consonant letters before the first vowel form the onset.
    var k = start
    var onset: UInt32 = 0
    var onsetLength = 0
    while k < end, VietnameseLetters.vowel(s[k]) == nil {
      if let c = VietnameseLetters.asciiLower(s[k]) { onset = onset << 8 | UInt32(c) }
      else if VietnameseLetters.isDStroke(s[k]) { onset = onset << 8 | Self.dStroke }
      else { return false }
      onsetLength += 1
      if onsetLength > 3 { return false }
      k += 1
    }
    guard k < end else { return false }
    // `qu` and `gi` (before another vowel) are onsets whose second letter is a vowel letter.
    var special = false
    if let v = VietnameseLetters.vowel(s[k]) {
      if onset == 0x71, v.base == VietnameseLetters.baseU { k += 1; special = true }
      else if onset == 0x67, v.base == VietnameseLetters.baseI, v.tone == 0, k + 1 < end, VietnameseLetters.vowel(s[k + 1]) != nil {
        // `gi` + vowel: the `i` belongs to the onset, but only if it carries no tone (`gìn` is g + ìn).
        k += 1; special = true
      }
    }
    guard special || Self.onsets.contains(onset) else { return false }
    // Nucleus: the run of vowel letters (at most three).
    var nucleus: (VietnameseLetters.Vowel?, VietnameseLetters.Vowel?, VietnameseLetters.Vowel?) = (nil, nil, nil)
    var count = 0
    let nucleusStart = k
    while k < end, let v = VietnameseLetters.vowel(s[k]) {
      switch count {
      case 0: nucleus.0 = v
      case 1: nucleus.1 = v
      case 2: nucleus.2 = v
      default: return false
      }
      count += 1
      k += 1
    }
    guard count > 0 else { return false }
    // Final consonant.
    var final: UInt32 = 0
    var finalLength = 0
    while k < end {
      guard let c = VietnameseLetters.asciiLower(s[k]), finalLength < 2 else { return false }
      final = final << 8 | UInt32(c)
      finalLength += 1
      k += 1
    }
    guard finalLength == 0 || Self.finals.contains(final) else { return false }
    let vowels = [nucleus.0, nucleus.1, nucleus.2].prefix(count).map { $0! }
    // Exactly one toned vowel, or nothing to do.
    var tonedAt = -1
    for (idx, v) in vowels.enumerated() where v.tone != 0 {
      if tonedAt >= 0 { return false }
      tonedAt = idx
    }
    guard tonedAt >= 0 else { return false }
    let target = targetIndex(vowels, hasFinal: finalLength > 0)
    guard target != tonedAt else { return false }
    let tone = vowels[tonedAt].tone
    let from = vowels[tonedAt], to = vowels[target]
    s[nucleusStart + tonedAt] = VietnameseLetters.scalar(base: from.base, tone: 0, upper: from.upper)
    s[nucleusStart + target] = VietnameseLetters.scalar(base: to.base, tone: tone, upper: to.upper)
    return true
  }

  /// The index in the nucleus that takes the tone mark under this style.
  private func targetIndex(_ nucleus: [VietnameseLetters.Vowel], hasFinal: Bool) -> Int {
    // A vowel with a quality mark takes it; in `ươ` the second (`người`, `được`).
    if let last = nucleus.lastIndex(where: { VietnameseLetters.markedBase[$0.base] }) { return last }
    if hasFinal { return nucleus.count - 1 }
    switch nucleus.count {
    case 1: return 0
    case 3: return 1
    default:
      let a = nucleus[0].base, b = nucleus[1].base
      let isOaOeUy = (a == VietnameseLetters.baseO && (b == VietnameseLetters.baseA || b == VietnameseLetters.baseE))
        || (a == VietnameseLetters.baseU && b == VietnameseLetters.baseY)
      return isOaOeUy && style == .modern ? 1 : 0
    }
  }
}
