import Foundation

/// Where the gold and the predictions came from, for report headers.
public struct ReportSources: Sendable {
  public var gold: [String]
  /// A prediction file, or a description such as `vnmine extract (run now)`.
  public var predictions: String

  public init(gold: [String], predictions: String) { self.gold = gold; self.predictions = predictions }
}

/// The terminal summary: one row per scheme, then per label under the strict scheme, then officials.
///
/// ```
/// scheme      COR  INC  PAR  MIS  SPU   POS   ACT  prec   rec    F1  F1 95% CI
/// strict       31    4    0    5    2    40    37  0.838 0.775 0.805 [0.712, 0.880]
/// ```
public enum TableReport {
  public static func render(_ r: EvaluationReport, sources: ReportSources) -> String {
    var out = ""
    let goldSpans = r.documents.reduce(0) { $0 + $1.gold.count }
    let predSpans = r.documents.reduce(0) { $0 + $1.predicted.count }
    out += "gold:        \(sources.gold.joined(separator: ", ")) (\(r.documents.count) documents, \(goldSpans) spans)\n"
    out += "predictions: \(sources.predictions) (\(predSpans) spans)\n"
    out += "labels:      \(r.labels.joined(separator: ", "))\n\n"

    let head = ["COR", "INC", "PAR", "MIS", "SPU", "POS", "ACT"]
    func countCells(_ c: Counts) -> String {
      [c.correct, c.incorrect, c.partial, c.missed, c.spurious, c.possible, c.actual].map { pad(String($0), 5) }.joined()
    }
    func scoreCells(_ s: Scores) -> String { [s.precision, s.recall, s.f1].map { pad(fmt($0), 7) }.joined() }

    out += padRight("scheme", 10) + head.map { pad($0, 5) }.joined() + ["prec", "rec", "F1"].map { pad($0, 7) }.joined()
      + "  F1 \(Int((r.bootstrap.confidence * 100).rounded()))% CI (\(r.bootstrap.resamples) resamples)\n"
    for s in r.schemes {
      let ci = s.f1Interval.map { "  [\(fmt($0.lower)), \(fmt($0.upper))]" }
        ?? (r.documents.count < 2 ? "  — (one document)" : "  —")
      out += padRight(s.scheme.rawValue, 10) + countCells(s.counts) + scoreCells(s.micro) + ci + "\n"
    }

    out += "\n" + padRight("strict", 10) + head.map { pad($0, 5) }.joined() + ["prec", "rec", "F1"].map { pad($0, 7) }.joined()
      + "   F1: " + ["exact", "partial", "ent_type"].map { pad($0, 9) }.joined() + "\n"
    let strict = r.scheme(.strict)
    for label in r.usedLabels {
      let c = strict.labels[label] ?? Counts()
      let others = [Scheme.exact, .partial, .entType].map { sc in pad(fmt((r.scheme(sc).labels[label] ?? Counts()).scores(sc).f1), 9) }
      out += padRight(label, 10) + countCells(c) + scoreCells(c.scores(.strict)) + "       " + others.joined() + "\n"
    }
    out += padRight("micro", 10) + countCells(strict.counts) + scoreCells(strict.micro) + "       "
      + [Scheme.exact, .partial, .entType].map { pad(fmt(r.scheme($0).micro.f1), 9) }.joined() + "\n"
    out += padRight("macro", 10) + String(repeating: " ", count: 35) + scoreCells(strict.macro) + "       "
      + [Scheme.exact, .partial, .entType].map { pad(fmt(r.scheme($0).macro.f1), 9) }.joined() + "\n"

    if let o = r.officials {
      out += "\nofficials (names matched after the search-key fold): gold \(o.gold), predicted \(o.predicted), matched \(o.matched)"
      out += "\n  precision \(fmt(o.precision))  recall \(fmt(o.recall))  F1 \(fmt(o.f1))"
      out += o.matched > 0
        ? "  | of matched: rank \(fmt(o.rankAccuracy))  titles \(fmt(o.titlesAccuracy))  units \(fmt(o.unitsAccuracy))\n"
        : "  | rank/titles/units: no matched official\n"
      if !r.predictionsHaveOfficials { out += "  (the predictions carry no officials records)\n" }
    }

    out += notes(r)
    return out
  }

  /// Warnings worth reading: missing and failed predictions, extra ids, ignored labels.
  public static func notes(_ r: EvaluationReport) -> String {
    var out = ""
    let missing = r.missing
    if !missing.isEmpty {
      out += "\n\(missing.count) gold document(s) have no prediction, scored as all missed: \(list(missing))\n"
    }
    let failed = r.failed
    if !failed.isEmpty {
      out += "\n\(failed.count) prediction(s) are error records, scored as all missed: "
        + list(failed.map { "\($0.id) (\($0.message))" }) + "\n"
    }
    if !r.extra.isEmpty { out += "\n\(r.extra.count) prediction(s) have no gold document and were ignored: \(list(r.extra))\n" }
    if !r.ignoredPredictedLabels.isEmpty {
      out += "\npredicted spans outside the label set, ignored: "
        + r.ignoredPredictedLabels.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "\n"
    }
    if !r.ignoredGoldLabels.isEmpty {
      out += "\ngold spans outside the label set, ignored: "
        + r.ignoredGoldLabels.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "\n"
    }
    return out
  }

  static func list(_ items: [String], limit: Int = 10) -> String {
    items.prefix(limit).joined(separator: ", ") + (items.count > limit ? ", … (\(items.count - limit) more)" : "")
  }

  static func fmt(_ v: Double) -> String { String(format: "%.3f", v) }
  static func pad(_ s: String, _ width: Int) -> String {
    let n = s.count
    return n >= width ? " " + s : String(repeating: " ", count: width - n) + s
  }
  static func padRight(_ s: String, _ width: Int) -> String {
    s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
  }
}
