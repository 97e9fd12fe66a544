import VNText

/// Scores document-level officials records: are the right people found, with the right rank, titles, units?
///
/// Names match after the search-key fold (`Nguyễn Văn Thành` = `NGUYỄN VĂN THÀNH` = `Nguyen Van Thanh`),
/// one to one, in gold order. For each matched pair the rank must be equal (both absent counts as equal)
/// and the titles and the units equal as sets, all compared folded, so `Đại uý`/`Đại úy` agree.
public struct OfficialsScorer: Sendable {
  let folder: SearchKeyFolder

  public init(folder: SearchKeyFolder = SearchKeyFolder()) { self.folder = folder }

  /// One gold or predicted record's outcome.
  public struct Pair: Sendable {
    public var gold: OfficialEntry?
    public var predicted: OfficialEntry?
    public var rankCorrect: Bool
    public var titlesCorrect: Bool
    public var unitsCorrect: Bool
  }

  public struct Tally: Sendable, Equatable {
    public var gold = 0
    public var predicted = 0
    public var matched = 0
    public var rankCorrect = 0
    public var titlesCorrect = 0
    public var unitsCorrect = 0

    public init() {}

    public var precision: Double { predicted > 0 ? Double(matched) / Double(predicted) : 0 }
    public var recall: Double { gold > 0 ? Double(matched) / Double(gold) : 0 }
    public var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }
    /// Fractions of matched officials whose rank, titles, units are right (0 when none matched).
    public var rankAccuracy: Double { matched > 0 ? Double(rankCorrect) / Double(matched) : 0 }
    public var titlesAccuracy: Double { matched > 0 ? Double(titlesCorrect) / Double(matched) : 0 }
    public var unitsAccuracy: Double { matched > 0 ? Double(unitsCorrect) / Double(matched) : 0 }

    public static func += (a: inout Tally, b: Tally) {
      a.gold += b.gold; a.predicted += b.predicted; a.matched += b.matched
      a.rankCorrect += b.rankCorrect; a.titlesCorrect += b.titlesCorrect; a.unitsCorrect += b.unitsCorrect
    }
  }

  public func score(gold: [OfficialEntry], predicted: [OfficialEntry]) -> (tally: Tally, pairs: [Pair]) {
    var tally = Tally()
    tally.gold = gold.count
    tally.predicted = predicted.count
    var pairs: [Pair] = []
    var used = Set<Int>()
    let predictedKeys = predicted.map { folder.key($0.name) }
    for g in gold {
      let key = folder.key(g.name)
      if let i = predictedKeys.indices.first(where: { !used.contains($0) && predictedKeys[$0] == key }) {
        used.insert(i)
        let p = predicted[i]
        let rank = folder.key(g.rank ?? "") == folder.key(p.rank ?? "")
        let titles = Set(g.titles.map(folder.key)) == Set(p.titles.map(folder.key))
        let units = Set(g.units.map(folder.key)) == Set(p.units.map(folder.key))
        tally.matched += 1
        if rank { tally.rankCorrect += 1 }
        if titles { tally.titlesCorrect += 1 }
        if units { tally.unitsCorrect += 1 }
        pairs.append(Pair(gold: g, predicted: p, rankCorrect: rank, titlesCorrect: titles, unitsCorrect: units))
      } else {
        pairs.append(Pair(gold: g, predicted: nil, rankCorrect: false, titlesCorrect: false, unitsCorrect: false))
      }
    }
    for (i, p) in predicted.enumerated() where !used.contains(i) {
      pairs.append(Pair(gold: nil, predicted: p, rankCorrect: false, titlesCorrect: false, unitsCorrect: false))
    }
    return (tally, pairs)
  }
}
