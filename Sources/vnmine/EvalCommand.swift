import ArgumentParser
import Foundation
import VNCore
import VNEvaluate
import VNOutput
import VNPipeline
import VNText

/// `vnmine eval`: scores predictions (a file, or vnmine run on the gold texts now) against gold files.
struct EvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Score extraction against gold files (nervaluate's strict/exact/partial/ent_type schemes).",
    discussion: """
    Gold: the annotation guidelines' JSONL (inline text, or stand-off sha256 with --text-from ARCHIVE), or CoNLL
    BIO/IOB2 columns (token per line, tag last, blank line between sentences). Predictions: vnmine's JSONL output
    or any JSONL with "id" and "entities" (start, end, label); without --pred vnmine extracts the gold texts itself.
    Documents are matched by id; a gold document without prediction counts as all missed.

    Examples:
      vnmine eval --gold corpora/gold/seed.jsonl
      vnmine eval --gold corpora/gold/test.jsonl --text-from ../shared/data/baomoi-news/baomoi-police-gov.jsonl.gz \\
        --text-from ../shared/data/dantri-unc/dantri-unc.jsonl.gz --html eval.html --errors errors.jsonl
      vnmine eval --gold corpora/gold/seed.jsonl --pred underthesea.jsonl --map PER=OFFICIAL,ORG=UNIT
    """)

  @Option(name: .long, help: ArgumentHelp("Gold file (repeatable).", valueName: "file"))
  var gold: [String]

  @Option(name: .long, help: ArgumentHelp("Predictions file; without it vnmine extracts the gold documents.", valueName: "file"))
  var pred: String?

  @Option(name: .long, help: ArgumentHelp("JSONL or JSONL.gz archive with the texts of stand-off gold (repeatable).", valueName: "archive"))
  var textFrom: [String] = []

  @Option(help: "Gold format: auto, jsonl, conll.")
  var goldFormat: InputFormat = .auto

  @Option(help: "Predictions format: auto, jsonl, conll.")
  var predFormat: InputFormat = .auto

  @Option(help: ArgumentHelp("Relabel gold and predicted spans, e.g. PER=OFFICIAL,ORG=UNIT (LOC= drops LOC).", valueName: "map"))
  var map: String?

  @Option(help: ArgumentHelp("Score only these labels, e.g. RANK,TITLE (default: the guidelines' labels plus the gold's).", valueName: "labels"))
  var labels: String?

  @Option(help: ArgumentHelp("Write the report as JSON ('-' for standard output, instead of the table).", valueName: "file"))
  var json: String?

  @Option(help: ArgumentHelp("Write one JSON line per error (kind, gold and predicted spans, context).", valueName: "file"))
  var errors: String?

  @Option(help: ArgumentHelp("Write a self-contained HTML page to browse the errors.", valueName: "file"))
  var html: String?

  @Option(help: ArgumentHelp("Write the predictions vnmine made (when run without --pred) as vnmine JSONL.", valueName: "file"))
  var writePredictions: String?

  @Option(help: ArgumentHelp("Write the gold documents' resolved texts as JSONL {\"id\", \"text\"} (for other tools).", valueName: "file"))
  var writeTexts: String?

  @Option(help: "Bootstrap resamples for the micro-F1 confidence interval (0 = none).")
  var bootstrap: Int = 1000

  @Option(help: "Seed of the bootstrap's random generator.")
  var seed: UInt64 = 42

  @Option(help: "Minimum percentage of a gold span a prediction must cover to count as overlapping (nervaluate's default).")
  var minOverlap: Double = 1.0

  @Option(help: "The models folder (default: found next to the executable or in the repository).")
  var models: String?

  @OptionGroup(title: "Normalisation (when vnmine extracts)")
  var normalization: NormalizationFlags

  func validate() throws {
    guard bootstrap >= 0 else { throw ValidationError("--bootstrap must be 0 or more") }
    guard minOverlap >= 1, minOverlap <= 100 else { throw ValidationError("--min-overlap must be between 1 and 100") }
  }

  func run() throws {
    let loader = InputLoader()
    let predictions: [PredictedDocument]?
    var fallback: [String: (text: String, from: String)] = [:]
    if let pred {
      let p = try loader.predictions(pred, format: predFormat)
      for d in p { if let t = d.text { fallback[d.id] = (t, d.location.description) } }
      predictions = p
    } else {
      predictions = nil
    }
    let goldDocuments = try loader.gold(gold, format: goldFormat, textFrom: textFrom, fallback: fallback)
    if let writeTexts { try Self.write(Self.texts(goldDocuments), to: writeTexts) }

    let source: String
    let predicted: [PredictedDocument]
    if let predictions {
      source = pred!
      predicted = predictions
    } else {
      source = "vnmine \(VNMine.configuration.version) extract (run now)"
      predicted = try extract(goldDocuments)
    }

    var options = EvaluationOptions(minOverlap: minOverlap, bootstrap: Bootstrap(resamples: bootstrap, seed: seed))
    if let map { options.map = try LabelMap(parsing: map) }
    if let labels {
      let list = labels.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      guard !list.isEmpty else { throw ValidationError("--labels: expected labels separated by commas, e.g. RANK,TITLE") }
      options.labels = list
    }
    let report = Evaluator(options: options).evaluate(gold: goldDocuments, predictions: predicted)
    let sources = ReportSources(gold: gold, predictions: source)

    if let json {
      let bytes = JSONReport.render(report, sources: sources)
      if json == "-" { FileHandle.standardOutput.write(Data(bytes)) } else { try Self.write(bytes, to: json) }
    }
    if let errors { try Self.write(ErrorsReport.render(report), to: errors) }
    if let html { try Self.write(Array(HTMLReport.render(report, sources: sources).utf8), to: html) }
    if json != "-" { FileHandle.standardOutput.write(Data(TableReport.render(report, sources: sources).utf8)) }
  }

  /// Runs vnmine's own extraction over the gold texts (sequentially: gold sets are small).
  private func extract(_ documents: [GoldDocument]) throws -> [PredictedDocument] {
    let annotator = try Annotator.load(models: ModelDirectory.locate(explicit: models), options: normalization.options)
    let worker = try annotator.makeWorker()
    var out: [PredictedDocument] = []
    var records = JSONWriter(capacity: 1 << 16)
    for d in documents {
      let annotated = worker.annotate(Document(id: d.id, location: d.location, text: d.text))
      if writePredictions != nil { RecordWriter.write(annotated, into: &records); records.newline() }
      if let failure = annotated.failure {
        out.append(PredictedDocument(id: d.id, entities: [], failure: "\(failure.kind.rawValue): \(failure.message)", location: d.location))
        continue
      }
      out.append(PredictedDocument(
        id: d.id, text: d.text,
        entities: annotated.extraction.entities.map { Span(label: $0.kind.rawValue, start: $0.start, end: $0.end, text: $0.text) },
        officials: annotated.extraction.officials.map { OfficialEntry(name: $0.name, rank: $0.rank, titles: $0.titles, units: $0.units) },
        location: d.location))
    }
    if let writePredictions { try Self.write(records.bytes, to: writePredictions) }
    return out
  }

  private static func texts(_ documents: [GoldDocument]) -> [UInt8] {
    var w = JSONWriter(capacity: 1 << 16)
    for d in documents {
      w.beginObject(); w.key("id"); w.string(d.id); w.key("text"); w.string(d.text); w.endObject(); w.newline()
    }
    return w.bytes
  }

  private static func write(_ bytes: [UInt8], to path: String) throws {
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
      throw ValidationError("\(path): cannot be written")
    }
  }
}

extension InputFormat: ExpressibleByArgument {}
