import Foundation
import Testing
@testable import VNIndex

/// `DocumentIndexer` (`vnmine extract --index`) indexes the documents it is handed in bursts: what it writes must
/// not depend on the burst size, and `finish` must index a burst left incomplete.
@Suite("Indexing handed-over documents in bursts")
struct DocumentIndexerTests {
  static func documents() throws -> [IndexedDocument] {
    try IndexRefreshPathTests.lines(generated: 150).enumerated().compactMap { n, line in
      if case .document(let d) = try IndexRecord.decode(Data(line.utf8), source: "t", lineNumber: n + 1) { return d }
      return nil
    }
  }

  @Test("bursts write the rows of one document at a time, the last burst (incomplete) included")
  func burstsWriteTheSameRows() throws {
    let docs = try Self.documents()
    #expect(docs.count > 100)
    // A burst size that leaves the last burst incomplete.
    let size = try #require((5...9).first { docs.count % $0 != 0 })
    var dumps: [[String]] = []
    for burst in [1, size] {
      let path = IndexFixtures.databasePath()
      let indexer = DocumentIndexer(writer: try IndexWriter(path: path, gazetteer: IndexFixtures.gazetteer),
                                    batchSize: 40, burstSize: burst)
      for d in docs { #expect(indexer.add(d)) }
      let report = try indexer.finish()
      #expect(report.documents == docs.count, "burst \(burst)")
      #expect(report.batches == (docs.count + 39) / 40, "burst \(burst)")
      dumps.append(try IndexRefreshPathTests.dump(path))
      let counts = try IndexWriter(path: path, gazetteer: IndexFixtures.gazetteer).counts()
      #expect(counts.documents == docs.count, "burst \(burst)")
    }
    #expect(dumps[0].count > 500)
    #expect(dumps[0] == dumps[1])
    for (a, b) in zip(dumps[0], dumps[1]) where a != b {
      Issue.record("first difference:\n  one at a time: \(a)\n  bursts: \(b)")
      break
    }
  }
}
