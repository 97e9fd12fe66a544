/// One labelled span of a gold or predicted document, in Unicode scalar offsets (end exclusive).
///
/// Labels are strings, not `EntityKind`: evaluation reads other tools' and other corpora's labels
/// (`PER`, `LOC`, `ORG`) and maps them with `--map`; only the reports compare them to the guidelines' set.
public struct Span: Sendable, Hashable {
  public var label: String
  public var start: Int
  public var end: Int
  /// The surface text, when the input gave it (or it was sliced from the document).
  public var text: String?

  public init(label: String, start: Int, end: Int, text: String? = nil) {
    self.label = label; self.start = start; self.end = end; self.text = text
  }

  public func sameBounds(_ other: Span) -> Bool { start == other.start && end == other.end }
}

/// A document-level official: the fullest name, the rank and the titles and units given for the person.
public struct OfficialEntry: Sendable, Equatable {
  public var name: String
  public var rank: String?
  public var titles: [String]
  public var units: [String]

  public init(name: String, rank: String? = nil, titles: [String] = [], units: [String] = []) {
    self.name = name; self.rank = rank; self.titles = titles; self.units = units
  }
}
