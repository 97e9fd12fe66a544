/// Matches one document's predicted spans to its gold spans under a scheme, exactly as nervaluate does.
///
/// The algorithm is nervaluate 1.2.1's (`strategies.py`), kept line for line so the counts agree:
/// predictions are visited in input order; each is matched against the not yet matched gold spans in
/// input order; a prediction that overlaps without matching takes the first overlapping gold span.
/// nervaluate's spans have inclusive ends, so overlap is measured on `end - 1`: a prediction overlaps a
/// gold span when it covers at least `minOverlap` percent (default 1) of it.
public struct SpanMatcher: Sendable {
  public var minOverlap: Double

  public init(minOverlap: Double = 1.0) { self.minOverlap = minOverlap }

  /// Which gold span each prediction was matched to, and how.
  public struct Matching: Sendable {
    public var counts = Counts()
    /// (prediction index, gold index)
    public var correct: [(Int, Int)] = []
    public var incorrect: [(Int, Int)] = []
    public var partial: [(Int, Int)] = []
    public var missed: [Int] = []
    public var spurious: [Int] = []
  }

  /// Percentage of `gold` covered by `pred`, inclusive ends as nervaluate computes it.
  func overlapPercent(_ pred: Span, _ gold: Span) -> Double {
    let pe = pred.end - 1, ge = gold.end - 1
    if pred.start > ge || pe < gold.start { return 0 }
    let overlap = min(pe, ge) - max(pred.start, gold.start) + 1
    return Double(overlap) / Double(ge - gold.start + 1) * 100.0
  }

  func overlaps(_ pred: Span, _ gold: Span) -> Bool { overlapPercent(pred, gold) >= minOverlap }

  public func match(_ scheme: Scheme, gold: [Span], pred: [Span]) -> Matching {
    var m = Matching()
    var matched = Set<Int>()
    for (p, ps) in pred.enumerated() {
      var hit: Int?                // the gold span counted correct
      var near: Int?               // the first overlapping gold span (incorrect or partial)
      var bestDistance: Int?
      for (g, gs) in gold.enumerated() where !matched.contains(g) {
        switch scheme {
        case .strict, .exact:
          if ps.sameBounds(gs) && (scheme == .exact || ps.label == gs.label) { hit = g; break }
          if near == nil && overlaps(ps, gs) { near = g }
        case .partial:
          guard overlaps(ps, gs) else { continue }
          if ps.sameBounds(gs) { hit = g; break }
          if near == nil { near = g }
        case .entType:
          guard overlaps(ps, gs) else { continue }
          if ps.label == gs.label {
            // nervaluate keeps the same-label gold span with the closest boundaries, the first on a tie.
            let distance = abs(ps.start - gs.start) + abs(ps.end - gs.end)
            if bestDistance == nil || distance < bestDistance! { hit = g; bestDistance = distance }
          } else if near == nil {
            near = g
          }
        }
        if hit != nil && scheme != .entType { break }
      }
      if let g = hit {
        m.counts.correct += 1; m.correct.append((p, g)); matched.insert(g)
      } else if let g = near {
        matched.insert(g)
        if scheme == .partial { m.counts.partial += 1; m.partial.append((p, g)) } else { m.counts.incorrect += 1; m.incorrect.append((p, g)) }
      } else {
        m.counts.spurious += 1; m.spurious.append(p)
      }
    }
    for g in gold.indices where !matched.contains(g) { m.counts.missed += 1; m.missed.append(g) }
    return m
  }
}
