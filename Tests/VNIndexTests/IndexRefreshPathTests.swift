import Foundation
import Testing
@testable import VNIndex

/// The two ways a refresh reads an entity's rows (one scan per table for many stale entities, indexed queries
/// for a few) and the two ways resolution finds an official (a cache holding every official, or one that
/// reads names back from the database) must write the same index.
@Suite("Index refresh and resolution paths")
struct IndexRefreshPathTests {
  /// Every column of the resolved entities and their search rows, one string per row, in id order.
  static func dump(_ path: String) throws -> [String] {
    let db = try SQLiteConnection(path: path, readOnly: true, create: false)
    let queries = [
      "SELECT 'o', id, name, name_key, quote(force), summary, mentions, documents, quote(first_seen), quote(last_seen) FROM officials ORDER BY id",
      "SELECT 'u', id, name, name_key, quote(code), quote(parent), summary, mentions, documents, quote(first_seen), quote(last_seen) FROM units ORDER BY id",
      "SELECT 'd', id, name, ident, summary, mentions, documents, quote(first_seen), quote(last_seen) FROM directives ORDER BY id",
      "SELECT 's', rowid, kind, ref, weight, name, aliases, facts, context FROM search ORDER BY rowid",
      "SELECT 'm', d.doc_id, m.eid, quote(m.kind), quote(m.entity) FROM mentions m JOIN documents d ON d.id = m.doc ORDER BY d.doc_id, m.eid",
    ]
    var rows: [String] = []
    for q in queries {
      let s = try db.statement(q)
      while try s.step() { rows.append((0..<Int32(10)).map { s.text($0) }.joined(separator: "|")) }
    }
    return rows
  }

  /// The seed, the homonym fixtures and `generated` documents, as vnmine/1 lines.
  static func lines(generated n: Int) throws -> [String] {
    let gen = try IndexFixtures.generated(count: n)
    defer { try? FileManager.default.removeItem(at: URL(fileURLWithPath: gen).deletingLastPathComponent()) }
    return try [IndexFixtures.seed, IndexFixtures.homonyms, gen].flatMap { file in
      try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map(String.init)
    }
  }

  static func write(_ lines: ArraySlice<String>) throws -> String {
    let path = IndexFixtures.databasePath("input.jsonl")
    try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test("a bulk refresh (one scan per table, or the writer's mirror of those rows) writes the same rows as entity-by-entity refreshes")
  func bulkEqualsPerEntity() throws {
    let input = try Self.write(Self.lines(generated: 240)[...])
    var dumps: [[String]] = []
    for (threshold, mirror) in [(0, true), (0, false), (Int.max, false)] {
      let path = IndexFixtures.databasePath()
      let writer = try IndexWriter(path: path, gazetteer: IndexFixtures.gazetteer)
      writer.bulkRefreshThreshold = threshold
      writer.useRowMirror = mirror
      // Refreshes between batches too, so that later ones start from search rows and counts already written.
      writer.refreshInterval = 0
      _ = try JSONLIndexer(writer: writer, batchSize: 50).index(paths: [input])
      #expect((writer.refreshesFromMirror > 0) == mirror, "a run into an empty index refreshes from the mirror")
      dumps.append(try Self.dump(path))
    }
    #expect(dumps[0].count > 1000, "the fixtures resolve into many rows")
    for (name, other) in [("scans", dumps[1]), ("per entity", dumps[2])] {
      #expect(dumps[0] == other)
      for (a, b) in zip(dumps[0], other) where a != b {
        Issue.record("first difference:\n  mirror: \(a)\n  \(name): \(b)")
        break
      }
    }
  }

  @Test("the mirror of the writer's rows is dropped when a document is replaced, and a second writer scans")
  func mirrorDroppedOnReplace() throws {
    let lines = try Self.lines(generated: 60)
    let input = try Self.write(lines[...])
    let path = IndexFixtures.databasePath()
    let writer = try IndexWriter(path: path, gazetteer: IndexFixtures.gazetteer)
    writer.bulkRefreshThreshold = 0
    _ = try JSONLIndexer(writer: writer, batchSize: 50).index(paths: [input])
    let fromMirror = writer.refreshesFromMirror
    #expect(fromMirror > 0)
    // The same documents again: each replaces its first copy.
    _ = try JSONLIndexer(writer: writer, batchSize: 50).index(paths: [input])
    #expect(writer.rowMirror == nil)
    #expect(writer.refreshesFromMirror == fromMirror, "the second run scans")
    let second = try IndexWriter(path: path, gazetteer: IndexFixtures.gazetteer)
    second.bulkRefreshThreshold = 0
    _ = try JSONLIndexer(writer: second, batchSize: 50).index(paths: [Self.write(lines.prefix(10))])
    #expect(second.rowMirror == nil && second.refreshesFromMirror == 0, "an index with documents is not mirrored")
    let clean = IndexFixtures.databasePath()
    let cleanWriter = try IndexWriter(path: clean, gazetteer: IndexFixtures.gazetteer)
    cleanWriter.bulkRefreshThreshold = 0
    _ = try JSONLIndexer(writer: cleanWriter, batchSize: 50).index(paths: [input])
    #expect(try Self.dump(path) == Self.dump(clean))
  }

  @Test("a writer used again after the end of a run (its caches released) writes what a new writer writes")
  func usableAfterEndOfRun() throws {
    let lines = try Self.lines(generated: 80)
    // The second input names officials, units and directives of the first again, then repeats ten documents
    // of the first (each replaces its copy).
    let first = try Self.write(lines.prefix(50)), second = try Self.write(lines[50...] + lines[40..<50])
    let again = IndexFixtures.databasePath()
    let writer = try IndexWriter(path: again, gazetteer: IndexFixtures.gazetteer)
    _ = try JSONLIndexer(writer: writer, batchSize: 20).index(paths: [first])
    #expect(writer.rowMirror == nil && !writer.officialCache.complete, "the end of the run released the caches")
    _ = try JSONLIndexer(writer: writer, batchSize: 20).index(paths: [second])

    let fresh = IndexFixtures.databasePath()
    _ = try JSONLIndexer(writer: IndexWriter(path: fresh, gazetteer: IndexFixtures.gazetteer), batchSize: 20).index(paths: [first])
    _ = try JSONLIndexer(writer: IndexWriter(path: fresh, gazetteer: IndexFixtures.gazetteer), batchSize: 20).index(paths: [second])
    let a = try Self.dump(again), b = try Self.dump(fresh)
    #expect(a.filter { $0.hasPrefix("o|") }.count > 20)
    let documents = { (path: String) throws -> Int in try IndexCounts.read(SQLiteConnection(path: path, readOnly: true, create: false)).documents }
    #expect(try documents(again) == documents(fresh) && documents(again) > 70, "replaced documents are not doubled")
    #expect(a == b)
    for (x, y) in zip(a, b) where x != y {
      Issue.record("first difference:\n  same writer: \(x)\n  new writer: \(y)")
      break
    }
  }

  @Test("officials resolved by a writer that knows them all equal those of a writer that reads them back")
  func officialCacheColdEqualsWarm() throws {
    let seedAndHomonyms = try [IndexFixtures.seed, IndexFixtures.homonyms].flatMap { file in
      try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map(String.init)
    }
    let generated = try Self.lines(generated: 120).dropFirst(seedAndHomonyms.count)
    // The first run sees the seed, the police Nguyễn Văn Thành and Đại úy Đặng Văn Nam; the second run must
    // read them back to keep the army Thành and the Thiếu tá Nam of the same date apart, and to merge the
    // later Thiếu tá Nam with the earlier one.
    let isFirst: (String) -> Bool = { l in ["hn-001", "hn-002", "hn-bad", "hn-004"].contains { l.contains("\"\($0)\"") } }
    let first = seedAndHomonyms.filter { !$0.contains("\"hn-") || isFirst($0) } + generated.prefix(60)
    let rest = seedAndHomonyms.filter { $0.contains("\"hn-") && !isFirst($0) } + generated.dropFirst(60)
    #expect(first.count + rest.count == seedAndHomonyms.count + generated.count)

    let warm = IndexFixtures.databasePath()
    _ = try JSONLIndexer(writer: IndexWriter(path: warm, gazetteer: IndexFixtures.gazetteer), batchSize: 40)
      .index(paths: [Self.write((first + rest)[...])])
    // A second run on an index that already holds officials: names are read back from the database.
    let cold = IndexFixtures.databasePath()
    _ = try JSONLIndexer(writer: IndexWriter(path: cold, gazetteer: IndexFixtures.gazetteer), batchSize: 40)
      .index(paths: [Self.write(first[...])])
    let second = try IndexWriter(path: cold, gazetteer: IndexFixtures.gazetteer)
    _ = try JSONLIndexer(writer: second, batchSize: 40).index(paths: [Self.write(rest[...])])
    #expect(second.officialCache.complete == false)

    let w = try Self.dump(warm), c = try Self.dump(cold)
    #expect(try IndexReader(path: cold).officials(matching: "nguyen van thanh").profiles.count == 2)
    #expect(try IndexReader(path: cold).officials(matching: "dang van nam").profiles.count == 2)
    #expect(w.filter { $0.hasPrefix("o|") }.count > 20)
    #expect(w == c)
    for (a, b) in zip(w, c) where a != b {
      Issue.record("first difference:\n  one run: \(a)\n  two runs: \(b)")
      break
    }
  }
}
