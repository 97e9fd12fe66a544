/// `--map PER=OFFICIAL,ORG=UNIT`: relabels gold and predicted spans before scoring.
///
/// Applied to both sides, so the same map serves a foreign gold file and a foreign tool. A target of `O`
/// or nothing (`LOC=`) drops the label's spans.
public struct LabelMap: Sendable, Equatable {
  public private(set) var pairs: [(from: String, to: String?)] = []

  public init() {}

  public init(parsing text: String) throws(EvalError) {
    for item in text.split(separator: ",") {
      let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let from = parts[0].trimmingSpaces()
      guard parts.count == 2, !from.isEmpty else {
        throw .invalidOption("--map: expected FROM=TO pairs separated by commas (PER=OFFICIAL,ORG=UNIT), got \"\(item)\"")
      }
      let to = parts[1].trimmingSpaces()
      guard !pairs.contains(where: { $0.from == from }) else { throw .invalidOption("--map: \(from) is mapped twice") }
      pairs.append((from, to.isEmpty || to == "O" ? nil : to))
    }
  }

  /// The label after mapping; nil when the map drops it.
  public func map(_ label: String) -> String? {
    for p in pairs where p.from == label { return p.to }
    return label
  }

  public func apply(_ spans: [Span]) -> [Span] {
    spans.compactMap { s in map(s.label).map { var t = s; t.label = $0; return t } }
  }

  public static func == (a: LabelMap, b: LabelMap) -> Bool {
    a.pairs.elementsEqual(b.pairs, by: { $0.from == $1.from && $0.to == $1.to })
  }
}
