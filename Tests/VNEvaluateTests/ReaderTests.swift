import Foundation
import Testing
import VNCore
import VNTestSupport
@testable import VNEvaluate

@Suite("Gold and prediction readers")
struct ReaderTests {
  static let text = "Trung tướng Nguyễn Văn Khảo, Cục trưởng Cục V28"
  static let inline = #"{"id": "d1", "text": "Trung tướng Nguyễn Văn Khảo, Cục trưởng Cục V28", "entities": [{"start": 0, "end": 11, "label": "RANK", "text": "Trung tướng"}, {"start": 12, "end": 27, "label": "OFFICIAL", "text": "Nguyễn Văn Khảo"}, {"start": 29, "end": 39, "label": "TITLE"}, {"start": 40, "end": 47, "label": "UNIT"}], "officials": [{"name": "Nguyễn Văn Khảo", "rank": "Trung tướng", "titles": ["Cục trưởng"], "units": ["Cục V28"]}]}"#

  static func standOff(sha: String) -> String {
    #"{"id": "d1", "sha256": "\#(sha)", "entities": [{"start": 0, "end": 11, "label": "RANK", "text": "Trung tướng"}]}"#
  }

  @Test("inline gold JSONL: spans, sliced texts and officials")
  func inlineGold() throws {
    let dir = try TemporaryFolder(); defer { dir.remove() }
    let path = try dir.write("gold.jsonl", Self.inline + "\n\n")
    let docs = try InputLoader().gold([path])
    #expect(docs.count == 1)
    #expect(docs[0].text == Self.text)
    #expect(docs[0].entities.map(\.label) == ["RANK", "OFFICIAL", "TITLE", "UNIT"])
    #expect(docs[0].entities[2].text == "Cục trưởng")
    #expect(docs[0].entities[3].text == "Cục V28")
    #expect(docs[0].officials == [OfficialEntry(name: "Nguyễn Văn Khảo", rank: "Trung tướng", titles: ["Cục trưởng"], units: ["Cục V28"])])
  }

  @Test("stand-off gold takes its text from a JSONL archive and checks the sha256")
  func standOffJSONL() throws {
    let dir = try TemporaryFolder(); defer { dir.remove() }
    let gold = try dir.write("gold.jsonl", Self.standOff(sha: SHA256.hex(Self.text)) + "\n")
    let archive = try dir.write("archive.jsonl", #"{"id": "other", "text": "x"}"# + "\n" + #"{"id": "d1", "title": "t", "text": "\#(Self.text)"}"# + "\n")
    let docs = try InputLoader().gold([gold], textFrom: [archive])
    #expect(docs[0].text == Self.text)
    #expect(docs[0].entities[0].text == "Trung tướng")
  }

  @Test("stand-off gold reads a gzipped archive")
  func standOffGzip() throws {
    let dir = try TemporaryFolder(); defer { dir.remove() }
    let gold = try dir.write("gold.jsonl", Self.standOff(sha: SHA256.hex(Self.text)) + "\n")
    let plain = try dir.write("archive.jsonl", #"{"id": "d1", "text": "\#(Self.text)"}"# + "\n")
    let gzip = Process()
    gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    gzip.arguments = ["gzip", "-f", plain]
    try gzip.run(); gzip.waitUntilExit()
    try #require(gzip.terminationStatus == 0, "gzip is needed to make the fixture")
    let docs = try InputLoader().gold([gold], textFrom: [plain + ".gz"])
    #expect(docs[0].text == Self.text)
  }

  @Test("a sha256 mismatch is an error naming the gold file, line, id and archive")
  func checksumMismatch() throws {
    let dir = try TemporaryFolder(); defer { dir.remove() }
    let gold = try dir.write("gold.jsonl", Self.inline + "\n" + Self.standOff(sha: SHA256.hex(Self.text)).replacingOccurrences(of: "\"d1\"", with: "\"d2\"") + "\n")
    let archive = try dir.write("archive.jsonl", #"{"id": "d2", "text": "\#(Self.text) (bản sửa)"}"# + "\n")
    #expect {
      try InputLoader().gold([gold], textFrom: [archive])
    } throws: { error in
      let message = String(describing: error)
      return message.hasPrefix("\(gold):2: sha256 mismatch for \"d2\"") && message.contains("\(archive):1")
        && message.contains(SHA256.hex(Self.text))
    }
  }

  @Test("stand-off gold with no archive says to pass --text-from")
  func missingText() throws {
    let dir = try TemporaryFolder(); defer { dir.remove() }
    let gold = try dir.write("gold.jsonl", Self.standOff(sha: SHA256.hex(Self.text)) + "\n")
    #expect(throws: EvalError.missingText(SourceLocation(path: gold, line: 1), id: "d1",
                                          hint: "pass the archive holding it with --text-from ARCHIVE.jsonl[.gz]")) {
      try InputLoader().gold([gold])
    }
  }

  @Test("stand-off gold can take its text from the predictions, still checked")
  func textFromPredictions() throws {
    let dir = try TemporaryFolder(); defer { dir.remove() }
    let gold = try dir.write("gold.jsonl", Self.standOff(sha: SHA256.hex(Self.text)) + "\n")
    let docs = try InputLoader().gold([gold], fallback: ["d1": (Self.text, "pred.jsonl:1")])
    #expect(docs[0].text == Self.text)
    #expect(throws: EvalError.self) { try InputLoader().gold([gold], fallback: ["d1": ("khác", "pred.jsonl:1")]) }
  }

  struct MalformedCase: CustomTestStringConvertible, Sendable {
    let name: String
    let line: String
    let message: String
    var testDescription: String { name }
  }

  static let malformed: [MalformedCase] = [
    .init(name: "not JSON", line: #"{"id": "d2", "text": "#, message: "not valid JSON"),
    .init(name: "not an object", line: "[1, 2]", message: "expected a JSON object"),
    .init(name: "no id", line: #"{"text": "abc", "entities": []}"#, message: "missing \"id\""),
    .init(name: "no text or sha256", line: #"{"id": "d2", "entities": []}"#, message: "needs \"text\" (inline gold) or \"sha256\""),
    .init(name: "no entities", line: #"{"id": "d2", "text": "abc"}"#, message: "missing \"entities\""),
    .init(name: "offset is a string", line: #"{"id": "d2", "text": "abc", "entities": [{"start": "0", "end": 2, "label": "UNIT"}]}"#,
          message: "entity 1: \"start\" must be an integer"),
    .init(name: "offset is a boolean", line: #"{"id": "d2", "text": "abc", "entities": [{"start": false, "end": 2, "label": "UNIT"}]}"#,
          message: "entity 1: \"start\" must be an integer"),
    .init(name: "empty span", line: #"{"id": "d2", "text": "abc", "entities": [{"start": 2, "end": 2, "label": "UNIT"}]}"#,
          message: "entity 1: needs 0 <= start < end"),
    .init(name: "span past the text", line: #"{"id": "d2", "text": "abc", "entities": [{"start": 1, "end": 9, "label": "UNIT"}]}"#,
          message: "entity 1: \"end\" 9 is past the end of the text (3 characters)"),
    .init(name: "text differs from the slice (UTF-16 offsets)", line: #"{"id": "d2", "text": "😀 Bộ Công an nhân dân", "entities": [{"start": 3, "end": 13, "label": "UNIT", "text": "Bộ Công an"}]}"#,
          message: "entity 1: \"text\" is \"Bộ Công an\" but text[3:13] is \"ộ Công an \""),
    .init(name: "duplicate id", line: Self.inline, message: "duplicate id \"d1\""),
    .init(name: "bad sha256", line: #"{"id": "d2", "sha256": "abc", "entities": []}"#, message: "\"sha256\" must be 64 lower-case hex digits"),
  ]

  @Test("a malformed gold line is an error naming file and line", arguments: malformed)
  func malformedGold(_ c: MalformedCase) throws {
    let dir = try TemporaryFolder(); defer { dir.remove() }
    let gold = try dir.write("gold.jsonl", Self.inline + "\n" + c.line + "\n")
    #expect {
      try InputLoader().gold([gold])
    } throws: { error in
      let message = String(describing: error)
      return message.hasPrefix("\(gold):2: ") && message.contains(c.message)
    }
  }

  @Test("CoNLL columns: syllables joined by _, documents, offsets rebuilt")
  func conll() throws {
    let docs = try InputLoader().gold([Fixtures.path("vlsp-sample.conll")])
    #expect(docs.map(\.id) == ["vlsp-1", "vlsp-2"])
    #expect(docs[0].text == "Trung tướng Nguyễn Văn Khảo , Cục trưởng Cục V28 báo cáo .\nThứ trưởng Nguyễn Văn Thành được phong Thượng tướng .")
    let spans = docs[0].entities.map { "\($0.label):\($0.text ?? "")" }
    #expect(spans == ["RANK:Trung tướng", "OFFICIAL:Nguyễn Văn Khảo", "TITLE:Cục trưởng", "UNIT:Cục V28",
                      "TITLE:Thứ trưởng", "OFFICIAL:Nguyễn Văn Thành", "RANK:Thượng tướng"])
    for d in docs { for s in d.entities { #expect(d.text.scalarSlice(s.start, s.end) == s.text) } }
    #expect(docs[1].entities.map(\.text) == ["Bộ Công an", "Thông tư số 58/2020/TT-BCA"])
  }

  @Test("CoNLL: tab columns with spaced syllables, IOB1, BIOES, comment ids, one document per sentence")
  func conllVariants() throws {
    let dir = try TemporaryFolder(); defer { dir.remove() }
    let path = try dir.write("s.txt", """
    # sent_id = s1
    Đại tá\tB-RANK
    Lê Văn A\tI-OFFICIAL
    # \tO

    Bộ\tB-UNIT
    Công an\tE-UNIT
    và\tO
    Quốc hội\tS-UNIT
    Huy_hiệu Đảng O

    """)
    let docs = try InputLoader().gold([path])
    #expect(docs.map(\.id) == ["s1", "s-2"])
    #expect(docs[0].text == "Đại tá Lê Văn A #")
    #expect(docs[0].entities.map { "\($0.label):\($0.text ?? "")" } == ["RANK:Đại tá", "OFFICIAL:Lê Văn A"])
    #expect(docs[1].entities.map { "\($0.label):\($0.text ?? "")" } == ["UNIT:Bộ Công an", "UNIT:Quốc hội"])
    #expect(docs[1].text.hasSuffix("Huy hiệu"))
  }

  @Test("CoNLL: a bad tag is an error naming file and line")
  func conllBadTag() throws {
    let dir = try TemporaryFolder(); defer { dir.remove() }
    let path = try dir.write("bad.conll", "Bộ B-UNIT\nCông_an X-UNIT\n")
    #expect(throws: EvalError.malformed(SourceLocation(path: path, line: 2), "\"X-UNIT\" is not a BIO tag (O, B-X, I-X, E-X, S-X)")) {
      try InputLoader().gold([path], format: .conll)
    }
    let lone = try dir.write("lone.conll", "Bộ B-UNIT\nCông_an\n")
    #expect(throws: EvalError.malformed(SourceLocation(path: lone, line: 2), "expected a token and a tag, got \"Công_an\"")) {
      try InputLoader().gold([lone])
    }
  }

  @Test("vnmine's output: entities, officials, error records")
  func vnminePredictions() throws {
    let preds = try InputLoader().predictions(Fixtures.path("vnmine-output.jsonl"))
    #expect(preds.count == 2)
    #expect(preds[0].entities.count == 4)
    #expect(preds[0].officials?.first?.name == "NGUYỄN VĂN KHẢO")
    #expect(preds[0].text?.hasPrefix("Trung tướng") == true)
    #expect(preds[1].failure == "empty: empty document")
  }

  @Test("any JSONL with id and entities is a prediction file; bad lines name file and line")
  func genericPredictions() throws {
    let dir = try TemporaryFolder(); defer { dir.remove() }
    let path = try dir.write("p.jsonl", #"{"id": "a", "entities": [{"start": 0, "end": 3, "label": "PER", "score": 0.9}]}"# + "\n")
    let preds = try InputLoader().predictions(path)
    #expect(preds[0].entities == [Span(label: "PER", start: 0, end: 3)])
    #expect(preds[0].officials == nil)
    let bad = try dir.write("bad.jsonl", #"{"id": "a", "entities": []}"# + "\n" + #"{"id": "b"}"# + "\n")
    #expect {
      try InputLoader().predictions(bad)
    } throws: { String(describing: $0).hasPrefix("\(bad):2: missing \"entities\"") }
  }

  @Test("SHA-256 test vectors")
  func sha256() {
    #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(SHA256.hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
  }

  @Test("the checked-in seed gold reads")
  func seedGold() throws {
    let seed = try InputLoader().gold([SharedData.repoRoot.appendingPathComponent("corpora/gold/seed.jsonl").path])
    #expect(seed.count == 1 && seed[0].entities.count > 30)
  }

  @Test("the stand-off dev and test gold read from ../shared's archives, sha256 checked",
        .enabled(if: SharedData.shared != nil, "needs ../shared (the baomoi and dantri archives): skipped"))
  func standOffRepositoryGold() throws {
    let root = SharedData.repoRoot.appendingPathComponent("corpora/gold").path
    let shared = try #require(SharedData.shared)
    let archives = ["baomoi-news/baomoi-police-gov.jsonl.gz", "dantri-unc/dantri-unc.jsonl.gz"].map {
      shared.appendingPathComponent("data").appendingPathComponent($0).path
    }
    let docs = try InputLoader().gold([root + "/dev.jsonl", root + "/test.jsonl"], textFrom: archives)
    // One gold document per row of the selection (dev + test), every one found and hash-checked.
    let selection = try String(contentsOfFile: root + "/selection.tsv", encoding: .utf8)
      .split(separator: "\n").filter { !$0.hasPrefix("#") }
    #expect(docs.count == selection.count)
    #expect(Set(docs.map(\.id)) == Set(selection.map { String($0.split(separator: "\t")[2]) }))
  }
}
