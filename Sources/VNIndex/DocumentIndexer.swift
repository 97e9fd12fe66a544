import Foundation

/// Indexes documents handed over in memory (`vnmine extract --index DB`), as `JSONLIndexer` does: each batch
/// of `batchSize` documents is one transaction, and entities are refreshed every
/// `IndexWriter.refreshInterval` seconds and at the end.
///
/// Documents are resolved and written on the caller's thread (the extract pipeline's writer task), inside the
/// open batch's transaction. Indexing so shares the pipeline's worker threads instead of running on a thread of
/// its own: with as many threads as cores, a third busy thread only made every thread slower (measured: about
/// +60 % wall time against about +30 % this way; a thread of its own handed bursts of 64: +33 % against +28 %,
/// medians of 10 alternated pairs). Nothing is serialised to JSON and parsed back.
///
/// They are indexed in bursts of `burstSize` documents (64 for `extract --index`), not one at a time: the
/// indexer then takes a thread from the extraction workers a sixty-fourth as often, for ~6 ms instead of ~0.1 ms,
/// and the workers' caches are disturbed that much less often. Measured on baomoi (12 alternated runs): about
/// 0.5 s less CPU over the run, and a smaller slowdown of extraction. The pipeline holds enough finished records
/// (`Pipeline(buffer:)`) that the workers go on meanwhile. A burst is not committed before the batch it
/// completes, so a crash loses nothing more than before: the open batch.
///
/// Used by one task at a time (the pipeline's writer); not thread-safe.
public final class DocumentIndexer: @unchecked Sendable {
  private let writer: IndexWriter
  private let batchSize: Int
  /// Documents indexed together (`add`).
  private let burstSize: Int
  private var burst: [IndexedDocument] = []
  private var report = JSONLIndexer.Report()
  /// Documents in the open batch.
  private var pending = 0
  /// What stopped indexing; later documents are ignored and `finish` throws it.
  private var failure: IndexError?

  /// - Parameter burstSize: documents taken before they are indexed, one after the other (see the type's notes).
  public init(writer: IndexWriter, batchSize: Int = 2000, burstSize: Int = 64) {
    self.writer = writer
    self.batchSize = max(1, batchSize)
    self.burstSize = max(1, burstSize)
    burst.reserveCapacity(self.burstSize)
  }

  /// Takes one document; it is indexed with the burst it completes (committing the batch it completes). False
  /// when indexing has failed (now or before), and `finish` then throws the error. The batches committed before a
  /// failure stay, refreshed.
  @discardableResult
  public func add(_ document: IndexedDocument) -> Bool {
    guard failure == nil else { return false }
    burst.append(document)
    if burst.count >= burstSize { flushBurst() }
    return failure == nil
  }

  /// Indexes the documents taken since the last burst.
  private func flushBurst() {
    defer { burst.removeAll(keepingCapacity: true) }
    for document in burst {
      guard failure == nil else { return }
      index(document)
    }
  }

  private func index(_ document: IndexedDocument) {
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
    } catch {
      failure = error
      pending = 0
      try? writer.refresh()
    }
  }

  /// Counts an extraction error record (not indexed).
  public func addErrorRecord() { report.errorRecords += 1 }

  /// Commits the last batch and refreshes what the run touched; throws what stopped indexing, if anything did.
  public func finish() throws(IndexError) -> JSONLIndexer.Report {
    flushBurst()
    if let failure { throw failure }
    do {
      if pending > 0 {
        try writer.commit(deferRefresh: true)
        report.batches += 1
        pending = 0
      }
      try writer.refresh(endOfRun: true)
    } catch {
      failure = error
      try? writer.refresh()
      throw error
    }
    PhaseClock.report()
    return report
  }
}
