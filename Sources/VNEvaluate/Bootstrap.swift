/// A percentile bootstrap confidence interval over documents, with a seeded generator so reports repeat.
///
/// Each resample draws as many documents as there are, with replacement, sums their counts and
/// computes micro F1; the interval is the (1-c)/2 and (1+c)/2 quantiles of those F1s (linear
/// interpolation between order statistics, numpy's default).
public struct Bootstrap: Sendable {
  public var resamples: Int
  public var seed: UInt64
  public var confidence: Double

  public init(resamples: Int = 1000, seed: UInt64 = 42, confidence: Double = 0.95) {
    self.resamples = resamples; self.seed = seed; self.confidence = confidence
  }

  /// The interval of micro F1 under `scheme`; nil with fewer than two documents (every resample would be
  /// the same document: a zero-width interval that means nothing) or no resamples.
  public func interval(_ perDocument: [Counts], scheme: Scheme) -> (lower: Double, upper: Double)? {
    guard perDocument.count >= 2, resamples > 0 else { return nil }
    var rng = SplitMix64(seed: seed)
    var f1s: [Double] = []
    f1s.reserveCapacity(resamples)
    let n = perDocument.count
    for _ in 0..<resamples {
      var total = Counts()
      for _ in 0..<n { total += perDocument[Int(rng.next() % UInt64(n))] }
      f1s.append(total.scores(scheme).f1)
    }
    f1s.sort()
    let alpha = (1 - confidence) / 2
    return (Self.quantile(f1s, alpha), Self.quantile(f1s, 1 - alpha))
  }

  static func quantile(_ sorted: [Double], _ q: Double) -> Double {
    let position = q * Double(sorted.count - 1)
    let low = Int(position.rounded(.down)), high = min(low + 1, sorted.count - 1)
    return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
  }
}

/// SplitMix64 (Steele, Lea, Flood 2014): small, fast and the same on every platform, unlike
/// `SystemRandomNumberGenerator`, which cannot be seeded.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64
  public init(seed: UInt64) { state = seed }
  public mutating func next() -> UInt64 {
    state &+= 0x9E3779B97F4A7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
    z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
    return z ^ (z >> 31)
  }
}
