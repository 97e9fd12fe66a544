import Testing
import VNTestSupport
@testable import VNTokenize

/// The tokenizer's own UAX #29 sentence rules must give exactly the boundaries of ICU's sentence iterator
/// (the reference), on real articles and on generated strings dense with the characters the rules look at.
@Suite("sentence rules equal ICU")
struct SentenceRulesTests {
  static func compare(_ text: String, _ icu: ICUBreaker) -> (ours: [Int32], icu: [Int32]) {
    let u = Array(text.utf16)
    let ours = SentenceRules.shared.boundaries(u)
    return (ours, Array(icu.run(u).positions))
  }

  @Test("real articles: baomoi and dantri (3,000 documents)",
        .enabled(if: SharedData.shared != nil, "skipped: ../shared/data is absent"))
  func realArticles() throws {
    let icu = try ICUBreaker(.sentence)
    var texts = try SharedData.texts(archive: "baomoi-news/baomoi.jsonl.gz", limit: 2_000)
    texts += try SharedData.texts(archive: "dantri-unc/dantri-unc.jsonl.gz", limit: 1_000)
    #expect(texts.count == 3_000)
    var boundaries = 0
    for t in texts {
      let r = Self.compare(t, icu)
      #expect(r.ours == r.icu, "\(t.prefix(80))")
      boundaries += r.icu.count
    }
    #expect(boundaries > 30_000)
  }

  @Test("generated strings: terminators, quotes, brackets, spaces, separators, digits, cases, marks (20,000)")
  func generated() throws {
    let icu = try ICUBreaker(.sentence)
    let alphabet: [String] = [".", ".", "!", "?", "…", "。", "\"", "”", "“", "'", "(", ")", "[", " ", " ", "\u{00A0}", "\n", "\r", "\r\n",
                              "\u{2029}", "\u{85}", "a", "b", "ô", "A", "Đ", "Ô", "1", "2", ",", ";", ":", "-", "–", "\u{0300}",
                              "\u{0323}", "\u{200D}", "\u{00AD}", "\t", "中", "😀", "\u{11047}", "TP", "vd", "U"]
    var rng = SplitMix(seed: 20261129)
    var mismatches = 0
    for _ in 0..<20_000 {
      let len = Int(rng.next() % 14) + 1
      var s = ""
      for _ in 0..<len { s += alphabet[Int(rng.next() % UInt64(alphabet.count))] }
      let r = Self.compare(s, icu)
      if r.ours != r.icu {
        mismatches += 1
        if mismatches <= 5 { Issue.record("\(s.unicodeScalars.map { String($0.value, radix: 16) }) ours \(r.ours) icu \(r.icu)") }
      }
    }
    #expect(mismatches == 0)
  }
}

/// A small seeded generator (SplitMix64), so failures reproduce.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
