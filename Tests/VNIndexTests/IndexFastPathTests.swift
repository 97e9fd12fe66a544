import Foundation
import Testing
import VNCore
@testable import VNIndex

/// The index's fast paths against the straightforward code they replace: the text member decoded without
/// the JSON parser, snippets cut from UTF-8 bytes, and refreshes deferred to the end of a run.
@Suite("index fast paths agree with the plain implementations")
struct IndexFastPathTests {
  /// JSON string tokens (as they appear in a line) with escapes, surrogate pairs, lone surrogates,
  /// multi-byte UTF-8 and invalid UTF-8.
  static let tokens: [[UInt8]] = [
    Array(#""""#.utf8),
    Array(#""Bộ Công an""#.utf8),
    Array(#""dòng 1\ndòng 2\r\n\ttab \"trích\" \\ \/ \b\f""#.utf8),
    Array(#""\u0110\u1eb7ng V\u0103n Nam \ud83d\ude00 end""#.utf8),
    Array(#""lone \ud83d here and \ude00 there, \ud83d\u0041 pair-less""#.utf8),
    Array(#""emoji 😀 and 𝕏, CJK 漢字, combining a\u0301""#.utf8),
    [0x22, 0x61, 0xC3, 0x28, 0x62, 0xE1, 0xBB, 0x22],             // invalid continuation, truncated sequence
    [0x22, 0xED, 0xA0, 0x80, 0xF4, 0x90, 0x80, 0x80, 0xC0, 0xAF, 0x22],  // surrogate, > U+10FFFF, overlong
    Array(String(repeating: "Nguyễn Văn Thành, ", count: 40).utf8).wrappedInQuotes,
  ]

  @Test("the text member decodes to what the JSON parser gives, with the same scalar count")
  func textMember() throws {
    for token in Self.tokens {
      let line = Array(#"{"schema":"vnmine/1","id":"x","text":"#.utf8) + token + Array(#","entities":[]}"#.utf8)
      let expected = try #require(try JSONValue.parse(line)["text"]?.string)
      var cut = line
      let text = try #require(TextMember.extract(&cut), "fast path refused \(String(decoding: token, as: UTF8.self))")
      #expect(String(decoding: text.bytes, as: UTF8.self) == expected)
      #expect(text.count == expected.unicodeScalars.count)
      #expect(try JSONValue.parse(cut)["text"]?.string == "")
      let scalars = Array(expected.unicodeScalars)
      for k in stride(from: 0, through: scalars.count, by: 7) {
        let prefix = String(String.UnicodeScalarView(scalars[..<k]))
        #expect(text.byteOffset(ofScalar: k) == prefix.utf8.count)
      }
      guard case .document(let doc) = try IndexRecord.decode(Data(line), source: "t", lineNumber: 1) else {
        Issue.record("not a document"); continue
      }
      #expect(doc.text == expected)
    }
  }

  @Test("malformed lines get the JSON parser's message, offsets in the original line")
  func malformed() throws {
    for line in [#"{"text":"abc\q","id":"x"}"#, #"{"text":"ok" "id":"x"}"#, #"{"text":"unterminated"#,
                 "{\"text\":\"raw\u{01}control\"}"] {
      let parserMessage: String
      do { _ = try JSONValue.parse(Array(line.utf8)); Issue.record("parsed: \(line)"); continue } catch {
        parserMessage = "not a vnmine/1 JSON object (\(error.message) at byte \(error.offset))"
      }
      #expect(throws: IndexError.badRecord(source: "t", line: 3, message: parserMessage)) {
        try IndexRecord.decode(Data(line.utf8), source: "t", lineNumber: 3)
      }
    }
  }

  /// The snippet as computed before on an array of scalars (the reference).
  static func referenceSnippet(_ text: [Unicode.Scalar], start: Int, end: Int) -> String {
    let n = text.count
    let s = max(0, min(start, n)), e = max(s, min(end, n))
    var lo = s, hi = e
    while lo > 0 && s - lo < Snippet.before && text[lo - 1] != "\n" { lo -= 1 }
    while hi < n && hi - e < Snippet.after && text[hi] != "\n" { hi += 1 }
    let cutLeft = lo > 0 && text[lo - 1] != "\n"
    let cutRight = hi < n && text[hi] != "\n"
    if cutLeft {
      while lo < s && text[lo] != " " { lo += 1 }
      if lo < s { lo += 1 }
    }
    if cutRight {
      while hi > e && text[hi - 1] != " " { hi -= 1 }
      if hi > e { hi -= 1 }
    }
    var view = String.UnicodeScalarView()
    if cutLeft { view.append("…") }
    for i in lo..<hi where text[i] != "\r" { view.append(text[i] == "\t" ? " " : text[i]) }
    if cutRight { view.append("…") }
    return String(String(view).trimmingSpaces())
  }

  @Test("snippets cut from UTF-8 equal the scalar-array snippets")
  func snippets() throws {
    let line = try String(contentsOfFile: IndexFixtures.seed, encoding: .utf8).split(separator: "\n")[0]
    let seedText = try #require(try JSONValue.parse(Array(line.utf8))["text"]?.string)
    let texts = [seedText, "a\r\nb\tc  Nguyễn Văn Thành 😀\n\nx", "", "Đặng", String(repeating: "ầ ", count: 300) + "\n",
                 String(repeating: "😀ầa", count: 97), String(repeating: "x", count: 129),
                 // Spaces at uncut ends next to non-ASCII scalars: a combining mark after a leading space, a
                 // prepended concatenation mark (U+0600) before a trailing one, spaces before an ellipsis.
                 " \u{301}a b \u{600} \n  \u{300}  x  \n   é  \n\u{600} ", String(repeating: " ", count: 75) + "ab" + String(repeating: " ", count: 130)]
    for text in texts {
      let utf8 = UTF8Text(text)
      let scalars = Array(text.unicodeScalars)
      #expect(utf8.count == scalars.count)
      // The string initialiser (word-at-a-time count) agrees with the validating one, mark for mark.
      let validated = try #require(UTF8Text(validUTF8: Array(text.utf8)))
      #expect((0...scalars.count).map { utf8.byteOffset(ofScalar: $0) } == (0...scalars.count).map { validated.byteOffset(ofScalar: $0) })
      let n = scalars.count
      for start in stride(from: -2, through: n + 2, by: max(1, n / 97)) {
        for len in [0, 1, 5, 16] {
          let reference = Self.referenceSnippet(scalars, start: start, end: start + len)
          #expect(Snippet.around(utf8, start: start, end: start + len) == reference, "start \(start) len \(len)")
          #expect(Snippet.utf8(around: utf8, start: start, end: start + len) == Array(reference.utf8))
        }
      }
    }
  }

  @Test("entities left stale by an interrupted run are refreshed when the index is next opened for writing")
  func staleRefreshedAtOpen() throws {
    let clean = try IndexFixtures.build([IndexFixtures.seed, IndexFixtures.homonyms])
    let cleanCounts = try IndexReader(path: clean.path).counts()
    let cleanHits = try IndexReader(path: clean.path).search("nguyen van thanh", limit: 10).map(\.name)

    let path = IndexFixtures.databasePath()
    do {
      let writer = try IndexWriter(path: path, gazetteer: IndexFixtures.gazetteer, refreshInterval: .infinity)
      for file in [IndexFixtures.seed, IndexFixtures.homonyms] {
        let docs = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").compactMap { line in
          if case .document(let d)? = try? IndexRecord.decode(Data(line.utf8), source: file, lineNumber: 1) { d } else { nil }
        }
        try writer.add(docs, deferRefresh: true)
      }
      // The writer goes away without `refresh()`, as a killed run would.
    }
    #expect(try IndexReader(path: path).search("nguyen van thanh", limit: 10).isEmpty, "the run left its entities stale")
    let reopened = try IndexWriter(path: path, gazetteer: IndexFixtures.gazetteer)
    #expect(try reopened.counts() == cleanCounts)
    #expect(try IndexReader(path: path).search("nguyen van thanh", limit: 10).map(\.name) == cleanHits)
    #expect(try IndexReader(path: path).officials(matching: "nguyen van thanh").profiles.map(\.mentions)
              == IndexReader(path: clean.path).officials(matching: "nguyen van thanh").profiles.map(\.mentions))
  }

  @Test("a run stopped by an unreadable file leaves its committed batches refreshed and searchable")
  func failedRunRefreshes() throws {
    let path = IndexFixtures.databasePath()
    let writer = try IndexWriter(path: path, gazetteer: IndexFixtures.gazetteer)
    #expect(throws: IndexError.unreadableInput(path: path + ".missing.jsonl", message: "no such file")) {
      try JSONLIndexer(writer: writer, batchSize: 1).index(paths: [IndexFixtures.seed, path + ".missing.jsonl"])
    }
    let reader = try IndexReader(path: path)
    #expect(try reader.counts().documents == 1)
    #expect(try reader.search("nguyen van thanh", limit: 5).first?.name == "Nguyễn Văn Thành")
  }
}

private extension Array where Element == UInt8 {
  var wrappedInQuotes: [UInt8] { [0x22] + self + [0x22] }
}
