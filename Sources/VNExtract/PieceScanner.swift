import VNCore
import VNText

/// What a piece of text is and how it is written; bit flags kept in one word for a small `Piece`.
struct PieceFlags: OptionSet, Sendable {
  let rawValue: UInt16
  /// A run of letters and/or digits (else one punctuation or symbol character).
  static let word = PieceFlags(rawValue: 1 << 0)
  /// The first letter is upper case (`Công`, `TP`, `V28`).
  static let upperFirst = PieceFlags(rawValue: 1 << 1)
  /// Every letter is upper case and there are at least two letters (`CAND`, `PC44`, `ĐBQH`).
  static let allUpper = PieceFlags(rawValue: 1 << 2)
  static let digitsOnly = PieceFlags(rawValue: 1 << 3)
  static let hasDigit = PieceFlags(rawValue: 1 << 4)
  static let hasLetter = PieceFlags(rawValue: 1 << 5)
  /// Only ASCII scalars: text typed without diacritics, matched on the folded key alone.
  static let ascii = PieceFlags(rawValue: 1 << 6)
  /// White space separates it from the previous piece.
  static let spaceBefore = PieceFlags(rawValue: 1 << 7)
  /// A line break separates it from the previous piece.
  static let lineBefore = PieceFlags(rawValue: 1 << 8)
  /// The first word of a sentence, whose capital says nothing about a name.
  static let sentenceStart = PieceFlags(rawValue: 1 << 9)
}

/// One piece of the normalised text: a run of letters and digits, or one punctuation character.
///
/// Offsets are scalar offsets into the NORMALISED text; `key` is the hash of the search key
/// (`Đại úy` → `dai uy`), `exact` the hash of the lower-cased text with its marks.
struct Piece: Sendable {
  var start: Int32
  var end: Int32
  var key: UInt64
  var exact: UInt64
  var flags: PieceFlags
  /// The first scalar, with dashes folded to `-` and curly quotes to `"` (punctuation lookups).
  var first: UInt32

  @inline(__always) var isWord: Bool { flags.contains(.word) }
  @inline(__always) var isCap: Bool { flags.contains(.upperFirst) }
  @inline(__always) var length: Int { Int(end - start) }
  @inline(__always) func isPunct(_ c: UInt32) -> Bool { !flags.contains(.word) && first == c }
}

/// Splits normalised text into pieces, once per document, with fixed lookup tables (no per-piece String).
///
/// `Bô Công an (PC45)` → `Bô` `Công` `an` `(` `PC45` `)`; the folded keys equal those of `Bộ Công an`
/// up to the mark on `ô`, which the gazetteer match tolerates (see `PhraseTable`).
struct PieceScanner: Sendable {
  enum CharClass: UInt8 { case other, upper, lower, digit, mark, space, newline }
  private let classes: [CharClass]   // U+0000..U+024F then U+1E00..U+1EFF
  private let folded: [UInt32]
  private let lowered: [UInt32]
  /// The three tables packed for the scan's hot loop: class | fold << 8 | lower << 32 (same index).
  private let packed: [UInt64]

  init() {
    let folder = SearchKeyFolder()
    var c: [CharClass] = []; var f: [UInt32] = []; var l: [UInt32] = []
    let ranges = [0..<0x250, 0x1E00..<0x1F00]
    for r in ranges {
      for v in r {
        let s = Unicode.Scalar(UInt32(v))!
        let p = s.properties
        let cls: CharClass
        if v == 0x0A || v == 0x0D { cls = .newline }
        else if p.isWhitespace { cls = .space }
        else if v >= 0x30 && v <= 0x39 { cls = .digit }
        else if p.isUppercase { cls = .upper }
        else if p.isLowercase { cls = .lower }
        else { cls = .other }
        c.append(cls)
        f.append(folder.fold(s)?.value ?? 0)
        let low = p.lowercaseMapping.unicodeScalars
        l.append(low.count == 1 ? low.first!.value : UInt32(v))
      }
    }
    classes = c; folded = f; lowered = l
    packed = (0..<c.count).map { UInt64(c[$0].rawValue) | UInt64(f[$0]) << 8 | UInt64(l[$0]) << 32 }
  }

  /// Class, fold and lower case of `v` in one look-up (the slow path outside the tables).
  @inline(__always) private func entry(_ v: UInt32, _ p: UnsafeBufferPointer<UInt64>) -> (CharClass, UInt32, UInt32) {
    let i: Int
    if v < 0x250 { i = Int(v) } else if v >= 0x1E00 && v < 0x1F00 { i = 0x250 + Int(v - 0x1E00) } else {
      return (charClass(v), fold(v), lower(v))
    }
    let e = p[i]
    return (CharClass(rawValue: UInt8(truncatingIfNeeded: e))!, UInt32(truncatingIfNeeded: e >> 8) & 0xFFFFFF, UInt32(truncatingIfNeeded: e >> 32))
  }

  @inline(__always) private func index(_ v: UInt32) -> Int? {
    if v < 0x250 { return Int(v) }
    if v >= 0x1E00 && v < 0x1F00 { return 0x250 + Int(v - 0x1E00) }
    return nil
  }

  @inline(__always) func charClass(_ v: UInt32) -> CharClass {
    if let i = index(v) { return classes[i] }
    if v >= 0x300 && v < 0x370 { return .mark }
    if v == 0x2028 || v == 0x2029 { return .newline }
    guard let s = Unicode.Scalar(v) else { return .other }
    let p = s.properties
    if p.isWhitespace { return .space }
    if p.generalCategory == .nonspacingMark { return .mark }
    if p.isUppercase { return .upper }
    if p.isAlphabetic { return .lower }
    return .other
  }

  @inline(__always) func fold(_ v: UInt32) -> UInt32 {
    if let i = index(v) { return folded[i] }
    if v >= 0x300 && v < 0x370 { return 0 }
    return v
  }

  @inline(__always) func lower(_ v: UInt32) -> UInt32 {
    if let i = index(v) { return lowered[i] }
    return v
  }

  static let seed: UInt64 = 0xcbf29ce484222325
  @inline(__always) static func mix(_ h: UInt64, _ v: UInt32) -> UInt64 { (h ^ UInt64(v)) &* 0x100000001b3 }

  /// Dashes and quotes as one key each: `–`, `—`, `‑`, `−` → `-`; `“`, `”`, `„` → `"`.
  @inline(__always) static func punctKey(_ v: UInt32) -> UInt32 {
    switch v {
    case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212: return 0x2D
    case 0x201C, 0x201D, 0x201E, 0x00AB, 0x00BB: return 0x22
    case 0x2018, 0x2019: return 0x27
    default: return v
    }
  }

  /// Pieces of `scalars` (normalised text).
  func scan(_ scalars: [Unicode.Scalar]) -> [Piece] {
    var out: [Piece] = []
    out.reserveCapacity(scalars.count / 4)
    packed.withUnsafeBufferPointer { p in
      scalars.withUnsafeBufferPointer { sc in
        var i = 0
        let n = sc.count
        var space = false, line = true, boundary = true, afterOpen = false
        while i < n {
          let v = sc[i].value
          let (cls, _, _) = entry(v, p)
          switch cls {
          case .space: space = true; i += 1; continue
          case .newline: line = true; space = true; boundary = true; i += 1; continue
          case .upper, .lower, .digit, .mark:
            let start = i
            var key = PieceScanner.seed, exact = PieceScanner.seed
            var upperFirst = false, letters = 0, uppers = 0, digits = 0, ascii = true, seenLetter = false
            while i < n {
              let u = sc[i].value
              let (c, f, l) = entry(u, p)
              if c == .upper || c == .lower {
                if !seenLetter { upperFirst = c == .upper; seenLetter = true }
                letters += 1; if c == .upper { uppers += 1 }
              } else if c == .digit { digits += 1 }
              else if c != .mark { break }
              if u >= 0x80 { ascii = false }
              if f != 0 { key = PieceScanner.mix(key, f) }
              exact = PieceScanner.mix(exact, l)
              i += 1
            }
            var flags: PieceFlags = [.word]
            if upperFirst { flags.insert(.upperFirst) }
            if letters >= 2 && uppers == letters { flags.insert(.allUpper) }
            if letters == 0 { flags.insert(.digitsOnly) }
            if digits > 0 { flags.insert(.hasDigit) }
            if letters > 0 { flags.insert(.hasLetter) }
            if ascii { flags.insert(.ascii) }
            if space { flags.insert(.spaceBefore) }
            if line { flags.insert(.lineBefore) }
            if boundary && (space || line || afterOpen) { flags.insert(.sentenceStart) }
            out.append(Piece(start: Int32(start), end: Int32(i), key: key, exact: exact, flags: flags,
                             first: sc[start].value))
            space = false; line = false; boundary = false; afterOpen = false
          case .other:
            let k = PieceScanner.punctKey(v)
            var flags: PieceFlags = []
            if space { flags.insert(.spaceBefore) }
            if line { flags.insert(.lineBefore) }
            let h = PieceScanner.mix(PieceScanner.seed &+ 1, k)
            out.append(Piece(start: Int32(i), end: Int32(i + 1), key: h, exact: h, flags: flags, first: k))
            // Sentence ends: . ! ? … and : (a quote after a colon starts with a capital for no name reason).
            if k == 0x2E || k == 0x21 || k == 0x3F || k == 0x2026 || k == 0x3A { boundary = true }
            afterOpen = k == 0x22 || k == 0x28 || k == 0x27 || k == 0x5B
            space = false; line = false
            i += 1
          }
        }
      }
    }
    return out
  }

  /// Pieces of a data-file phrase (already normalised).
  func pieces(of phrase: String) -> [Piece] { scan(Array(phrase.unicodeScalars)) }
}
