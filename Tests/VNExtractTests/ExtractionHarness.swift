import Foundation
import VNCore
import VNExtract
import VNTestSupport
import VNText

/// Normaliser → extractor, loaded once. The extractor's rules do not read the tokenizer's output, so the
/// tests skip it, as `vnmine extract` does unless `--tokens` asks for its output.
struct ExtractionHarness: Sendable {
  static let shared: ExtractionHarness? = try? ExtractionHarness()

  let normalizer: TextNormalizer
  let extractor: Extractor

  init(overlay: ModelDirectory? = nil) throws {
    let models = ModelDirectory(path: SharedData.modelsPath)
    normalizer = TextNormalizer(options: NormalizationOptions(), legacy: try LegacyDecoder.load(from: models))
    extractor = try Extractor.load(from: models, overlay: overlay)
  }

  func run(_ text: String) -> Extraction {
    extractor.extract(normalizer.normalize(text))
  }

  /// `(label, text)` pairs in order, for compact expectations.
  func spans(_ text: String) -> [String] {
    run(text).entities.map { "\($0.kind.rawValue):\($0.text)" }
  }
}

/// Strict span scores: a prediction counts only with the same start, end and label as a gold span.
struct SpanScore {
  var tp: [EntityKind: Int] = [:], fp: [EntityKind: Int] = [:], fn: [EntityKind: Int] = [:]

  mutating func add(gold: Set<GoldSpan>, predicted: Set<GoldSpan>) {
    for s in predicted where gold.contains(s) { tp[s.kind, default: 0] += 1 }
    for s in predicted where !gold.contains(s) { fp[s.kind, default: 0] += 1 }
    for s in gold where !predicted.contains(s) { fn[s.kind, default: 0] += 1 }
  }

  static func prf(_ tp: Int, _ fp: Int, _ fn: Int) -> (Double, Double, Double) {
    let p = tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp)
    let r = tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn)
    return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r))
  }

  func f1(_ k: EntityKind) -> Double { SpanScore.prf(tp[k] ?? 0, fp[k] ?? 0, fn[k] ?? 0).2 }
  var micro: (Double, Double, Double) {
    SpanScore.prf(tp.values.reduce(0, +), fp.values.reduce(0, +), fn.values.reduce(0, +))
  }

  var report: String {
    func f(_ x: Double) -> String { String(format: "%.3f", x) }
    var lines = ["label      P      R      F1    (tp/fp/fn)"]
    for k in EntityKind.allCases {
      let (p, r, f1) = SpanScore.prf(tp[k] ?? 0, fp[k] ?? 0, fn[k] ?? 0)
      lines.append("\(k.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(f(p))  \(f(r))  \(f(f1))  (\(tp[k] ?? 0)/\(fp[k] ?? 0)/\(fn[k] ?? 0))")
    }
    let (p, r, f1) = micro
    lines.append("micro     \(f(p))  \(f(r))  \(f(f1))")
    return lines.joined(separator: "\n")
  }
}

struct GoldSpan: Hashable {
  var kind: EntityKind
  var start: Int
  var end: Int
}

/// Gold files of corpora/gold: inline text, or stand-off (id + sha256) with the text read from ../shared/data.
enum GoldCorpus {
  struct Document { var id: String; var text: String; var spans: Set<GoldSpan> }

  static let archives = ["baomoi-news/baomoi-police-gov.jsonl.gz", "dantri-unc/dantri-unc.jsonl.gz"]

  static func load(_ name: String) throws -> [Document]? {
    let url = SharedData.repoRoot.appendingPathComponent("corpora/gold/\(name).jsonl")
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
    var rows: [[String: Any]] = []
    for l in lines { if let o = try JSONSerialization.jsonObject(with: Data(l.utf8)) as? [String: Any] { rows.append(o) } }
    var texts: [String: String] = [:]
    let needed = Set(rows.filter { $0["text"] == nil }.compactMap { $0["id"] as? String })
    if !needed.isEmpty {
      guard let shared = SharedData.shared else { return nil }
      for a in archives {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "gzip -dc '\(shared.appendingPathComponent("data").appendingPathComponent(a).path)'"]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        for line in data.split(separator: UInt8(ascii: "\n")) {
          guard let o = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let id = o["id"] as? String, needed.contains(id), let t = o["text"] as? String else { continue }
          texts[id] = t
        }
      }
    }
    return rows.compactMap { row in
      guard let id = row["id"] as? String, let text = (row["text"] as? String) ?? texts[id] else { return nil }
      let ents = (row["entities"] as? [[String: Any]]) ?? []
      let spans = Set(ents.compactMap { e -> GoldSpan? in
        guard let l = e["label"] as? String, let k = EntityKind(rawValue: l), let s = e["start"] as? Int, let en = e["end"] as? Int else { return nil }
        return GoldSpan(kind: k, start: s, end: en)
      })
      return Document(id: id, text: text, spans: spans)
    }
  }

  static func score(_ docs: [Document], with h: ExtractionHarness, errors: String? = nil) -> SpanScore {
    var s = SpanScore()
    var log = ""
    for d in docs {
      let pred = Set(h.run(d.text).entities.map { GoldSpan(kind: $0.kind, start: $0.start, end: $0.end) })
      s.add(gold: d.spans, predicted: pred)
      if errors != nil {
        let scalars = Array(d.text.unicodeScalars)
        func t(_ g: GoldSpan) -> String {
          let a = max(0, g.start - 40), b = min(scalars.count, g.end + 40)
          func s(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[r])).replacingOccurrences(of: "\n", with: " ") }
          return s(g.start..<g.end) + "\t" + s(a..<g.start) + "[[" + s(g.start..<g.end) + "]]" + s(g.end..<b)
        }
        for g in d.spans.subtracting(pred).sorted(by: { $0.start < $1.start }) { log += "\(d.id)\tFN\t\(g.kind.rawValue)\t\(g.start)\t\(t(g))\n" }
        for g in pred.subtracting(d.spans).sorted(by: { $0.start < $1.start }) { log += "\(d.id)\tFP\t\(g.kind.rawValue)\t\(g.start)\t\(t(g))\n" }
      }
    }
    if let errors { try? log.write(toFile: errors, atomically: true, encoding: .utf8) }
    return s
  }
}
