import ArgumentParser
import Foundation
import VNIndex

extension IndexedKind: ExpressibleByArgument {}

struct SearchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Search the index for officials, units and directives (case- and diacritic-insensitive, prefixes).",
    discussion: """
      Examples: vnmine search nguyen van thanh --db news.sqlite ; vnmine search dang --type official ; \
      vnmine search "chi thi 09" --type directive --json
      """
  )

  @Argument(help: "Query words (joined with spaces); every word must match, as a word prefix.")
  var query: [String] = []
  @OptionGroup var database: IndexDatabaseOption
  @Option(name: .customLong("type"), help: "Only this kind: official, unit or directive.")
  var kind: IndexedKind?
  @Option(help: "Maximum number of hits.")
  var limit: Int = 10
  @Flag(help: "Print hits as JSON (highlights as code-point ranges).")
  var json = false
  @Option(help: "Run every line of FILE as a query and print 'milliseconds<TAB>hits<TAB>query' (benchmarks).")
  var queries: String?

  func validate() throws {
    if query.isEmpty && queries == nil { throw ValidationError("give a query, or --queries FILE") }
    if limit < 1 { throw ValidationError("--limit must be at least 1") }
  }

  func run() throws {
    let reader = try IndexReader(path: database.path)
    if let queries { return try runBatch(reader, queries) }
    let q = query.joined(separator: " ")
    let hits = try reader.search(q, kind: kind, limit: limit)
    if json {
      let enc = JSONEncoder()
      enc.keyEncodingStrategy = .convertToSnakeCase
      enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
      print(String(decoding: try enc.encode(SearchOutput(query: q, hits: hits)), as: UTF8.self))
      return
    }
    if hits.isEmpty {
      print("no hits for \"\(q)\"")
      return
    }
    let tty = isatty(1) != 0
    let (open, close) = tty ? ("\u{1B}[1m", "\u{1B}[0m") : ("[", "]")
    for (i, h) in hits.enumerated() {
      var line = "\(i + 1). \(h.kind.rawValue) #\(h.id)  \(h.markedName(open: open, close: close))"
      if !h.summary.isEmpty { line += " — \(h.summary)" }
      let docs = h.documents == 1 ? "1 document" : "\(h.documents) documents"
      line += "  (\(ProfileText.count(h.mentions, "mention")), \(docs))"
      print(line)
      if !h.snippet.isEmpty {
        print("   \(h.markedSnippet(open: open, close: close))")
        if let d = h.snippetDocument { print("   — \(d)") }
      }
    }
  }

  private func runBatch(_ reader: IndexReader, _ path: String) throws {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw ValidationError("\(path): cannot be read")
    }
    var out = ""
    for q in text.split(separator: "\n") where !q.isEmpty {
      let t0 = DispatchTime.now().uptimeNanoseconds
      let hits = try reader.search(String(q), kind: kind, limit: limit)
      let ms = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
      out += String(format: "%.3f", ms) + "\t\(hits.count)\t\(q)\n"
    }
    print(out, terminator: "")
  }
}

private struct SearchOutput: Encodable {
  var query: String
  var hits: [SearchHit]
}
