import Foundation
import Testing
@testable import VNIndex

@Suite("incremental and safe indexing")
struct IndexSafetyTests {
  @Test("re-indexing the same input leaves every row count unchanged")
  func idempotentReindex() throws {
    let (path, _) = try IndexFixtures.build([IndexFixtures.seed, IndexFixtures.homonyms])
    let writer = try IndexWriter(path: path, gazetteer: IndexFixtures.gazetteer)
    let before = try writer.counts()
    for _ in 0..<2 {
      _ = try JSONLIndexer(writer: writer, batchSize: 3).index(paths: [IndexFixtures.homonyms, IndexFixtures.seed])
      #expect(try writer.counts() == before)
    }
    #expect(before.documents == 8)
    #expect(before.officials == 6)
    #expect(try writer.integrityCheck() == "ok")
  }

  @Test("two writers taking turns on one index, refreshes deferred, write what one writer writes")
  func twoWritersTakingTurns() throws {
    let docs = try DocumentIndexerTests.documents()
    let chunks = stride(from: 0, to: docs.count, by: 20).map { Array(docs[$0..<min($0 + 20, docs.count)]) }
    let one = IndexFixtures.databasePath()
    let writer = try IndexWriter(path: one, gazetteer: IndexFixtures.gazetteer)
    for chunk in chunks { try writer.add(chunk, deferRefresh: true) }
    try writer.refresh()
    // Each writer lists in `stale` entities the other listed already (its own list is dropped when the other
    // commits), and resolves against what the other wrote.
    let two = IndexFixtures.databasePath()
    let a = try IndexWriter(path: two, gazetteer: IndexFixtures.gazetteer)
    let b = try IndexWriter(path: two, gazetteer: IndexFixtures.gazetteer)
    for (k, chunk) in chunks.enumerated() { try (k % 2 == 0 ? a : b).add(chunk, deferRefresh: true) }
    try a.refresh()
    try b.refresh()
    #expect(try b.integrityCheck() == "ok")
    let x = try IndexRefreshPathTests.dump(one), y = try IndexRefreshPathTests.dump(two)
    #expect(x.count > 500)
    #expect(x == y)
    for (p, q) in zip(x, y) where p != q {
      Issue.record("first difference:\n  one writer: \(p)\n  two writers: \(q)")
      break
    }
  }

  @Test("the WAL is checkpointed from the background connection, and the index reads as one built without it")
  func backgroundCheckpoint() throws {
    let (reference, _) = try IndexFixtures.build([IndexFixtures.seed, IndexFixtures.homonyms])
    let path = IndexFixtures.databasePath()
    do {
      let writer = try IndexWriter(path: path, gazetteer: IndexFixtures.gazetteer)
      writer.walHook.frames = 1  // every commit asks
      _ = try JSONLIndexer(writer: writer, batchSize: 2).index(paths: [IndexFixtures.seed, IndexFixtures.homonyms])
      // Asynchronous: wait (at most 10 s) for the checkpoints the commits asked for.
      let deadline = Date().addingTimeInterval(10)
      while writer.walHook.checkpointer.runs == 0 && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
      #expect(writer.walHook.checkpointer.runs > 0)
      // The database file itself holds the committed batches once a checkpoint ran (not only the WAL).
      let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
      #expect(size > 16384 * 4)
      #expect(try writer.integrityCheck() == "ok")
    }
    #expect(!FileManager.default.fileExists(atPath: path + "-wal"))  // closed: the last connection checkpointed
    let a = try IndexReader(path: path), b = try IndexReader(path: reference)
    #expect(try a.counts() == b.counts())
    #expect(try a.search("nguyen van thanh", limit: 10).map(\.name) == b.search("nguyen van thanh", limit: 10).map(\.name))
  }

  @Test("a changed document replaces its rows; entities no longer mentioned disappear")
  func replaceDocument() throws {
    let (path, _) = try IndexFixtures.build([IndexFixtures.homonyms])
    let writer = try IndexWriter(path: path, gazetteer: IndexFixtures.gazetteer)
    let before = try writer.counts()
    // hn-003 again, without its entities: the army Nguyễn Văn Thành and his unit go.
    let line = try String(contentsOfFile: IndexFixtures.homonyms, encoding: .utf8).split(separator: "\n")
      .first { $0.contains("\"hn-003\"") }!
    var obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
    obj["entities"] = []
    obj["officials"] = []
    let input = IndexFixtures.databasePath("changed.jsonl")
    try JSONSerialization.data(withJSONObject: obj).write(to: URL(fileURLWithPath: input))
    _ = try JSONLIndexer(writer: writer).index(paths: [input])
    let after = try writer.counts()
    #expect(after.documents == before.documents)
    #expect(after.officials == before.officials - 1)
    #expect(after.units == before.units - 1)
    #expect(after.mentions == before.mentions - 4)
    #expect(after.searchRows == after.officials + after.units + after.directives)
  }

  @Test("invalid lines are reported as file:line and the run goes on")
  func invalidLines() throws {
    let input = IndexFixtures.databasePath("bad.jsonl")
    let good = try String(contentsOfFile: IndexFixtures.seed, encoding: .utf8)
    try ("{not json\n" + good + "{\"schema\":\"other/2\",\"text\":\"x\"}\n").write(toFile: input, atomically: true, encoding: .utf8)
    let (_, report) = try IndexFixtures.build([input])
    #expect(report.documents == 1)
    #expect(report.failures.count == 2)
    #expect(report.failures.first?.description.hasPrefix("\(input):1: ") == true)
    #expect(report.failures.last?.description.contains("schema \"other/2\"") == true)
  }

  @Test("a database of another schema version is refused with a clear message")
  func schemaVersion() throws {
    let (path, _) = try IndexFixtures.build([IndexFixtures.seed])
    do {
      let db = try SQLiteConnection(path: path, readOnly: false, create: false)
      try db.execute("UPDATE vnmine_schema SET version = 7")
    }
    #expect(throws: IndexError.schemaVersion(path: path, found: 7, expected: IndexSchema.version)) {
      try IndexReader(path: path)
    }
    #expect(throws: IndexError.self) { try IndexWriter(path: path) }
    let message = IndexError.schemaVersion(path: path, found: 7, expected: 1).description
    #expect(message.contains("index schema version 7, this vnmine reads version 1"))

    let other = IndexFixtures.databasePath("other.sqlite")
    do {
      let db = try SQLiteConnection(path: other, readOnly: false, create: true)
      try db.execute("CREATE TABLE t(x)")
    }
    #expect(throws: IndexError.notAnIndex(path: other)) { try IndexWriter(path: other) }
    #expect(throws: IndexError.missingDatabase(path: other + ".missing")) { try IndexReader(path: other + ".missing") }
  }

  @Test("a SIGKILLed index run keeps whole batches only, and a re-run equals a clean run",
        .enabled(if: IndexFixtures.vnmineBinary != nil, "needs the built vnmine executable"))
  func crashRecovery() throws {
    let binary = try #require(IndexFixtures.vnmineBinary)
    let total = 1200
    let input = try IndexFixtures.generated(count: total)
    let batch = 20
    defer { try? FileManager.default.removeItem(at: URL(fileURLWithPath: input).deletingLastPathComponent()) }

    let clean = try IndexFixtures.build([input], batchSize: batch)
    let cleanCounts = try IndexWriter(path: clean.path).counts()

    let crashed = IndexFixtures.databasePath("crashed.sqlite")
    let child = Process()
    child.executableURL = URL(fileURLWithPath: binary)
    child.arguments = ["index", input, "--db", crashed, "--batch", "\(batch)", "--quiet",
                       "--models", IndexFixtures.folder.deletingLastPathComponent().deletingLastPathComponent()
                         .deletingLastPathComponent().appendingPathComponent("models").path]
    child.standardError = FileHandle.nullDevice
    try child.run()
    // Kill once at least two batches are committed, while the child is still writing.
    var committed = 0
    let deadline = Date().addingTimeInterval(60)
    while child.isRunning && Date() < deadline {
      if FileManager.default.fileExists(atPath: crashed),
         let n = try? IndexReader(path: crashed).counts().documents { committed = n }
      if committed >= 2 * batch { break }
      usleep(2_000)
    }
    let killedMidway = child.isRunning
    kill(child.processIdentifier, SIGKILL)
    child.waitUntilExit()
    #expect(killedMidway, "the child finished before it could be killed; the crash was not simulated")
    #expect(child.terminationReason == .uncaughtSignal)

    let writer = try IndexWriter(path: crashed, gazetteer: IndexFixtures.gazetteer)
    #expect(try writer.integrityCheck() == "ok")
    let partial = try writer.counts()
    #expect(partial.documents % batch == 0, "only whole batches are committed")
    #expect(partial.documents >= committed && partial.documents < total)
    #expect(partial.searchRows == partial.officials + partial.units + partial.directives)

    _ = try JSONLIndexer(writer: writer, batchSize: batch).index(paths: [input])
    #expect(try writer.integrityCheck() == "ok")
    #expect(try writer.counts() == cleanCounts)
  }
}
