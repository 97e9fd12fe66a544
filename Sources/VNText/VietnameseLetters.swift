/// The Vietnamese vowel letters as (base, tone) pairs, the basis of tone placement and folding.
///
/// Bases are the 12 vowel letters with their quality marks: a ă â e ê i o ô ơ u ư y.
/// Tones are the 6 of Vietnamese: none, huyền (grave), sắc (acute), hỏi (hook), ngã (tilde), nặng (dot).
/// The table is built from literal NFC strings, so it needs no Unicode data at run time.
public enum VietnameseLetters {
  /// Row = base vowel, column = tone (none, huyền, sắc, hỏi, ngã, nặng). Lower case, NFC.
  static let rows: [String] = [
    "aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị",
    "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ",
  ]
  /// ASCII letter of each base (search-key fold).
  static let asciiBase: [UInt8] = Array("aaaeeiooouuy".utf8)
  /// Bases that carry a quality mark (ă â ê ô ơ ư): the tone goes on them.
  static let markedBase: [Bool] = [false, true, true, false, true, false, false, true, true, false, true, false]
  static let baseA = 0, baseE = 3, baseI = 5, baseO = 6, baseU = 9, baseY = 11

  /// A vowel letter decoded: base index 0..<12, tone 0..<6, upper case or not.
  public struct Vowel: Sendable, Equatable {
    public var base: Int
    public var tone: Int
    public var upper: Bool
  }

  /// Scalar → vowel, for the 144 Vietnamese vowel letters.
  static let vowelOf: [UInt32: Vowel] = {
    var map: [UInt32: Vowel] = [:]
    for (b, row) in rows.enumerated() {
      for (t, ch) in row.unicodeScalars.enumerated() {
        map[ch.value] = Vowel(base: b, tone: t, upper: false)
        let up = String(ch).uppercased().unicodeScalars
        if up.count == 1, let u = up.first { map[u.value] = Vowel(base: b, tone: t, upper: true) }
      }
    }
    return map
  }()

  /// (base, tone, upper) → scalar.
  static let scalarOf: [[Unicode.Scalar]] = {
    var out: [[Unicode.Scalar]] = []
    for row in rows {
      let lower = Array(row.unicodeScalars)
      let upper = lower.map { String($0).uppercased().unicodeScalars.first! }
      out.append(lower + upper)
    }
    return out
  }()

  /// `vowelOf` as flat arrays for U+0000–U+01B0 and U+1EA0–U+1EF9 (no hashing on the hot path).
  static let lowTable: [Vowel?] = (0...0x1B0).map { vowelOf[UInt32($0)] }
  static let highTable: [Vowel?] = (0x1EA0...0x1EF9).map { vowelOf[UInt32($0)] }

  @inline(__always)
  public static func vowel(_ s: Unicode.Scalar) -> Vowel? {
    // All Vietnamese vowels are ASCII letters or in U+00C0..U+01B0, U+1EA0..U+1EF9.
    let v = s.value
    if v <= 0x1B0 { return lowTable[Int(v)] }
    if v >= 0x1EA0 && v <= 0x1EF9 { return highTable[Int(v - 0x1EA0)] }
    return nil
  }

  @inline(__always)
  public static func scalar(base: Int, tone: Int, upper: Bool) -> Unicode.Scalar {
    scalarOf[base][tone + (upper ? 6 : 0)]
  }

  /// `đ`/`Đ`, which has no Unicode decomposition and so survives every mark-stripping fold.
  @inline(__always)
  public static func isDStroke(_ s: Unicode.Scalar) -> Bool { s.value == 0x111 || s.value == 0x110 }

  /// Lower-case ASCII of a consonant letter, or nil when `s` is not a plain Latin letter.
  @inline(__always)
  static func asciiLower(_ s: Unicode.Scalar) -> UInt8? {
    let v = s.value
    if v >= 0x61 && v <= 0x7A { return UInt8(v) }
    if v >= 0x41 && v <= 0x5A { return UInt8(v + 0x20) }
    return nil
  }
}
