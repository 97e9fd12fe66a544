import Foundation

/// Indexes documents handed over in memory (`vnmine extract --index DB`), as `JSONLIndexer` does: each batch
/// of `batchSize` documents is one transaction, and entities are refreshed every
/// `IndexWriter.refreshInterval` seconds and at the end.
///
/// Each document is resolved and written when it is handed over, on the caller's thread (the extract
/// pipeline's writer task), inside the open batch's transaction. Indexing so shares the pipeline's worker
/// threads instead of running on a thread of its own: with as many threads as cores, a third busy thread
/// only made every thread slower (measured: about +60 % wall time against about +30 % this way). Nothing
/// is serialised to JSON and parsed back.
///
/// Used by one task at a time (the pipeline's writer); not thread-safe.
public final class DocumentIndexer: @unchecked Sendable {
  private let writer: IndexWriter
  private let batchSize: Int
  private var report = JSONLIndexer.Report()
  /// Documents in the open batch.
  private var pending = 0
  /// What stopped indexing; later documents are ignored and `finish` throws it.
  private var failure: IndexError?

  public init(writer: IndexWriter, batchSize: Int = 2000) {
    self.writer = writer
    self.batchSize = max(1, batchSize)
  }

  /// Indexes one document (committing the batch it completes); false when indexing has failed (now or
  /// before), and `finish` then throws the error. The batches committed before a failure stay, refreshed.
  @discardableResult
  public func add(_ document: IndexedDocument) -> Bool {
    guard failure == nil else { return false }
    do throws(IndexError) {
      if pending == 0 { try writer.begin() }
      report.documents += 1
      pending += 1
      report.characters += try writer.append(document)
      if pending >= batchSize {
        try writer.commit(deferRefresh: true)
        report.batches += 1
        pending = 0
      }
      return true
    } catch {
      failure = error
      pending = 0
      try? writer.refresh()
      return false
    }
  }

  /// Counts an extraction error record (not indexed).
  public func addErrorRecord() { report.errorRecords += 1 }

  /// Commits the last batch and refreshes what the run touched; throws what stopped indexing, if anything did.
  public func finish() throws(IndexError) -> JSONLIndexer.Report {
    if let failure { throw failure }
    do {
      if pending > 0 {
        try writer.commit(deferRefresh: true)
        report.batches += 1
        pending = 0
      }
      // The refresh and the indexes left out are separate transactions, so the background checkpointer
      // copies each one's pages while the next runs (`IndexWriter.refresh`).
      writer.requestCheckpoint()
      try writer.refresh()
    } catch {
      failure = error
      try? writer.refresh()
      throw error
    }
    PhaseClock.report()
    return report
  }
}
