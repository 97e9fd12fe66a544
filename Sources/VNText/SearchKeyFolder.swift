import CICUShim

/// The search key: lower case, no tone or vowel marks, `đ` → `d`.
///
/// `Nguyễn Văn Thành` → `nguyen van thanh`, `Đặng` → `dang`, `ĐẠI ÚY` → `dai uy`. Used for
/// diacritic-insensitive matching and search. `đ` has no Unicode decomposition, so mark-stripping
/// transliterators and SQLite's `remove_diacritics` leave it alone: it is folded explicitly here.
/// Other Latin letters with marks (`é`, `ç`) fold through their canonical decomposition. The fold maps
/// one scalar to at most one scalar, so positions in the key equal positions in the input, except that
/// free-standing combining marks (NFD input) are dropped: fold NFC text when positions matter.
public struct SearchKeyFolder: Sendable {
  /// Folded scalar for U+0000..U+024F and U+1E00..U+1EFF; 0 = drop.
  private let low: [UInt32]
  private let ext: [UInt32]

  public init() {
    func fold(_ v: UInt32) -> UInt32 {
      guard let s = Unicode.Scalar(v) else { return v }
      if VietnameseLetters.isDStroke(s) { return 0x64 }
      if let vowel = VietnameseLetters.vowel(s) { return UInt32(VietnameseLetters.asciiBase[vowel.base]) }
      if s.properties.canonicalCombiningClass != .notReordered { return 0 }
      let base = UnicodeNFC.nfd(String(s)).unicodeScalars.first ?? s
      let lower = base.properties.lowercaseMapping.unicodeScalars
      return lower.count == 1 ? lower.first!.value : base.value
    }
    low = (0..<0x250).map { fold(UInt32($0)) }
    ext = (0x1E00..<0x1F00).map { fold(UInt32($0)) }
  }

  /// The folded scalar, or nil when `s` is a combining mark that folding drops.
  @inline(__always)
  public func fold(_ s: Unicode.Scalar) -> Unicode.Scalar? {
    let v = s.value
    let f: UInt32
    if v < 0x250 { f = low[Int(v)] }
    else if v >= 0x1E00 && v < 0x1F00 { f = ext[Int(v - 0x1E00)] }
    else if v >= 0x300 && v < 0x370 { return nil }
    else {
      let lower = s.properties.lowercaseMapping.unicodeScalars
      return lower.count == 1 ? lower.first! : s
    }
    return f == 0 ? nil : Unicode.Scalar(f)
  }

  /// The search key of `text`.
  public func key(_ text: String) -> String {
    var view = String.UnicodeScalarView()
    for s in text.unicodeScalars { if let f = fold(s) { view.append(f) } }
    return String(view)
  }
}
