import Foundation

/// Reads vnmine/1 JSONL files (or standard input) and feeds them to an `IndexWriter` in batches.
///
/// Each batch of `batchSize` documents is one transaction, so a run killed midway keeps every finished
/// batch and re-running the same input replaces those documents instead of duplicating them. Counts,
/// summaries and search rows of the entities the batches touched are refreshed at the end of the run and
/// every `IndexWriter.refreshInterval` seconds (after a crash, when the database is next opened for writing). Error
/// records are skipped and counted; lines that are not vnmine/1 records are recorded as failures
/// (`file:line: message`) and the run goes on.
public final class JSONLIndexer {
  public let writer: IndexWriter
  public let batchSize: Int

  public init(writer: IndexWriter, batchSize: Int = 2000) {
    self.writer = writer; self.batchSize = max(1, batchSize)
  }

  /// What a run did.
  public struct Report: Sendable {
    public var documents = 0
    public var errorRecords = 0
    public var failures: [IndexError] = []
    /// Code points of indexed text.
    public var characters = 0
    public var batches = 0
    public var lines = 0
  }

  /// Indexes `paths` in order; `-` (or an empty list) is standard input; `*.gz` files are read through
  /// `gzip -dc`. `progress` is called after each committed batch.
  ///
  /// Lines are read and decoded on a background thread, up to `RecordQueue.maxBytes` ahead of the writer,
  /// so a producer piping into `vnmine index` is not held up while a batch is resolved and committed.
  public func index(paths: [String], progress: ((Report) -> Void)? = nil) throws(IndexError) -> Report {
    let queue = RecordQueue()
    let reading = Thread { [paths] in Self.read(paths: paths, into: queue) }
    reading.stackSize = 8 << 20
    reading.start()
    defer { queue.cancel() }
    return try Self.consume(queue, writer: writer, batchSize: batchSize, progress: progress)
  }

  /// The writer's side, shared with `DocumentIndexer`: batches from `queue` until `.end`, then the final refresh.
  /// On a failure the committed batches' entities are refreshed before the error is thrown.
  static func consume(_ queue: RecordQueue, writer: IndexWriter, batchSize: Int,
                      progress: ((Report) -> Void)?) throws(IndexError) -> Report {
    var report = Report()
    var batch: [IndexedDocument] = []
    func flush() throws(IndexError) {
      guard !batch.isEmpty else { return }
      // Entities are refreshed by `writer.refresh()` when the input ends (or every `refreshInterval`).
      report.characters += try writer.add(batch, deferRefresh: true)
      report.batches += 1
      batch.removeAll(keepingCapacity: true)
      progress?(report)
    }
    var t = PhaseClock.now()
    while true {
      PhaseClock.add("other", &t)
      let (item, lines) = queue.pop()
      PhaseClock.add("waiting for input", &t)
      report.lines += lines
      switch item {
      case .document(let d):
        report.documents += 1
        batch.append(d)
        if batch.count >= batchSize {
          do { try flush() } catch {
            try? writer.refresh()
            throw error
          }
        }
      case .errorRecord:
        report.errorRecords += 1
      case .failure(let e):
        report.failures.append(e)
      case .fatal(let e):
        // The batches committed so far stay; make their entities current before giving up.
        try? writer.refresh()
        throw e
      case .end:
        try flush()
        try writer.refresh(endOfRun: true)
        PhaseClock.report()
        return report
      }
    }
  }

  /// The reading thread: decodes every line of `paths` into `queue`, then `.end` (or `.fatal`).
  private static func read(paths: [String], into queue: RecordQueue) {
    var lines = 0
    for path in paths.isEmpty ? ["-"] : paths {
      let name = path == "-" ? "<stdin>" : path
      let reader: LineReader
      do { reader = try LineReader(path: path) } catch {
        queue.push(.fatal(error), lines: lines, bytes: 0)
        return
      }
      var lineNo = 0
      while let line = reader.next() {
        lineNo += 1
        lines += 1
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
        var t = PhaseClock.now()
        let item: RecordQueue.Item
        do {
          switch try IndexRecord.decode(line, source: name, lineNumber: lineNo) {
          case .document(let d): item = .document(d)
          case .extractionError: item = .errorRecord
          }
        } catch {
          item = if case .badRecord = error { .failure(error) } else { .fatal(error) }
        }
        PhaseClock.add("decode (reading thread)", &t)
        guard queue.push(item, lines: lines, bytes: line.count) else { _ = reader.close(); return }
        lines = 0
        if case .fatal = item { _ = reader.close(); return }
      }
      if let message = reader.close() {
        queue.push(.fatal(.unreadableInput(path: name, message: message)), lines: lines, bytes: 0)
        return
      }
    }
    queue.push(.end, lines: lines, bytes: 0)
  }
}

/// Decoded records handed from the reading thread to the writer, bounded by the bytes of the lines they came from.
final class RecordQueue: @unchecked Sendable {
  enum Item {
    case document(IndexedDocument)
    case errorRecord
    case failure(IndexError)
    case fatal(IndexError)
    case end
  }

  /// At most this many bytes of input lines are decoded ahead of the writer (and at least one line).
  static let maxBytes = 16 << 20

  private let condition = NSCondition()
  private var items: [(item: Item, lines: Int, bytes: Int)] = []
  private var head = 0
  private var bytes = 0
  private var cancelled = false

  /// Appends an item (blocking while the queue is full); false when the consumer has gone.
  @discardableResult
  func push(_ item: Item, lines: Int, bytes n: Int) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while !cancelled && bytes > 0 && bytes + n > Self.maxBytes { condition.wait() }
    guard !cancelled else { return false }
    items.append((item, lines, n))
    bytes += n
    condition.broadcast()
    return true
  }

  /// The next item and the input lines read up to it (blank lines included), blocking while empty.
  func pop() -> (Item, Int) {
    condition.lock()
    defer { condition.unlock() }
    while head == items.count { condition.wait() }
    let entry = items[head]
    items[head] = (.end, 0, 0)
    head += 1
    if head >= 1024 && head * 2 >= items.count {
      items.removeFirst(head)
      head = 0
    }
    bytes -= entry.bytes
    condition.broadcast()
    return (entry.item, entry.lines)
  }

  /// Stops the reading thread at its next line (the consumer stopped).
  func cancel() {
    condition.lock()
    cancelled = true
    condition.broadcast()
    condition.unlock()
  }
}

/// Lines of a file, a gzip file or standard input, read with `getline` (no `Character` work).
final class LineReader {
  private let file: UnsafeMutablePointer<FILE>
  private let isPipe: Bool
  private var buffer: UnsafeMutablePointer<CChar>?
  private var capacity = 0

  init(path: String) throws(IndexError) {
    if path == "-" {
      guard let f = fdopen(dup(0), "r") else { throw .unreadableInput(path: "<stdin>", message: "cannot read") }
      file = f; isPipe = false
    } else {
      var isDir: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
        throw .unreadableInput(path: path, message: "no such file")
      }
      guard !isDir.boolValue else { throw .unreadableInput(path: path, message: "is a directory") }
      if path.hasSuffix(".gz") {
        let quoted = "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
        guard let f = popen("gzip -dc -- \(quoted)", "r") else {
          throw .unreadableInput(path: path, message: "cannot run gzip")
        }
        file = f; isPipe = true
      } else {
        guard let f = fopen(path, "r") else {
          throw .unreadableInput(path: path, message: String(cString: strerror(errno)))
        }
        file = f; isPipe = false
      }
    }
  }

  /// The next line without its newline, or nil at the end.
  func next() -> Data? {
    let n = getline(&buffer, &capacity, file)
    guard n >= 0, let buffer else { return nil }
    var len = n
    if len > 0 && buffer[len - 1] == 0x0A { len -= 1 }
    return Data(bytes: buffer, count: len)
  }

  /// Closes the input; returns a message when reading failed (a gzip error, an I/O error).
  func close() -> String? {
    let failed = ferror(file) != 0
    free(buffer)
    buffer = nil
    if isPipe {
      let status = pclose(file)
      return status != 0 ? "gzip failed (exit status \(status))" : (failed ? "read error" : nil)
    }
    fclose(file)
    return failed ? "read error" : nil
  }
}
