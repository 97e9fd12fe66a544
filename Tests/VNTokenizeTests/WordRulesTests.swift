import Foundation
import Testing
import VNTestSupport
@testable import VNTokenize

/// The tokenizer's own UAX #29 word rules must give exactly ICU's word boundaries and status classes (none,
/// number, letters) on every text they accept, and refuse texts with characters they do not cover.
@Suite("word rules equal ICU")
struct WordRulesTests {
  static func statusClass(_ s: Int32) -> Int32 { s < 100 ? 0 : s < 200 ? 100 : s < 500 ? 200 : s }

  /// nil when the rules refused the text; else (ours, ICU's) boundaries with status classes.
  static func compare(_ text: String, _ icu: ICUBreaker) -> (ours: [Int32], icu: [Int32])? {
    let u = Array(text.utf16)
    var p: [Int32] = [], s: [Int32] = []
    guard WordRules.shared.run(u, positions: &p, statuses: &s) else { return nil }
    let r = icu.run(u)
    let ours = zip(p, s).flatMap { [$0, statusClass($1)] }
    let theirs = zip(r.positions, r.statuses).flatMap { [$0, statusClass($1)] }
    return (ours, theirs)
  }

  @Test("real articles: baomoi and dantri (3,000 documents)",
        .enabled(if: SharedData.shared != nil, "skipped: ../shared/data is absent"))
  func realArticles() throws {
    let icu = try ICUBreaker(.word)
    var texts = try SharedData.texts(archive: "baomoi-news/baomoi.jsonl.gz", limit: 2_000)
    texts += try SharedData.texts(archive: "dantri-unc/dantri-unc.jsonl.gz", limit: 1_000)
    #expect(texts.count == 3_000)
    var accepted = 0, mismatches = 0
    for t in texts {
      guard let r = Self.compare(t, icu) else { continue }
      accepted += 1
      if r.ours != r.icu {
        mismatches += 1
        if mismatches <= 3 {
          let i = zip(r.ours, r.icu).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? 0
          Issue.record("at pair \(i / 2): ours \(r.ours[max(0, i - 4)..<min(r.ours.count, i + 4)]) icu \(r.icu[max(0, i - 4)..<min(r.icu.count, i + 4)]) in \(t.prefix(60))")
        }
      }
    }
    #expect(mismatches == 0)
    #expect(accepted > 2_700, "the rules should cover nearly all Vietnamese news texts (\(accepted))")
  }

  @Test("generated strings: letters, digits, separators, quotes, marks, spaces, line breaks (30,000)")
  func generated() throws {
    let icu = try ICUBreaker(.word)
    let alphabet: [String] = ["a", "b", "ô", "ễ", "A", "Đ", "1", "2", "0", ".", ",", ";", ":", "'", "’", "‘", "-", "–", "/",
                              "&", "@", "%", "$", "(", ")", "\"", " ", " ", "\u{00A0}", "\u{2009}", "\t", "\n", "\r", "\r\n", "\u{2028}",
                              "\u{85}", "\u{0300}", "\u{0323}", "\u{00AD}", "\u{200B}", "·", "×", "²", "ª", "…", "π", "Ж", "€", "℃", "\u{2060}"]
    var rng = SplitMix(seed: 7)
    var mismatches = 0, refused = 0
    for _ in 0..<30_000 {
      let len = Int(rng.next() % 12) + 1
      var s = ""
      for _ in 0..<len { s += alphabet[Int(rng.next() % UInt64(alphabet.count))] }
      guard let r = Self.compare(s, icu) else { refused += 1; continue }
      if r.ours != r.icu {
        mismatches += 1
        if mismatches <= 8 { Issue.record("\(s.unicodeScalars.map { String($0.value, radix: 16) }) ours \(r.ours) icu \(r.icu)") }
      }
    }
    #expect(mismatches == 0)
    #expect(refused == 0)
  }

  @Test("texts outside the covered scripts are refused (ICU handles them)")
  func refused() {
    var p: [Int32] = [], s: [Int32] = []
    for t in ["Thủ tướng 李克强 nói", "ภาษาไทย", "カタカナ", "😀 vui", "a\u{200D}b", "שלום", "snake_case"] {
      #expect(!WordRules.shared.run(Array(t.utf16), positions: &p, statuses: &s), "\(t)")
    }
    #expect(WordRules.shared.run(Array("Bộ Công an, 15.3.2020".utf16), positions: &p, statuses: &s))
  }
}

@Test("which characters make real articles fall back to ICU (development aid)",
      .enabled(if: ProcessInfo.processInfo.environment["VNMINE_WORD_REFUSALS"] != nil, "development aid: set VNMINE_WORD_REFUSALS"))
func wordRuleRefusals() throws {
  var counts: [UInt32: Int] = [:]
  var p: [Int32] = [], s: [Int32] = []
  for t in try SharedData.texts(archive: "baomoi-news/baomoi.jsonl.gz", limit: 2_000) {
    if WordRules.shared.run(Array(t.utf16), positions: &p, statuses: &s) { continue }
    for c in Set(t.unicodeScalars.map(\.value)) {
      var q: [Int32] = [], r: [Int32] = []
      if !WordRules.shared.run(Array(String(Unicode.Scalar(c)!).utf16), positions: &q, statuses: &r) { counts[c, default: 0] += 1 }
    }
  }
  for (c, n) in counts.sorted(by: { $0.value > $1.value }).prefix(30) { print("REFUSAL", String(c, radix: 16), n) }
}
