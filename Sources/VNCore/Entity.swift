/// The entity labels of the annotation guidelines.
public enum EntityKind: String, Sendable, CaseIterable, Codable, Comparable {
  case rank = "RANK"
  case title = "TITLE"
  case official = "OFFICIAL"
  case unit = "UNIT"
  case directive = "DIRECTIVE"

  public static func < (a: EntityKind, b: EntityKind) -> Bool { a.rawValue < b.rawValue }
}

/// A value of an entity attribute, as written to JSON.
public enum AttributeValue: Sendable, Equatable {
  case string(String)
  case int(Int)
  case bool(Bool)
  case strings([String])
  case null
}

/// One entity mention: label, span in the original text (code points, end exclusive), surface text,
/// canonical form, attributes, and the rule or gazetteer line that produced it (so every output line
/// can be explained).
public struct Entity: Sendable, Equatable {
  public var id: String
  public var kind: EntityKind
  public var start: Int
  public var end: Int
  public var text: String
  public var canonical: String?
  /// Attributes in output order (`force`, `order`, `issuer`, …).
  public var attributes: [(String, AttributeValue)]
  public var rule: String

  public init(id: String = "", kind: EntityKind, start: Int, end: Int, text: String, canonical: String? = nil,
              attributes: [(String, AttributeValue)] = [], rule: String) {
    self.id = id; self.kind = kind; self.start = start; self.end = end; self.text = text
    self.canonical = canonical; self.attributes = attributes; self.rule = rule
  }

  public static func == (a: Entity, b: Entity) -> Bool {
    a.id == b.id && a.kind == b.kind && a.start == b.start && a.end == b.end && a.text == b.text
      && a.canonical == b.canonical && a.rule == b.rule && a.attributes.elementsEqual(b.attributes, by: { $0.0 == $1.0 && $0.1 == $1.1 })
  }

  public func attribute(_ name: String) -> AttributeValue? { attributes.first(where: { $0.0 == name })?.1 }
}

/// A document-level record of one distinct official, as the guidelines define it.
public struct OfficialRecord: Sendable, Equatable {
  public var id: String
  /// The fullest name used in the document.
  public var name: String
  /// The rank at the time of the article (after a promotion in the text, the new rank).
  public var rank: String?
  public var titles: [String]
  public var units: [String]
  /// Ids of the OFFICIAL mentions that refer to this person.
  public var mentions: [String]

  public init(id: String, name: String, rank: String?, titles: [String], units: [String], mentions: [String]) {
    self.id = id; self.name = name; self.rank = rank; self.titles = titles; self.units = units; self.mentions = mentions
  }
}
