import Foundation
import Testing
import VNTestSupport

/// End-to-end tests of `vnmine extract` on files: ordering, bad input, interruption and resume.
@Suite("vnmine extract pipeline", .serialized)
struct PipelineCLITests {
  /// 400 real articles as JSONL (or, without ../shared, 400 synthetic ones built from Vietnamese phrases).
  static func corpus(_ dir: URL, count: Int = 400) throws -> URL {
    let url = dir.appendingPathComponent("corpus.jsonl")
    var lines: [String] = []
    if SharedData.shared != nil {
      let texts = try SharedData.texts(archive: "baomoi-news/baomoi.jsonl.gz", limit: count)
      for (i, t) in texts.enumerated() {
        let obj: [String: Any] = ["id": "doc-\(i)", "title": "T\(i)", "text": t]
        lines.append(String(decoding: try JSONSerialization.data(withJSONObject: obj), as: UTF8.self))
      }
    } else {
      let phrases = ["Thứ trưởng Nguyễn Văn Thành làm việc với Cục V28.", "Bộ Công an ban hành Chỉ thị số 09.",
                     "Trung tướng Nguyễn Văn Khảo báo cáo.", "UBND tỉnh Nghệ An họp ngày 15/3/2024."]
      for i in 0..<count {
        let obj: [String: Any] = ["id": "doc-\(i)", "text": (0..<(i % 7 + 1)).map { phrases[($0 + i) % 4] }.joined(separator: " ")]
        lines.append(String(decoding: try JSONSerialization.data(withJSONObject: obj), as: UTF8.self))
      }
    }
    try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
    return url
  }

  @Test("output is byte-identical with --jobs 1 and --jobs 2, one record per document, in input order")
  func jobsAreDeterministic() throws {
    let dir = try CLI.temporaryFolder("jobs")
    let input = try Self.corpus(dir)
    let one = try CLI.run(["extract", input.path, "--jobs", "1", "--quiet"])
    let two = try CLI.run(["extract", input.path, "--jobs", "2", "--quiet"])
    #expect(one.status == 0, "\(one.stderr)")
    #expect(two.status == 0, "\(two.stderr)")
    #expect(one.stdout == two.stdout)
    let ids = one.lines.compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }.map { $0["id"] as? String }
    #expect(ids == (0..<ids.count).map { "doc-\($0)" })
    #expect(ids.count == 400)
  }

  @Test("every bad input yields an error record naming its file and line; good documents around it are annotated")
  func badInputs() throws {
    let dir = try CLI.temporaryFolder("bad")
    func write(_ name: String, _ bytes: [UInt8]) throws { try Data(bytes).write(to: dir.appendingPathComponent(name)) }
    let good = Array("Thượng tướng Nguyễn Văn Thành, Thứ trưởng Bộ Công an, làm việc với Cục V28.".utf8)
    // a.jsonl: good, malformed JSON, missing text, invalid UTF-8, NUL byte, empty text, good (7 documents; a blank line is not one)
    var jsonl: [UInt8] = []
    jsonl += Array(#"{"id":"a1","text":""#.utf8) + good + Array("\"}\n".utf8)
    jsonl += Array(#"{"id":"a2","text":"thiếu ngoặc"#.utf8) + [0x0A]
    jsonl += Array(#"{"id":"a3","body":"không có trường text"}"#.utf8) + [0x0A]
    jsonl += Array(#"{"id":"a4","text":"Bộ Công an "#.utf8) + [0xFF, 0xFE] + Array("\"}\n".utf8)
    jsonl += Array(#"{"id":"a5","text":"NUL"#.utf8) + [0x00] + Array("\"}\n".utf8)
    jsonl += Array(#"{"id":"a6","text":""}"#.utf8) + [0x0A, 0x0A]
    jsonl += Array(#"{"id":"a7","text":""#.utf8) + good + Array("\"}\n".utf8)
    try write("a.jsonl", jsonl)
    try write("b-good.txt", good)
    try write("c-binary.txt", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0x00])
    try write("d-invalid.txt", Array("Dòng một\nDòng hai ".utf8) + [0xFF, 0xFF, 0xFF])
    // Windows-1258 bytes (decoded, then NFC) and TCVN3 mojibake (converted by the normaliser) are good input.
    try write("e-cp1258.txt", [0x42, 0xF4, 0xF2, 0x20, 0x43, 0xF4, 0x6E, 0x67, 0x20, 0x61, 0x6E])
    try write("f-tcvn3.txt", Array("Bé C«ng an ban hµnh QuyÕt ®Þnh vÒ c«ng t¸c c¸n bé.".utf8))
    try write("g-empty.txt", [])
    try write("h-large.txt", [UInt8](repeating: 0x61, count: 2 << 20))
    try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("i-gone.txt").path, withDestinationPath: "/nonexistent/x.txt")
    let r = try CLI.run(["extract", dir.path, "--jobs", "2", "--max-document-mb", "1", "--quiet"])
    #expect(r.status == 2, "exit status 2 when some documents failed; stderr: \(r.stderr)")
    let records = r.lines.compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
    #expect(r.lines.count == 7 + 8, "\(r.lines.count) records")
    #expect(records.count == r.lines.count, "every line is valid JSON")
    func error(_ id: String) -> [String: Any]? { records.first { ($0["id"] as? String) == id }?["error"] as? [String: Any] }
    func record(_ suffix: String) -> [String: Any]? { records.first { ($0["id"] as? String)?.hasSuffix(suffix) == true } }
    #expect(record("a1")?["entities"] != nil && error("a1") == nil)
    #expect(record("a7")?["entities"] != nil && error("a7") == nil)
    let a = dir.appendingPathComponent("a.jsonl").path
    #expect(error("\(a):2")?["kind"] as? String == "invalid_json")
    #expect(error("\(a):2")?["line"] as? Int == 2)
    #expect(error("a3")?["kind"] as? String == "missing_text")
    #expect(error("\(a):4")?["kind"] as? String == "invalid_utf8")
    #expect((error("\(a):4")?["message"] as? String)?.contains("a.jsonl:4") == true)
    #expect(error("\(a):5")?["kind"] as? String == "invalid_json")
    #expect(error("a6")?["kind"] as? String == "empty")
    #expect(record("b-good.txt")?["entities"] != nil)
    #expect((record("c-binary.txt")?["error"] as? [String: Any])?["kind"] as? String == "binary")
    let invalid = record("d-invalid.txt")?["error"] as? [String: Any]
    #expect(invalid?["kind"] as? String == "invalid_utf8")
    #expect(invalid?["line"] as? Int == 2)
    // "Dòng một\n" is 12 bytes, "Dòng hai " 10 more: the bad byte is at offset 22.
    #expect(invalid?["byte"] as? Int == 22)
    #expect((record("e-cp1258.txt")?["text"] as? String) == "Bộ Công an")
    #expect(record("f-tcvn3.txt")?["entities"] != nil)
    #expect((record("g-empty.txt")?["error"] as? [String: Any])?["kind"] as? String == "empty")
    #expect((record("h-large.txt")?["error"] as? [String: Any])?["kind"] as? String == "too_large")
    #expect((record("i-gone.txt")?["error"] as? [String: Any])?["kind"] as? String == "unreadable")
    #expect(r.stderr.isEmpty || !r.stderr.contains("Fatal"))
  }

  @Test("a run killed with SIGKILL and resumed equals an uninterrupted run")
  func killAndResume() throws {
    let dir = try CLI.temporaryFolder("resume")
    let input = try Self.corpus(dir, count: 1500)
    let full = dir.appendingPathComponent("full.jsonl").path
    let uninterrupted = try CLI.run(["extract", input.path, "-o", full, "--jobs", "2", "--quiet"])
    #expect(uninterrupted.status == 0, "\(uninterrupted.stderr)")
    let out = dir.appendingPathComponent("out.jsonl").path
    let p = Process()
    p.executableURL = URL(fileURLWithPath: CLI.binary)
    p.arguments = ["extract", input.path, "-o", out, "--jobs", "2", "--quiet"]
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    // Wait until some records are on disk, then kill without warning.
    let partial = out + ".partial"
    let deadline = Date().addingTimeInterval(120)
    while Date() < deadline {
      if let a = try? FileManager.default.attributesOfItem(atPath: partial), (a[.size] as? Int ?? 0) > 300_000 { break }
      usleep(20_000)
    }
    kill(p.processIdentifier, SIGKILL)
    p.waitUntilExit()
    #expect(p.terminationReason == .uncaughtSignal)
    #expect(!FileManager.default.fileExists(atPath: out), "no half-written output file")
    // Simulate a torn last line as a crash mid-write would leave it.
    let h = try FileHandle(forWritingTo: URL(fileURLWithPath: partial))
    try h.seekToEnd()
    try h.write(contentsOf: Data(#"{"schema":"vnmine/1","id":"doc-9"#.utf8))
    try h.close()
    let resumed = try CLI.run(["extract", input.path, "-o", out, "--resume", "--jobs", "2"])
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(resumed.stderr.contains("already written"))
    #expect(FileManager.default.contents(atPath: out) == FileManager.default.contents(atPath: full))
  }

  @Test("Ctrl-C stops cleanly: valid JSONL, exit 130, resumable")
  func interrupt() throws {
    let dir = try CLI.temporaryFolder("sigint")
    let input = try Self.corpus(dir, count: 1500)
    let out = dir.appendingPathComponent("out.jsonl").path
    let p = Process()
    p.executableURL = URL(fileURLWithPath: CLI.binary)
    p.arguments = ["extract", input.path, "-o", out, "--jobs", "2", "--quiet"]
    try p.run()
    let deadline = Date().addingTimeInterval(120)
    while Date() < deadline {
      if let a = try? FileManager.default.attributesOfItem(atPath: out + ".partial"), (a[.size] as? Int ?? 0) > 100_000 { break }
      usleep(20_000)
    }
    kill(p.processIdentifier, SIGINT)
    p.waitUntilExit()
    #expect(p.terminationStatus == 130)
    let data = try #require(FileManager.default.contents(atPath: out))
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
    #expect(!lines.isEmpty && lines.count < 1500)
    for l in lines { #expect((try? JSONSerialization.jsonObject(with: Data(l.utf8))) != nil) }
    #expect(data.last == 0x0A)
  }

  @Test("JSONL on stdin gives the same records on stdout, in order, and nothing else")
  func stdinFilter() throws {
    let dir = try CLI.temporaryFolder("stdin")
    let input = try Self.corpus(dir, count: 50)
    let fromFile = try CLI.run(["extract", input.path, "--quiet"])
    let fromStdin = try CLI.run(["extract", "-", "--quiet"], stdin: try Data(contentsOf: input))
    #expect(fromStdin.status == 0)
    let strip = { (r: CLI.Result) in r.lines.map { $0.replacingOccurrences(of: #""source":"<stdin>""#, with: "").replacingOccurrences(of: #""source":"\#(input.path)""#, with: "") } }
    #expect(strip(fromFile) == strip(fromStdin))
    #expect(fromStdin.lines.count == 50)
  }

  @Test("--tokens adds the same sentences and tokens as `vnmine tokenize`, and leaves entities unchanged")
  func tokensOption() throws {
    let dir = try CLI.temporaryFolder("tokens")
    let corpus = try Self.corpus(dir, count: 12)
    // Plain-text documents, so that `vnmine tokenize` reads exactly what `vnmine extract` reads.
    var files: [String] = []
    for (k, line) in try String(contentsOf: corpus, encoding: .utf8).split(separator: "\n").enumerated() {
      let o = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let f = dir.appendingPathComponent(String(format: "d%02d.txt", k)).path
      try (o["text"] as? String ?? "").write(toFile: f, atomically: true, encoding: .utf8)
      files.append(f)
    }
    let plain = try CLI.run(["extract"] + files + ["--quiet"])
    let with = try CLI.run(["extract"] + files + ["--tokens", "--quiet"])
    let tok = try CLI.run(["tokenize"] + files)
    #expect(plain.status == 0 && with.status == 0 && tok.status == 0)
    #expect(with.lines.count == 12 && plain.lines.count == 12 && tok.lines.count == 12)
    func object(_ l: String) throws -> [String: Any] {
      try #require(try JSONSerialization.jsonObject(with: Data(l.utf8)) as? [String: Any])
    }
    for (k, line) in with.lines.enumerated() where k < plain.lines.count && k < tok.lines.count {
      let w = try object(line), p = try object(plain.lines[k]), t = try object(tok.lines[k])
      #expect(p["tokens"] == nil && p["sentences"] == nil)
      for key in ["entities", "officials", "text"] {
        #expect(NSDictionary(dictionary: [key: w[key] as Any]) == NSDictionary(dictionary: [key: p[key] as Any]), "\(key) of record \(k)")
      }
      #expect(w["text"] as? String == t["text"] as? String)
      for key in ["tokens", "sentences"] {
        let a = try #require(w[key] as? [[String: Any]]), b = try #require(t[key] as? [[String: Any]])
        #expect(!a.isEmpty && NSArray(array: a) == NSArray(array: b), "\(key) of record \(k)")
      }
      // Every token slices the input text at its offsets.
      let text = Array((w["text"] as? String ?? "").unicodeScalars)
      for token in (w["tokens"] as? [[String: Any]] ?? []) {
        let s = token["start"] as? Int ?? -1, e = token["end"] as? Int ?? -1
        #expect(s >= 0 && s < e && e <= text.count)
        if s >= 0 && s < e && e <= text.count {
          var v = String.UnicodeScalarView(); v.append(contentsOf: text[s..<e])
          #expect(String(v) == token["text"] as? String)
        }
      }
    }
    let bad = try CLI.run(["extract", files[0], "--user-words", files[1], "--quiet"])
    #expect(bad.status != 0 && bad.stderr.contains("--tokens") && bad.stdout.isEmpty)
  }

  @Test("extract --index builds the same index as extract | index, and still writes the records")
  func inProcessIndex() throws {
    let dir = try CLI.temporaryFolder("inproc-index")
    let input = try Self.corpus(dir, count: 120)
    // One bad line among the documents: an error record, skipped by both ways of indexing.
    var lines = try String(contentsOf: input, encoding: .utf8).split(separator: "\n").map(String.init)
    lines.insert("{\"id\": \"bad\", \"text\": ", at: 7)
    try (lines.joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)
    let a = dir.appendingPathComponent("a.sqlite").path, b = dir.appendingPathComponent("b.sqlite").path
    let records = dir.appendingPathComponent("records.jsonl")
    let inproc = try CLI.run(["extract", input.path, "--index", a, "--quiet"])
    #expect(inproc.status == 2)   // the bad line became an error record
    try inproc.stdout.write(to: records)
    let plain = try CLI.run(["extract", input.path, "--quiet"])
    #expect(plain.stdout == inproc.stdout, "--index must not change the records")
    #expect(try CLI.run(["index", records.path, "--db", b, "--quiet"]).status == 0)
    let empty = dir.appendingPathComponent("empty.jsonl")
    try Data().write(to: empty)
    func counts(_ db: String) throws -> [String: Any] {
      let r = try CLI.run(["index", empty.path, "--db", db, "--json"])
      let o = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
      return try #require(o["index"] as? [String: Any])
    }
    let ca = try counts(a), cb = try counts(b)
    #expect(NSDictionary(dictionary: ca) == NSDictionary(dictionary: cb))
    #expect((ca["documents"] as? Int) == 120 && ((ca["mentions"] as? Int) ?? 0) > 100)
    for q in ["nguyen", "cong an", "bo cong an", "thu truong"] {
      let ra = try CLI.run(["search", q, "--db", a, "--json", "--limit", "20"]).stdout
      let rb = try CLI.run(["search", q, "--db", b, "--json", "--limit", "20"]).stdout
      #expect(ra == rb, "search \(q)")
    }
    let clash = try CLI.run(["extract", input.path, "--index", a, "--resume", "-o", dir.appendingPathComponent("o.jsonl").path])
    #expect(clash.status != 0 && clash.stderr.contains("--index"))
  }
}
