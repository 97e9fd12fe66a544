import Foundation

/// Reads vnmine/1 JSONL files (or standard input) and feeds them to an `IndexWriter` in batches.
///
/// Each batch of `batchSize` documents is one transaction (entities a batch touches get their counts and
/// search rows recomputed once per batch, which is why larger batches are faster), so a run killed midway keeps every finished
/// batch and re-running the same input replaces those documents instead of duplicating them. Error
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
  public func index(paths: [String], progress: ((Report) -> Void)? = nil) throws(IndexError) -> Report {
    var report = Report()
    var batch: [IndexedDocument] = []
    func flush() throws(IndexError) {
      guard !batch.isEmpty else { return }
      report.characters += try writer.add(batch)
      report.batches += 1
      batch.removeAll(keepingCapacity: true)
      progress?(report)
    }
    for path in paths.isEmpty ? ["-"] : paths {
      let reader = try LineReader(path: path)
      let name = path == "-" ? "<stdin>" : path
      var lineNo = 0
      while let line = reader.next() {
        lineNo += 1
        report.lines += 1
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
        do {
          var t = PhaseClock.now()
          let record = try IndexRecord.decode(line, source: name, lineNumber: lineNo)
          PhaseClock.add("decode", &t)
          switch record {
          case .document(let d):
            report.documents += 1
            batch.append(d)
            if batch.count >= batchSize { try flush() }
          case .extractionError:
            report.errorRecords += 1
          }
        } catch {
          if case .badRecord = error { report.failures.append(error) } else { throw error }
        }
      }
      if let message = reader.close() { throw .unreadableInput(path: name, message: message) }
    }
    try flush()
    PhaseClock.report()
    return report
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
