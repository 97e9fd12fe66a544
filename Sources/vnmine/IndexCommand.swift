import ArgumentParser
import Foundation
import VNIndex
import VNText

/// The `--db` option shared by index, search and show.
struct IndexDatabaseOption: ParsableArguments {
  @Option(name: .customLong("db"), help: "The index database (SQLite).")
  var path: String = "vnmine.sqlite"
}

struct IndexCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "index",
    abstract: "Index annotated JSONL (vnmine extract output) into a searchable SQLite database.",
    discussion: """
      Reads vnmine/1 JSONL (FILE.jsonl, FILE.jsonl.gz, or standard input for '-' or no file), one transaction per \
      batch. Re-indexing a document replaces its rows. Entity counts, summaries and search rows are refreshed at the \
      end of the run and every 30 s (searches during a run see the last refresh). Example:
        vnmine extract news.jsonl.gz | vnmine index --db news.sqlite
      """
  )

  @Argument(help: "Annotated JSONL files; '-' or nothing reads standard input.")
  var files: [String] = []
  @OptionGroup var database: IndexDatabaseOption
  @Option(help: "Documents per transaction (a killed run loses at most the batch being written).")
  var batch: Int = 2000
  @Option(help: "The models folder (rank seniority, unit abbreviations); default: found as for extract.")
  var models: String?
  @Flag(help: "Print the run summary as JSON on standard output.")
  var json = false
  @Flag(help: "No progress line on standard error.")
  var quiet = false

  func run() throws {
    let gazetteer: IndexGazetteer
    if let dir = try? ModelDirectory.locate(explicit: models) {
      gazetteer = try IndexGazetteer.load(from: dir)
    } else if models != nil {
      _ = try ModelDirectory.locate(explicit: models)
      gazetteer = .empty
    } else {
      gazetteer = .empty
    }
    let writer = try IndexWriter(path: database.path, gazetteer: gazetteer)
    let indexer = JSONLIndexer(writer: writer, batchSize: batch)
    let start = Date()
    let showProgress = !quiet && isatty(2) != 0
    let report = try indexer.index(paths: files) { r in
      guard showProgress else { return }
      let s = Date().timeIntervalSince(start)
      FileHandle.standardError.write(Data("\rindexed \(r.documents) documents, \(Self.rate(r.characters, s)) chars/s".utf8))
    }
    try writer.checkpoint()
    let seconds = Date().timeIntervalSince(start)
    if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    let counts = try writer.counts()
    for f in report.failures.prefix(20) { FileHandle.standardError.write(Data("\(f)\n".utf8)) }
    if report.failures.count > 20 {
      FileHandle.standardError.write(Data("… and \(report.failures.count - 20) more invalid lines\n".utf8))
    }
    let size = (try? FileManager.default.attributesOfItem(atPath: database.path)[.size] as? Int) ?? 0
    if json {
      let summary = IndexRunSummary(
        database: database.path, documents: report.documents, errorRecords: report.errorRecords,
        invalidLines: report.failures.count, characters: report.characters, batches: report.batches,
        seconds: seconds, charsPerSecond: Double(report.characters) / max(seconds, 1e-9), databaseBytes: size, index: counts)
      let enc = JSONEncoder()
      enc.keyEncodingStrategy = .convertToSnakeCase
      enc.outputFormatting = [.sortedKeys]
      print(String(decoding: try enc.encode(summary), as: UTF8.self))
    } else {
      let msg = """
        indexed \(report.documents) documents (\(report.characters) chars) in \(report.batches) batches, \
        \(String(format: "%.2f", seconds)) s, \(Self.rate(report.characters, seconds)) chars/s; \
        skipped \(report.errorRecords) error records, \(report.failures.count) invalid lines
        \(database.path): \(counts) (\(size / 1024) KiB)

        """
      FileHandle.standardError.write(Data(msg.utf8))
    }
    if !report.failures.isEmpty { throw ExitCode(1) }
  }

  static func rate(_ chars: Int, _ seconds: Double) -> String {
    String(format: "%.0f", Double(chars) / max(seconds, 1e-9))
  }
}

/// The `--json` summary of an index run.
struct IndexRunSummary: Encodable {
  var database: String
  var documents: Int
  var errorRecords: Int
  var invalidLines: Int
  var characters: Int
  var batches: Int
  var seconds: Double
  var charsPerSecond: Double
  var databaseBytes: Int
  var index: IndexCounts
}
