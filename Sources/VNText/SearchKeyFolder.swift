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

  /// The search key of `text`: every scalar folded (`fold(_:)`), worked on the UTF-8 bytes (ASCII through
  /// the table, other scalars decoded and re-encoded), with no per-scalar `String` work.
  public func key(_ text: String) -> String {
    var text = text
    var overflow = false
    let folded = text.withUTF8 { buf -> String in
      let n = buf.count
      return String(unsafeUninitializedCapacity: n) { out -> Int in
        // A folded scalar almost never needs more UTF-8 bytes than its source (table entries fold to
        // scalars below U+0250 or within U+1E00..U+1EFF); when one does (`Ⱥ` → `ⱥ`), the scalar path runs.
        var i = 0, o = 0
        @inline(__always) func put(_ v: UInt32) -> Bool {
          if v < 0x80 { guard o < n else { return false }; out[o] = UInt8(v); o += 1 }
          else if v < 0x800 {
            guard o + 2 <= n else { return false }
            out[o] = UInt8(0xC0 | (v >> 6)); out[o + 1] = UInt8(0x80 | (v & 0x3F)); o += 2
          } else if v < 0x10000 {
            guard o + 3 <= n else { return false }
            out[o] = UInt8(0xE0 | (v >> 12)); out[o + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
            out[o + 2] = UInt8(0x80 | (v & 0x3F)); o += 3
          } else {
            guard o + 4 <= n else { return false }
            out[o] = UInt8(0xF0 | (v >> 18)); out[o + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
            out[o + 2] = UInt8(0x80 | ((v >> 6) & 0x3F)); out[o + 3] = UInt8(0x80 | (v & 0x3F)); o += 4
          }
          return true
        }
        while i < n {
          let c = buf[i]
          if c < 0x80 {
            let f = low[Int(c)]
            if f != 0, !put(f) { overflow = true; return 0 }
            i += 1
            continue
          }
          // Valid UTF-8 (a Swift string): decode one scalar.
          var v: UInt32
          if c < 0xE0 {
            v = (UInt32(c & 0x1F) << 6) | UInt32(buf[i + 1] & 0x3F); i += 2
          } else if c < 0xF0 {
            v = (UInt32(c & 0x0F) << 12) | (UInt32(buf[i + 1] & 0x3F) << 6) | UInt32(buf[i + 2] & 0x3F); i += 3
          } else {
            v = (UInt32(c & 0x07) << 18) | (UInt32(buf[i + 1] & 0x3F) << 12) | (UInt32(buf[i + 2] & 0x3F) << 6)
              | UInt32(buf[i + 3] & 0x3F)
            i += 4
          }
          if let f = fold(Unicode.Scalar(v)!) {
            v = f.value
            if !put(v) { overflow = true; return 0 }
          }
        }
        return o
      }
    }
    return overflow ? referenceKey(text) : folded
  }

  /// `key(_:)` computed scalar by scalar through `String.UnicodeScalarView` (the reference the tests compare with).
  public func referenceKey(_ text: String) -> String {
    var view = String.UnicodeScalarView()
    for s in text.unicodeScalars { if let f = fold(s) { view.append(f) } }
    return String(view)
  }
}
