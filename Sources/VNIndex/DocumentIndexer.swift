import Foundation

/// Indexes documents handed over in memory (`vnmine extract --index DB`), on a thread of its own, in batches
/// as `JSONLIndexer` does: each batch of `batchSize` documents is one transaction, and entities are refreshed
/// every `IndexWriter.refreshInterval` seconds and at the end.
///
/// The producer (the extract pipeline's writer) only queues documents; resolving and committing them overlaps
/// with extraction, and nothing is serialised to JSON and parsed back.
public final class DocumentIndexer: @unchecked Sendable {
  private let queue = RecordQueue()
  private let done = DispatchSemaphore(value: 0)
  private var outcome: Result<JSONLIndexer.Report, IndexError> = .success(JSONLIndexer.Report())

  /// Hands `writer` over to the indexing thread: the caller must not use it afterwards.
  public init(writer: IndexWriter, batchSize: Int = 2000) {
    let handover = Handover(writer: writer)
    let thread = Thread { [queue] in
      self.outcome = Self.run(writer: handover.writer, batchSize: max(1, batchSize), queue: queue)
      if case .failure = self.outcome { queue.cancel() }   // later pushes return at once
      self.done.signal()
    }
    thread.stackSize = 8 << 20
    thread.start()
  }

  /// Queues one document (blocks while the queue holds more than `RecordQueue.maxBytes` of text); false
  /// when indexing has already failed (`finish` then throws the error).
  @discardableResult
  public func add(_ document: IndexedDocument) -> Bool {
    queue.push(.document(document), lines: 1, bytes: max(1, document.content.bytes.count))
  }

  /// Counts an extraction error record (not indexed).
  public func addErrorRecord() { queue.push(.errorRecord, lines: 1, bytes: 0) }

  /// Waits for the last batch and the final refresh; throws what stopped indexing, if anything did.
  public func finish() throws(IndexError) -> JSONLIndexer.Report {
    queue.push(.end, lines: 0, bytes: 0)
    done.wait()
    return try outcome.get()
  }

  private static func run(writer: IndexWriter, batchSize: Int, queue: RecordQueue) -> Result<JSONLIndexer.Report, IndexError> {
    do throws(IndexError) {
      return .success(try JSONLIndexer.consume(queue, writer: writer, batchSize: batchSize, progress: nil))
    } catch {
      return .failure(error)
    }
  }
}

/// The writer on its way to the indexing thread, which is then its only user.
private final class Handover: @unchecked Sendable {
  let writer: IndexWriter
  init(writer: IndexWriter) { self.writer = writer }
}
