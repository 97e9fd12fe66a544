import ArgumentParser
import Foundation
import VNCore
import VNOutput
import VNPipeline
import VNIndex
import VNText

struct ExtractCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Annotate documents with ranks, titles, officials, units and directives (annotated JSONL).",
    discussion: """
      Reads plain-text files (one document each), JSONL files (one document per line) and their .gz forms, \
      folders (recursively, sorted) or standard input ('-'). Writes one JSON record per input document, in \
      input order: the annotation, or an error record naming the file and line. Exit status: 0 when every \
      document was annotated, 2 when some failed, 1 on usage errors, 130 when interrupted.
      """
  )

  enum Format: String, ExpressibleByArgument { case auto, text, jsonl }

  @Argument(help: "Input files or folders; '-' (or nothing) reads standard input.")
  var inputs: [String] = []
  @Option(name: .shortAndLong, help: "Write to FILE (atomically) instead of standard output.")
  var output: String?
  @Flag(help: "Continue an interrupted run into the --output file.")
  var resume = false
  @Option(help: "Input format: auto (by extension, else sniffed), text, jsonl.")
  var inputFormat: Format = .auto
  @Option(help: "JSONL field holding the text.")
  var textField = "text"
  @Option(help: "JSONL field holding the document id (default: path:line).")
  var idField = "id"
  @Flag(help: "Plain text: pass the first line through as the title (the text keeps it).")
  var titleFirstLine = false
  @Option(help: "Plain-text input encoding: auto, utf-8, windows-1258.")
  var encoding: InputDecoder.Encoding = .auto
  @Option(help: "Documents larger than this many MB become error records.")
  var maxDocumentMb = 64
  @Option(help: "Concurrent workers (default: active cores).")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
  @Option(help: "The models folder (default: found next to the executable or in the repository).")
  var models: String?
  @Option(help: "A folder of TSV files in the models/gazetteers format that add to or override the gazetteers.")
  var modelsOverlay: String?
  @Option(help: "Also index the records into this vnmine index database, in the same run (as `vnmine extract … | vnmine index --db DB -` does, without the JSON round trip).")
  var index: String?
  @Flag(help: "Also write each document's sentences and tokens (words with offsets, as `vnmine tokenize` does).")
  var tokens = false
  @Option(help: "Your own word list (one word per line), added to the lexicon without rebuilding (with --tokens).")
  var userWords: String?
  @Flag(help: "Show a progress line on standard error even when it is not a terminal.")
  var progress = false
  @Flag(help: "No progress line and no summary.")
  var quiet = false
  @OptionGroup var normalization: NormalizationFlags

  func validate() throws {
    if resume && output == nil { throw ValidationError("--resume needs --output FILE") }
    if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    if userWords != nil && !tokens { throw ValidationError("--user-words changes only the tokens: add --tokens") }
    if index != nil && resume { throw ValidationError("--index cannot be combined with --resume: index the finished output with `vnmine index` instead") }
  }

  /// Documents `--index` indexes at a time (`DocumentIndexer`), and the finished records the pipeline holds
  /// meanwhile, so the workers go on while a burst is indexed (~6 ms); 128 measured better than 32.
  static let indexBurst = 64
  static let indexBuffer = 128

  func run() async throws {
    let modelDir = try ModelDirectory.locate(explicit: models)
    let words = try readUserWords(userWords)
    let overlay = modelsOverlay.map { ModelDirectory(path: $0) }
    var annotator = try Annotator.load(models: modelDir, options: normalization.options, overlay: overlay, userWords: words)
    annotator.withTokens = tokens
    var reader = ReaderOptions()
    reader.format = ReaderOptions.Format(rawValue: inputFormat.rawValue) ?? .auto
    reader.textField = textField
    reader.idField = idField
    reader.titleFirstLine = titleFirstLine
    reader.encoding = encoding
    reader.maxDocumentBytes = maxDocumentMb << 20
    let files = InputSpec.expand(inputs) { FileHandle.standardError.write(Data("vnmine: warning: \($0)\n".utf8)) }

    let out = try OutputFile(path: output, resume: resume)
    let stop = StopSignal()
    let interrupt = InterruptHandler(stop)
    let meter = ProgressMeter(enabled: !quiet && (progress || isatty(2) == 1), totalBytes: ProgressMeter.plainSize(files))
    // `--index DB`: the workers turn each annotated document into an index record; the pipeline's writer task
    // hands them to the indexer, which resolves and writes them 64 at a time and commits them in batches.
    let indexer = try index.map { path in
      DocumentIndexer(writer: try IndexWriter(path: path, gazetteer: try IndexGazetteer.load(from: modelDir)),
                      burstSize: Self.indexBurst)
    }
    let attach: (@Sendable (AnnotatedDocument) -> (any Sendable)?)?
    if indexer == nil { attach = nil } else {
      attach = { @Sendable (record: AnnotatedDocument) -> (any Sendable)? in
        record.failure == nil ? Self.indexRecord(record) : nil
      }
    }
    let summary = try await Pipeline(annotator: annotator, jobs: jobs, buffer: indexer == nil ? 0 : Self.indexBuffer, attach: attach)
      .run(files: files, options: reader, alreadyWritten: out.written, stop: stop) { record in
        try out.write(record.json)
        meter.update(documents: 1, chars: record.chars)
        if let indexer {
          if let d = record.attachment as? IndexedDocument { indexer.add(d) } else { indexer.addErrorRecord() }
        }
      }
    try out.finish()
    if let indexer, let path = index {
      let report = try indexer.finish()
      if !quiet {
        FileHandle.standardError.write(Data("vnmine: indexed \(report.documents) documents into \(path) (\(report.batches) batches, \(report.errorRecords) error records skipped)\n".utf8))
      }
    }
    meter.finish()
    _ = interrupt
    if !quiet { FileHandle.standardError.write(Data(Self.summaryText(summary, output: output).utf8)) }
    if summary.interrupted { throw ExitCode(130) }
    if summary.errors > 0 { throw ExitCode(2) }
  }

  /// The index's view of an annotated document (the same fields `vnmine index` reads from its JSON line).
  static func indexRecord(_ record: AnnotatedDocument) -> IndexedDocument {
    let doc = record.document
    func metadata(_ key: String) -> String? {
      guard let raw = doc.metadata.first(where: { $0.key == key })?.json else { return nil }
      return (try? JSONValue.parse(raw))?.string
    }
    return IndexedDocument(id: doc.id, source: doc.location.path, line: doc.location.line, title: metadata("title"),
                           url: metadata("url"), date: metadata("date"), text: doc.text,
                           entities: record.extraction.entities, officials: record.extraction.officials)
  }

  static func summaryText(_ s: PipelineSummary, output: String?) -> String {
    let rate = s.seconds > 0 ? Double(s.chars) / s.seconds : 0
    var t = "vnmine: \(s.documents) documents"
    if s.skipped > 0 { t += " (+\(s.skipped) already written)" }
    t += ", \(s.errors) errors, \(s.chars) chars, \(String(format: "%.2f", s.seconds)) s, \(String(format: "%.0f", rate)) chars/s\n"
    for f in s.failures { t += "  error: \(f.message.isEmpty ? f.kind.rawValue : f.message)\n" }
    if s.errors > s.failures.count { t += "  … and \(s.errors - s.failures.count) more (see the error records)\n" }
    if s.interrupted { t += "vnmine: interrupted; completed records are written\(output.map { " to \($0); run again with --resume to finish" } ?? "")\n" }
    return t
  }
}

/// Turns Ctrl-C into a stop request: the reader stops, the records in flight are written, exit 130.
final class InterruptHandler {
  private let source: any DispatchSourceSignal
  init(_ stop: StopSignal) {
    signal(SIGINT, SIG_IGN)
    source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    source.setEventHandler { stop.stop() }
    source.resume()
  }
  deinit { source.cancel() }
}

/// A progress line on standard error: documents, MB of text, rate and, for plain files, ETA.
final class ProgressMeter {
  let enabled: Bool
  let totalBytes: Int?
  let start = Date()
  var last = Date.distantPast
  var documents = 0
  var chars = 0

  init(enabled: Bool, totalBytes: Int?) { self.enabled = enabled; self.totalBytes = totalBytes }

  /// Total size of the inputs when all are uncompressed regular files (else no ETA).
  static func plainSize(_ files: [String]) -> Int? {
    var total = 0
    for f in files {
      guard f != "-", !f.hasSuffix(".gz"), let a = try? FileManager.default.attributesOfItem(atPath: f),
            let n = a[.size] as? Int else { return nil }
      total += n
    }
    return total
  }

  func update(documents d: Int, chars c: Int) {
    documents += d
    chars += c
    guard enabled else { return }
    let now = Date()
    guard now.timeIntervalSince(last) > 0.2 else { return }
    last = now
    draw(now)
  }

  private func draw(_ now: Date) {
    let secs = max(0.001, now.timeIntervalSince(start))
    let mb = Double(chars) / 1_000_000
    var line = String(format: "\r  %d docs  %.1f M chars  %.1f M chars/s", documents, mb, mb / secs)
    if let totalBytes, totalBytes > 0 {
      // Vietnamese text runs about 1.3 UTF-8 bytes per character.
      let done = min(0.999, Double(chars) * 1.3 / Double(totalBytes))
      if done > 0.01 { line += String(format: "  ETA %.0f s", secs / done - secs) }
    }
    FileHandle.standardError.write(Data((line + "   ").utf8))
  }

  func finish() {
    guard enabled else { return }
    draw(Date())
    FileHandle.standardError.write(Data("\n".utf8))
  }
}
