import Testing
import VNText

/// One syllable pattern and its spelling in each style.
struct ToneCase: CustomTestStringConvertible, Sendable {
  let classic: String
  let modern: String
  var testDescription: String { "\(classic) / \(modern)" }
}

@Suite("Tone-mark placement")
struct ToneMarkNormalizerTests {
  // Patterns where the styles differ (open oa, oe, uy) and where they must agree (finals, qu/gi,
  // quality-marked vowels, other diphthongs and triphthongs). Sources: vietnamese-entities.md §6.4.
  static let cases: [ToneCase] = [
    ToneCase(classic: "hòa", modern: "hoà"), ToneCase(classic: "Hòa", modern: "Hoà"),
    ToneCase(classic: "thủy", modern: "thuỷ"), ToneCase(classic: "khỏe", modern: "khoẻ"),
    ToneCase(classic: "ủy", modern: "uỷ"), ToneCase(classic: "Ủy ban", modern: "Uỷ ban"),
    ToneCase(classic: "hóa", modern: "hoá"), ToneCase(classic: "xòe", modern: "xoè"),
    ToneCase(classic: "lũy", modern: "luỹ"), ToneCase(classic: "HÒA", modern: "HOÀ"),
    ToneCase(classic: "tòa", modern: "toà"), ToneCase(classic: "Thụy", modern: "Thuỵ"),
    // Both styles agree:
    ToneCase(classic: "quý", modern: "quý"), ToneCase(classic: "quả", modern: "quả"),
    ToneCase(classic: "giá", modern: "giá"), ToneCase(classic: "giường", modern: "giường"),
    ToneCase(classic: "hoàng", modern: "hoàng"), ToneCase(classic: "thuyết", modern: "thuyết"),
    ToneCase(classic: "huỳnh", modern: "huỳnh"), ToneCase(classic: "toán", modern: "toán"),
    ToneCase(classic: "người", modern: "người"), ToneCase(classic: "ngoài", modern: "ngoài"),
    ToneCase(classic: "khuỷu", modern: "khuỷu"), ToneCase(classic: "mái", modern: "mái"),
    ToneCase(classic: "múa", modern: "múa"), ToneCase(classic: "thuở", modern: "thuở"),
    ToneCase(classic: "gìn", modern: "gìn"), ToneCase(classic: "quốc", modern: "quốc"),
    ToneCase(classic: "khuya", modern: "khuya"), ToneCase(classic: "Đảng", modern: "Đảng"),
  ]

  @Test("classic style", arguments: cases)
  func classic(_ c: ToneCase) {
    let n = ToneMarkNormalizer(style: .classic)
    #expect(n.normalize(c.modern) == c.classic)
    #expect(n.normalize(c.classic) == c.classic)
  }

  @Test("modern style", arguments: cases)
  func modern(_ c: ToneCase) {
    let n = ToneMarkNormalizer(style: .modern)
    #expect(n.normalize(c.classic) == c.modern)
    #expect(n.normalize(c.modern) == c.modern)
  }

  @Test("a mark on the wrong vowel is repaired")
  func misplaced() {
    let n = ToneMarkNormalizer(style: .classic)
    #expect(n.normalize("hóan") == "hoán")
    #expect(n.normalize("tóan") == "toán")
    #expect(n.normalize("Hoàng") == "Hoàng")
  }

  @Test("words that are not Vietnamese syllables are left alone")
  func foreign() {
    let n = ToneMarkNormalizer(style: .modern)
    for w in ["Trump", "café", "Hòaxyz", "PC45", "uyển", "Nguyễn"] { #expect(n.normalize(w) == w) }
  }

  @Test("a sentence in mixed styles comes out in one")
  func sentence() {
    let s = "Ủy viên Đảng uỷ, Thủ tướng chúc sức khoẻ, hòa bình và thuỷ lợi"
    #expect(ToneMarkNormalizer(style: .classic).normalize(s) == "Ủy viên Đảng ủy, Thủ tướng chúc sức khỏe, hòa bình và thủy lợi")
    #expect(ToneMarkNormalizer(style: .modern).normalize(s) == "Uỷ viên Đảng uỷ, Thủ tướng chúc sức khoẻ, hoà bình và thuỷ lợi")
  }
}
