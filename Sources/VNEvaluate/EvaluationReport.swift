/// The result of an evaluation: totals per scheme and label, per-document detail and errors.
public struct EvaluationReport: Sendable {
  /// The label set spans were filtered to.
  public var labels: [String]
  /// Labels of the set that occur in the gold or the predictions: the rows of per-label tables and macro averages.
  public var usedLabels: [String]
  public var documents: [DocumentEvaluation]
  /// One per scheme, in `Scheme.allCases` order.
  public var schemes: [SchemeReport]
  /// Prediction ids with no gold document (ignored).
  public var extra: [String]
  public var ignoredGoldLabels: [String: Int]
  public var ignoredPredictedLabels: [String: Int]
  /// Officials totals; nil when no gold document carries officials records.
  public var officials: OfficialsScorer.Tally?
  public var predictionsHaveOfficials: Bool
  public var bootstrap: Bootstrap
  public var minOverlap: Double

  public func scheme(_ s: Scheme) -> SchemeReport { schemes.first { $0.scheme == s }! }

  public var missing: [String] { documents.filter { $0.status == .missing }.map(\.id) }
  public var failed: [(id: String, message: String)] {
    documents.compactMap { if case .failed(let m) = $0.status { return ($0.id, m) } else { return nil } }
  }
}

/// Totals of one scheme.
public struct SchemeReport: Sendable {
  public var scheme: Scheme
  public var counts: Counts
  public var micro: Scores
  /// Unweighted mean of the per-label precision, recall and F1 over `usedLabels`.
  public var macro: Scores
  /// Bootstrap interval of micro F1 over documents.
  public var f1Interval: (lower: Double, upper: Double)?
  public var labels: [String: Counts]
}

/// One gold document's outcome.
public struct DocumentEvaluation: Sendable {
  public enum Status: Sendable, Equatable { case predicted, missing, failed(String) }
  public var id: String
  public var text: String
  /// Gold and predicted spans after mapping and label filtering, in input order.
  public var gold: [Span]
  public var predicted: [Span]
  public var status: Status
  public var counts: [Scheme: Counts]
  public var labelCounts: [String: [Scheme: Counts]]
  /// Strict-scheme errors, classified.
  public var errors: [EntityError]
  public var officialsTally: OfficialsScorer.Tally?
  public var officialsPairs: [OfficialsScorer.Pair]
  public var predictionHasOfficials: Bool
}

/// A span error under the strict scheme, in the five-way taxonomy of the SemEval-2013 write-ups.
public struct EntityError: Sendable {
  public enum Kind: String, Sendable, CaseIterable {
    /// Gold span with no overlapping prediction.
    case missed
    /// Prediction overlapping no gold span.
    case spurious
    /// Same boundaries, another label.
    case wrongLabel = "wrong_label"
    /// Same label, overlapping but different boundaries.
    case wrongBoundary = "wrong_boundary"
    /// Overlapping, different boundaries and label.
    case wrongLabelAndBoundary = "wrong_label_and_boundary"
  }
  public var kind: Kind
  /// Index into `DocumentEvaluation.gold` / `.predicted`.
  public var gold: Int?
  public var predicted: Int?

  static func classify(_ m: SpanMatcher.Matching, gold: [Span], pred: [Span]) -> [EntityError] {
    var out: [EntityError] = []
    for (p, g) in m.incorrect {
      let kind: Kind = pred[p].sameBounds(gold[g]) ? .wrongLabel
        : pred[p].label == gold[g].label ? .wrongBoundary : .wrongLabelAndBoundary
      out.append(EntityError(kind: kind, gold: g, predicted: p))
    }
    out += m.missed.map { EntityError(kind: .missed, gold: $0, predicted: nil) }
    out += m.spurious.map { EntityError(kind: .spurious, gold: nil, predicted: $0) }
    func position(_ e: EntityError) -> (Int, Int) {
      let s = e.gold.map { gold[$0] } ?? pred[e.predicted!]
      return (s.start, s.end)
    }
    return out.sorted { position($0) < position($1) }
  }
}
