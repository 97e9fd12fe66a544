/// The four evaluation schemes of SemEval-2013 task 9.1, as nervaluate names and defines them.
///
/// - `strict`: same boundaries and same label.
/// - `exact`: same boundaries, any label.
/// - `partial`: overlapping boundaries, any label; a partial match counts half.
/// - `entType`: overlapping boundaries and the same label.
public enum Scheme: String, Sendable, CaseIterable, Codable {
  case strict
  case exact
  case partial
  case entType = "ent_type"

  /// `partial` and `ent_type` count partial matches as half correct in precision and recall.
  var halfCreditsPartial: Bool { self == .partial || self == .entType }
}

/// Correct, incorrect, partial, missed and spurious counts, and the scores derived from them.
public struct Counts: Sendable, Equatable {
  public var correct = 0
  public var incorrect = 0
  public var partial = 0
  public var missed = 0
  public var spurious = 0

  public init(correct: Int = 0, incorrect: Int = 0, partial: Int = 0, missed: Int = 0, spurious: Int = 0) {
    self.correct = correct; self.incorrect = incorrect; self.partial = partial; self.missed = missed; self.spurious = spurious
  }

  /// Gold spans: COR + INC + PAR + MIS.
  public var possible: Int { correct + incorrect + partial + missed }
  /// Predicted spans: COR + INC + PAR + SPU.
  public var actual: Int { correct + incorrect + partial + spurious }

  public static func + (a: Counts, b: Counts) -> Counts {
    Counts(correct: a.correct + b.correct, incorrect: a.incorrect + b.incorrect, partial: a.partial + b.partial,
           missed: a.missed + b.missed, spurious: a.spurious + b.spurious)
  }
  public static func += (a: inout Counts, b: Counts) { a = a + b }

  /// Precision, recall and F1 under `scheme`, 0 where a denominator is 0 (as nervaluate).
  public func scores(_ scheme: Scheme) -> Scores {
    let hit = Double(correct) + (scheme.halfCreditsPartial ? 0.5 * Double(partial) : 0)
    let p = actual > 0 ? hit / Double(actual) : 0
    let r = possible > 0 ? hit / Double(possible) : 0
    return Scores(precision: p, recall: r, f1: p + r > 0 ? 2 * (p * r) / (p + r) : 0)
  }
}

/// Precision, recall, F1 in [0, 1].
public struct Scores: Sendable, Equatable {
  public var precision: Double
  public var recall: Double
  public var f1: Double
  public init(precision: Double, recall: Double, f1: Double) { self.precision = precision; self.recall = recall; self.f1 = f1 }
}
