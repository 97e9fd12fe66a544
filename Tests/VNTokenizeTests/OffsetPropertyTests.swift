import PropertyBased
import Testing
import VNCore
import VNTestSupport
import VNText
@testable import VNTokenize

@Suite("Offsets slice the original text")
struct OffsetPropertyTests {
  /// Every token and sentence span slices the original input to its text, tokens are in order and do
  /// not overlap, and only whitespace lies between tokens — on real articles from ../shared/data.
  @Test("on real articles", .enabled(if: SharedData.shared != nil, "skipped: ../shared/data is absent (needs real articles)"))
  func realArticles() throws {
    var texts = try SharedData.texts(archive: "baomoi-news/baomoi.jsonl.gz", limit: 400)
    texts += try SharedData.texts(archive: "dantri-unc/dantri-unc.jsonl.gz", limit: 100)
    try #require(!texts.isEmpty, "../shared/data is absent: this test needs real articles")
    let worker = try Fixture.tokenizer.makeWorker()
    for text in texts { check(text, worker) }
  }

  /// The same on messy variants: NFD, modern tones, NBSP, doubled spaces, zero-width characters.
  @Test("on messy variants of real articles", .enabled(if: SharedData.shared != nil, "skipped: ../shared/data is absent (needs real articles)"))
  func messyArticles() async throws {
    let texts = try SharedData.texts(archive: "baomoi-news/baomoi-police-gov.jsonl.gz", limit: 60)
    try #require(!texts.isEmpty, "../shared/data is absent: this test needs real articles")
    let worker = try Fixture.tokenizer.makeWorker()
    let modern = ToneMarkNormalizer(style: .modern)
    await propertyCheck(count: 60, input: Gen.int(in: 0...(texts.count - 1)), Gen.int(in: 0...3)) { i, variant in
      var t = texts[i]
      switch variant {
      case 0: t = UnicodeNFC.nfd(t)
      case 1: t = modern.normalize(t)
      case 2: t = t.split(separator: " ").joined(separator: "\u{A0} ")
      default: t = t.split(separator: " ").joined(separator: " \u{200B}")
      }
      check(t, worker)
    }
  }

  func check(_ text: String, _ worker: TokenizerWorker) {
    let n = Fixture.normalizer.normalize(text)
    let r = worker.tokenize(n)
    let scalars = Array(text.unicodeScalars)
    var last = 0
    for t in r.tokens {
      #expect(t.start >= last && t.end > t.start && t.end <= scalars.count)
      if t.start < last || t.end > scalars.count || t.end <= t.start { return }
      // Between tokens: only whitespace and characters the normaliser drops.
      for s in scalars[last..<t.start] {
        #expect(s.properties.isWhitespace || s.properties.generalCategory == .format || s.value == 0xAD || s.value < 0x20,
                "unexpected \(s) skipped near \(last)")
      }
      last = t.end
    }
    for s in r.sentences { #expect(s.start < s.end && s.end <= scalars.count) }
    // Sentences cover the tokens in order and never cut one.
    var si = 0
    for t in r.tokens {
      while si < r.sentences.count && r.sentences[si].end <= t.start { si += 1 }
      if si < r.sentences.count { #expect(r.sentences[si].start <= t.start && t.end <= r.sentences[si].end) }
    }
  }
}
