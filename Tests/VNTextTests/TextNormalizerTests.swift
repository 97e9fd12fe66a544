import Foundation
import Testing
import VNCore
import VNTestSupport
@testable import VNText

@Suite("Text normaliser")
struct TextNormalizerTests {
  let models = ModelDirectory(path: SharedData.modelsPath)

  func normalizer(_ options: NormalizationOptions = NormalizationOptions()) throws -> TextNormalizer {
    TextNormalizer(options: options, legacy: try LegacyDecoder.load(from: models))
  }

  @Test("NFD input becomes NFC and maps back to the original")
  func nfd() throws {
    // "Hòa Bình" typed with combining marks: o + U+0300, i + U+0300.
    let original = "Ho\u{300}a Bi\u{300}nh"
    let n = try normalizer().normalize(original)
    #expect(n.text == "Hòa Bình")
    #expect(n.text.unicodeScalars.count == 8)
    // "Bình" is scalars 4..<8 of the result and 5..<10 of the original.
    let r = n.alignment.originalRange(4, 8)
    #expect(original.scalarSlice(r.start, r.end) == "Bi\u{300}nh")
  }

  @Test("NFD of a whole article equals Unicode NFC")
  func nfdArticle() throws {
    let text = "Thượng tướng Nguyễn Văn Thành, Thứ trưởng Bộ Công an, chủ trì hội nghị ở Hà Nội."
    let decomposed = UnicodeNFC.nfd(text)
    #expect(decomposed.unicodeScalars.count > text.unicodeScalars.count)
    #expect(try normalizer().normalize(decomposed).text == text)
  }

  @Test("missing space after , ; : before a letter is inserted, not between digits")
  func spacing() throws {
    let n = try normalizer()
    #expect(n.normalize("yêu cầu,thời gian tới").text == "yêu cầu, thời gian tới")
    #expect(n.normalize("gồm:Bộ Công an;Bộ Quốc phòng").text == "gồm: Bộ Công an; Bộ Quốc phòng")
    #expect(n.normalize("tăng 3,5% lúc 10:30").text == "tăng 3,5% lúc 10:30")
    let r = n.normalize("cầu,thời")
    #expect(r.text == "cầu, thời")
    // "thời" (normalised 5..<9) is original 4..<8; the inserted space does not widen the comma (3..<4).
    #expect(r.alignment.originalRange(5, 9) == (4, 8))
    #expect(r.alignment.originalRange(3, 4) == (3, 4))
    #expect(r.alignment.originalRange(3, 5) == (3, 4))
  }

  @Test("invisible junk goes, NBSP and repeated spaces fold, ð becomes đ")
  func cleanup() throws {
    let n = try normalizer()
    #expect(n.normalize("Bộ\u{A0}Công\u{200B} an").text == "Bộ Công an")
    #expect(n.normalize("Thứ  trưởng   Thành").text == "Thứ trưởng Thành")
    #expect(n.normalize("ðồng chí Ðặng").text == "đồng chí Đặng")
    #expect(n.normalize("\u{FEFF}Quốc hội\u{AD}").text == "Quốc hội")
  }

  @Test("each step can be switched off")
  func switches() throws {
    var o = NormalizationOptions()
    o.toneStyle = nil
    o.spacing = false
    let n = try normalizer(o)
    #expect(n.normalize("hoà,thuỷ").text == "hoà,thuỷ")
    o.nfc = false
    #expect(try normalizer(o).normalize("Ho\u{300}a").text == "Ho\u{300}a")
  }

  @Test("search key: lower case, no marks, đ → d")
  func searchKey() {
    let f = SearchKeyFolder()
    #expect(f.key("Nguyễn Văn Thành") == "nguyen van thanh")
    #expect(f.key("Đặng Thị Ngọc Thịnh") == "dang thi ngoc thinh")
    #expect(f.key("ĐẠI ÚY QUÂN ĐỘI") == "dai uy quan doi")
    #expect(f.key("Bộ Công an") == "bo cong an")
    #expect(f.key("144/2021/NĐ-CP") == "144/2021/nd-cp")
    #expect(f.key("Ho\u{300}a") == "hoa")
  }

  @Test("search key on bytes equals folding scalar by scalar: generated strings, and real articles when present")
  func searchKeyMatchesReference() throws {
    let f = SearchKeyFolder()
    // Scalars from every range the fold treats differently: ASCII, Latin-1 and Latin Extended (table),
    // combining marks (dropped), Vietnamese precomposed (U+1Exx), Greek/Cyrillic (lowercase mapping),
    // letters whose lowercase is longer in UTF-8 (Ⱥ → ⱥ), CJK, emoji.
    let pool: [UInt32] = Array(0x20...0x7E) + [0x0A, 0x00, 0xC0, 0xD0, 0xDF, 0xE0, 0x110, 0x111, 0x1A0, 0x1AF, 0x130, 0x23A, 0x23E,
      0x300, 0x301, 0x303, 0x309, 0x323, 0x345, 0x391, 0x3A9, 0x410, 0x42F, 0x1E00, 0x1EA0, 0x1EE8, 0x1EF9, 0x1EFF, 0x2C65,
      0x4E2D, 0xAC00, 0x1F600, 0x10400]
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<20_000 {
      var v = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 0...12, using: &rng) { v.append(Unicode.Scalar(pool.randomElement(using: &rng)!)!) }
      let s = String(v)
      #expect(f.key(s) == f.referenceKey(s), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
    }
    guard SharedData.shared != nil else { return }
    for t in try SharedData.texts(archive: "baomoi-news/baomoi.jsonl.gz", limit: 300) {
      #expect(f.key(t) == f.referenceKey(t))
      let d = UnicodeNFC.nfd(t)
      #expect(f.key(d) == f.referenceKey(d))
    }
  }

  @Test("normalising twice equals normalising once, on real articles", .enabled(if: SharedData.shared != nil, "skipped: ../shared/data is absent (needs real articles)"))
  func idempotentOnArticles() throws {
    let texts = try SharedData.texts(archive: "baomoi-news/baomoi.jsonl.gz", limit: 300)
    try #require(!texts.isEmpty, "../shared/data is absent: this test needs real articles")
    for style in ToneStyle.allCases {
      var o = NormalizationOptions()
      o.toneStyle = style
      let n = try normalizer(o)
      for t in texts {
        let once = n.normalize(t).text
        #expect(n.normalize(once).text == once)
        // Also on a decomposed, double-spaced, modern-toned copy.
        let messy = UnicodeNFC.nfd(t).replacingOccurrences(of: " ", with: "  ")
        let m1 = n.normalize(messy).text
        #expect(n.normalize(m1).text == m1)
      }
    }
  }

  @Test("alignment maps every normalised word back to an original slice with the same search key")
  func alignmentOnMessyText() throws {
    let n = try normalizer()
    let f = SearchKeyFolder()
    let original = "Thượng\u{A0}tướng  Nguye\u{302}\u{303}n Va\u{306}n Tha\u{300}nh,Thứ trưởng Bô\u{323} Công an"
    let r = n.normalize(original)
    let scalars = Array(r.text.unicodeScalars)
    var start = 0
    for i in 0...scalars.count where i == scalars.count || scalars[i] == " " {
      if i > start {
        let word = String(String.UnicodeScalarView(scalars[start..<i]))
        let o = r.alignment.originalRange(start, i)
        let slice = original.scalarSlice(o.start, o.end)
        #expect(f.key(UnicodeNFC.nfc(slice)).replacingOccurrences(of: "\u{A0}", with: "") == f.key(word), "\(word) ↔ \(slice)")
      }
      start = i + 1
    }
  }
}
