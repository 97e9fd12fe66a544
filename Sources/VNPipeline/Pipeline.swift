import Foundation
import VNCore
import VNOutput

/// Counts of a run, for the summary line.
public struct PipelineSummary: Sendable {
  public var documents = 0
  public var errors = 0
  public var skipped = 0
  /// Code points of annotated text.
  public var chars = 0
  public var bytes = 0
  public var seconds = 0.0
  public var interrupted = false
  /// The first failures (file, line and message), for the summary.
  public var failures: [DocumentFailure] = []
}

/// One finished record on its way to the writer.
public struct PipelineRecord: Sendable {
  public let index: Int
  public let id: String
  public let json: [UInt8]
  public let failure: DocumentFailure?
  public let chars: Int
  /// What the pipeline's `attach` made of the annotated document in the worker (e.g. an index record).
  public let attachment: (any Sendable)?
}

/// reader → bounded pool of normalise→tokenize→extract workers → one writer that restores input order.
///
/// One reader task reads documents (a `DocumentReader`, which it owns) and hands them out through a
/// bounded queue; `jobs` worker tasks each own an `AnnotatorWorker` (and so their ICU iterators) and turn
/// documents into JSON records; the calling task receives the records and emits them in input order.
/// A `Window` of permits caps the documents in flight, so memory stays bounded whatever the archive
/// size. Only `Sendable` values (documents, byte arrays) cross tasks.
public struct Pipeline: Sendable {
  public let annotator: Annotator
  public let jobs: Int
  /// Run by the workers on each annotated document (in parallel); its value travels with the record to
  /// `emit` (`vnmine extract --index` builds the index record here).
  public let attach: (@Sendable (AnnotatedDocument) -> (any Sendable)?)?
  /// Finished records the workers may get ahead of `emit` by (at least `jobs * 4`; the documents in flight are
  /// capped at twice as many). An `emit` that now and then takes longer (`vnmine extract --index`, which indexes
  /// 64 documents at a time) needs room, or the workers wait for it.
  public let buffer: Int

  public init(annotator: Annotator, jobs: Int, buffer: Int = 0, attach: (@Sendable (AnnotatedDocument) -> (any Sendable)?)? = nil) {
    self.annotator = annotator
    self.jobs = max(1, jobs)
    self.buffer = max(self.jobs * 4, buffer)
    self.attach = attach
  }

  /// Runs the pipeline over `files`.
  /// - Parameters:
  ///   - alreadyWritten: ids of the leading records an interrupted run wrote; those documents are read
  ///     but not annotated again, and must have exactly these ids (else `PipelineError.resumeMismatch`).
  ///   - emit: called on the caller's task with each record, in input order.
  public func run(files: [String], options: ReaderOptions, alreadyWritten: [String] = [], stop: StopSignal,
                  emit: (PipelineRecord) throws -> Void) async throws -> PipelineSummary {
    let skip = alreadyWritten.count
    let started = Date()
    let inbox = BoundedQueue<(Int, Result<Document, DocumentFailure>)>(capacity: jobs * 2)
    let outbox = BoundedQueue<PipelineRecord>(capacity: buffer)
    let window = Window(permits: buffer * 2)
    let finished = Countdown(jobs) { await outbox.close() }
    let annotator = self.annotator
    let attach = self.attach
    var summary = PipelineSummary()

    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask {
        let reader = DocumentReader(files: files, options: options)
        var index = 0
        while !stop.isStopped, let item = reader.next() {
          if index < skip {
            let id = (try? item.get().id) ?? item.failureRecordID
            guard id == alreadyWritten[index] else {
              await inbox.close()
              throw PipelineError.resumeMismatch(index: index, expected: alreadyWritten[index], found: id)
            }
            index += 1
            continue
          }
          await window.acquire()
          await inbox.send((index, item))
          index += 1
        }
        await inbox.close()
        if index < skip { throw PipelineError.resumeMismatch(index: index, expected: alreadyWritten[index], found: "(end of input)") }
      }
      for _ in 0..<jobs {
        group.addTask {
          do {
            let worker = try annotator.makeWorker()
            var w = JSONWriter(capacity: 1 << 16)
            while let (index, item) = await inbox.receive() {
              let record: AnnotatedDocument
              var chars = 0
              switch item {
              case .success(let doc):
                record = worker.annotate(doc)
                // Code points from the UTF-8 bytes (one leading byte each), not a walk over the scalars.
                var text = doc.text
                chars = text.withUTF8 { b in b.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) } }
              case .failure(let f):
                record = AnnotatedDocument(document: Document(id: f.recordID, location: f.location, text: ""), failure: f)
              }
              w.reset()
              RecordWriter.write(record, into: &w)
              w.newline()
              await outbox.send(PipelineRecord(index: index, id: record.document.id, json: w.bytes, failure: record.failure,
                                               chars: chars, attachment: attach?(record)))
            }
            await finished.done()
          } catch {
            await finished.done()
            throw error
          }
        }
      }
      // The writer: restore input order.
      var pending: [Int: PipelineRecord] = [:]
      var next = skip
      while let r = await outbox.receive() {
        pending[r.index] = r
        while let ready = pending.removeValue(forKey: next) {
          try emit(ready)
          summary.documents += 1
          summary.bytes += ready.json.count
          summary.chars += ready.chars
          if let f = ready.failure {
            summary.errors += 1
            if summary.failures.count < 20 { summary.failures.append(f) }
          }
          next += 1
          await window.release()
        }
      }
      summary.skipped = skip
      try await group.waitForAll()
    }
    summary.interrupted = stop.isStopped
    summary.seconds = Date().timeIntervalSince(started)
    return summary
  }
}

extension Result where Success == Document, Failure == DocumentFailure {
  var failureRecordID: String {
    if case .failure(let f) = self { return f.recordID }
    return ""
  }
}

/// Problems that stop a whole run.
public enum PipelineError: Error, CustomStringConvertible {
  case resumeMismatch(index: Int, expected: String, found: String)

  public var description: String {
    switch self {
    case .resumeMismatch(let i, let e, let f):
      return "cannot resume: record \(i + 1) of the output is \"\(e)\" but the input's document \(i + 1) is \"\(f)\" (different input?)"
    }
  }
}
