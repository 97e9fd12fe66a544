/// Scores predictions against gold documents: the four nervaluate schemes per label and micro/macro,
/// a bootstrap interval for micro F1, officials records, and the list of errors.
///
/// Documents are matched by id. A gold document with no prediction, or whose prediction is an error
/// record, is scored with no predicted spans (all missed) and listed in `missing`/`failed`. Predictions
/// for ids not in the gold are ignored and listed in `extra`. Spans whose (mapped) label is outside the
/// label set are dropped from both sides before matching, as nervaluate does with its `tags`, and counted
/// in `ignoredLabels`.
public struct Evaluator: Sendable {
  public var options: EvaluationOptions

  public init(options: EvaluationOptions = EvaluationOptions()) { self.options = options }

  public func evaluate(gold: [GoldDocument], predictions: [PredictedDocument]) -> EvaluationReport {
    let map = options.map
    var byID: [String: PredictedDocument] = [:]
    for p in predictions where byID[p.id] == nil { byID[p.id] = p }
    let goldIDs = Set(gold.map(\.id))

    let mappedGold = gold.map { map.apply($0.entities) }
    let mappedPred = gold.map { byID[$0.id].map { map.apply($0.entities) } ?? [] }
    let labels: [String]
    if let restricted = options.labels {
      labels = restricted
    } else {
      // Default: the guidelines' labels plus any other label the gold uses (after --map).
      var set = Set(EvaluationOptions.guidelineLabels)
      for spans in mappedGold { for s in spans { set.insert(s.label) } }
      labels = set.sorted()
    }
    let labelSet = Set(labels)

    var ignoredGold: [String: Int] = [:], ignoredPred: [String: Int] = [:]
    var used = Set<String>()
    var filteredGold: [[Span]] = [], filteredPred: [[Span]] = []
    for i in gold.indices {
      var g: [Span] = [], p: [Span] = []
      for s in mappedGold[i] { if labelSet.contains(s.label) { g.append(s); used.insert(s.label) } else { ignoredGold[s.label, default: 0] += 1 } }
      for s in mappedPred[i] { if labelSet.contains(s.label) { p.append(s); used.insert(s.label) } else { ignoredPred[s.label, default: 0] += 1 } }
      filteredGold.append(g); filteredPred.append(p)
    }
    let usedLabels = labels.filter(used.contains)

    let matcher = SpanMatcher(minOverlap: options.minOverlap)
    let officialsScorer = OfficialsScorer()
    var documents: [DocumentEvaluation] = []
    for (i, doc) in gold.enumerated() {
      let g = filteredGold[i], p = filteredPred[i]
      var counts: [Scheme: Counts] = [:]
      var strict = SpanMatcher.Matching()
      for scheme in Scheme.allCases {
        let m = matcher.match(scheme, gold: g, pred: p)
        counts[scheme] = m.counts
        if scheme == .strict { strict = m }
      }
      var labelCounts: [String: [Scheme: Counts]] = [:]
      for label in usedLabels {
        let lg = g.filter { $0.label == label }, lp = p.filter { $0.label == label }
        for scheme in Scheme.allCases { labelCounts[label, default: [:]][scheme] = matcher.match(scheme, gold: lg, pred: lp).counts }
      }
      let prediction = byID[doc.id]
      let status: DocumentEvaluation.Status
      if let prediction { status = prediction.failure.map { .failed($0) } ?? .predicted } else { status = .missing }
      var officials: (tally: OfficialsScorer.Tally, pairs: [OfficialsScorer.Pair])?
      if let goldOfficials = doc.officials {
        officials = officialsScorer.score(gold: goldOfficials, predicted: prediction?.officials ?? [])
      }
      documents.append(DocumentEvaluation(
        id: doc.id, text: doc.text, gold: g, predicted: p, status: status, counts: counts, labelCounts: labelCounts,
        errors: EntityError.classify(strict, gold: g, pred: p), officialsTally: officials?.tally,
        officialsPairs: officials?.pairs ?? [], predictionHasOfficials: prediction?.officials != nil))
    }

    var schemes: [SchemeReport] = []
    for scheme in Scheme.allCases {
      var total = Counts()
      var perLabel: [String: Counts] = [:]
      for d in documents {
        total += d.counts[scheme]!
        for label in usedLabels { perLabel[label, default: Counts()] += d.labelCounts[label]?[scheme] ?? Counts() }
      }
      let labelScores = usedLabels.map { perLabel[$0]!.scores(scheme) }
      let n = Double(max(labelScores.count, 1))
      let macro = Scores(precision: labelScores.map(\.precision).reduce(0, +) / n,
                         recall: labelScores.map(\.recall).reduce(0, +) / n,
                         f1: labelScores.map(\.f1).reduce(0, +) / n)
      let ci = options.bootstrap.interval(documents.map { $0.counts[scheme]! }, scheme: scheme)
      schemes.append(SchemeReport(scheme: scheme, counts: total, micro: total.scores(scheme), macro: macro,
                                  f1Interval: ci, labels: perLabel))
    }

    var officials: OfficialsScorer.Tally?
    for d in documents { if let t = d.officialsTally { officials = officials ?? .init(); officials! += t } }

    return EvaluationReport(
      labels: labels, usedLabels: usedLabels, documents: documents, schemes: schemes,
      extra: predictions.map(\.id).filter { !goldIDs.contains($0) },
      ignoredGoldLabels: ignoredGold, ignoredPredictedLabels: ignoredPred, officials: officials,
      predictionsHaveOfficials: documents.contains { $0.predictionHasOfficials }, bootstrap: options.bootstrap,
      minOverlap: options.minOverlap)
  }
}

/// How to score: label set and mapping, overlap threshold, bootstrap settings.
public struct EvaluationOptions: Sendable {
  /// The guidelines' labels, the default label set together with the gold's own labels.
  public static let guidelineLabels = ["RANK", "TITLE", "OFFICIAL", "UNIT", "DIRECTIVE"]

  /// Restricts scoring to these labels (`--labels`); nil = guideline labels plus the gold's labels.
  public var labels: [String]?
  public var map: LabelMap
  /// Minimum percentage of a gold span a prediction must cover to overlap it (nervaluate's default 1).
  public var minOverlap: Double
  public var bootstrap: Bootstrap

  public init(labels: [String]? = nil, map: LabelMap = LabelMap(), minOverlap: Double = 1.0, bootstrap: Bootstrap = Bootstrap()) {
    self.labels = labels; self.map = map; self.minOverlap = minOverlap; self.bootstrap = bootstrap
  }
}
