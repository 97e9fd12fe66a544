import Foundation
import Testing
@testable import VNIndex

/// A writer filling an empty database leaves the randomly-ordered indexes (`IndexSchema.deferredIndexes`) out
/// until its run ends: the rows must be those of a writer that keeps them, the indexes must be back when the
/// run ends, and a run stopped half-way must get them back at the next open.
@Suite("Indexes built at the end of a bulk run")
struct IndexDeferredIndexTests {
  static func indexNames(_ path: String) throws -> Set<String> {
    let db = try SQLiteConnection(path: path, readOnly: true, create: false)
    return Set(try db.query("SELECT name FROM sqlite_master WHERE type = 'index'") { $0.text(0) })
  }

  static let deferred = Set(IndexSchema.deferredIndexNames)

  @Test("rows equal those of a writer that keeps the indexes, and every index is there at the end")
  func sameRowsAndIndexesBack() throws {
    let input = try IndexRefreshPathTests.write(IndexRefreshPathTests.lines(generated: 240)[...])
    var dumps: [[String]] = []
    for defer_ in [true, false] {
      let path = IndexFixtures.databasePath()
      let writer = try IndexWriter(path: path, gazetteer: IndexFixtures.gazetteer)
      writer.deferIndexes = defer_
      // The bulk refresh at the end: with the indexes deferred, its rows are computed beside their build.
      writer.bulkRefreshThreshold = 0
      _ = try JSONLIndexer(writer: writer, batchSize: 50).index(paths: [input])
      #expect(!writer.indexesDeferred)
      #expect(try Self.indexNames(path).isSuperset(of: Self.deferred), "deferIndexes \(defer_)")
      #expect(try writer.integrityCheck() == "ok")
      dumps.append(try IndexRefreshPathTests.dump(path))
    }
    #expect(dumps[0].count > 1000)
    #expect(dumps[0] == dumps[1])
    for (a, b) in zip(dumps[0], dumps[1]) where a != b {
      Issue.record("first difference:\n  deferred: \(a)\n  kept: \(b)")
      break
    }
  }

  @Test("the lookups of units and directives by mention surface use mentions_key")
  func surfaceLookupsUseTheIndex() throws {
    let path = IndexFixtures.databasePath()
    _ = try JSONLIndexer(writer: IndexWriter(path: path, gazetteer: IndexFixtures.gazetteer), batchSize: 50)
      .index(paths: [IndexRefreshPathTests.write(IndexRefreshPathTests.lines(generated: 40)[...])])
    let db = try SQLiteConnection(path: path, readOnly: true, create: false)
    for (label, kind) in [("UNIT", "unit"), ("DIRECTIVE", "directive")] {
      let plan = try db.query("""
        EXPLAIN QUERY PLAN SELECT entity FROM mentions WHERE label = '\(label)' AND key = ? AND kind = '\(kind)'
        GROUP BY entity ORDER BY count(*) DESC LIMIT 5
        """, [.text("bo cong an")]) { $0.text(3) }.joined(separator: "; ")
      #expect(plan.contains("USING INDEX mentions_key (key=? AND label=?)"), "\(plan)")
    }
  }

  @Test("a run stopped after committed batches leaves the indexes out; the next open builds them")
  func stoppedRunRecovers() throws {
    let lines = try IndexRefreshPathTests.lines(generated: 80)
    let path = IndexFixtures.databasePath()
    do {
      let writer = try IndexWriter(path: path, gazetteer: IndexFixtures.gazetteer)
      try writer.begin()
      for line in lines.prefix(30) {
        if case .document(let d) = try IndexRecord.decode(Data(line.utf8), source: "t", lineNumber: 1) { _ = try writer.append(d) }
      }
      try writer.commit(deferRefresh: true)
      #expect(writer.indexesDeferred, "an empty database: the indexes wait for the end of the run")
      // The run stops here: no last commit, no refresh.
    }
    #expect(try Self.indexNames(path).isDisjoint(with: Self.deferred))
    let reopened = try IndexWriter(path: path, gazetteer: IndexFixtures.gazetteer)
    #expect(try Self.indexNames(path).isSuperset(of: Self.deferred))
    #expect(try reopened.integrityCheck() == "ok")
    #expect(try reopened.counts().documents > 0)
  }

  @Test("the mirror names the unit the mentions query names: most UNIT mentions with the surface, lowest id among equals")
  func mirrorAnswersAsTheQuery() throws {
    let db = try SQLiteConnection(path: IndexFixtures.databasePath("m.sqlite"), readOnly: false, create: true)
    try db.execute("CREATE TABLE mentions(label TEXT, key TEXT, kind TEXT, entity INTEGER)")
    var mirror = RowMirror()
    var rng = SystemRandomNumberGenerator()
    let keys = ["bo cong an", "ubnd tinh", "cuc v28", "bca"]
    for _ in 0..<400 {
      let key = keys.randomElement(using: &rng)!, entity = Int64.random(in: 1...6, using: &rng)
      // A few mentions of other labels or kinds with the same surface: the query ignores them, so must the mirror.
      let unit = Int.random(in: 0..<10, using: &rng) > 0
      try db.run("INSERT INTO mentions VALUES (?, ?, ?, ?)",
                 [.text(unit ? "UNIT" : "DIRECTIVE"), .text(key), .text(unit ? "unit" : "directive"), .int(entity)])
      mirror.addMention(EntityRef(kind: unit ? .unit : .directive, id: entity), key: key, unitLabel: unit)
    }
    for key in keys + ["none"] {
      let sql = try db.scalar("""
        SELECT entity FROM mentions WHERE label = 'UNIT' AND key = ? AND kind = 'unit'
        GROUP BY entity ORDER BY count(*) DESC, entity LIMIT 1
        """, [.text(key)])
      #expect(mirror.mostMentionedUnit(surface: key) == sql, "\(key)")
    }
    var tie = RowMirror()
    for id: Int64 in [5, 3, 5, 3, 9] { tie.addMention(EntityRef(kind: .unit, id: id), key: "k", unitLabel: true) }
    #expect(tie.mostMentionedUnit(surface: "k") == 3)
  }

  @Test("an index that already holds documents keeps its indexes while more are added")
  func nonEmptyKeepsIndexes() throws {
    let lines = try IndexRefreshPathTests.lines(generated: 40)
    let path = IndexFixtures.databasePath()
    _ = try JSONLIndexer(writer: IndexWriter(path: path, gazetteer: IndexFixtures.gazetteer), batchSize: 20)
      .index(paths: [IndexRefreshPathTests.write(lines.prefix(20))])
    let second = try IndexWriter(path: path, gazetteer: IndexFixtures.gazetteer)
    try second.begin()
    for line in lines.dropFirst(20) {
      if case .document(let d) = try IndexRecord.decode(Data(line.utf8), source: "t", lineNumber: 1) { _ = try second.append(d) }
    }
    #expect(!second.indexesDeferred)
    #expect(try Self.indexNames(path).isSuperset(of: Self.deferred))
    try second.commit(deferRefresh: false)
  }
}
