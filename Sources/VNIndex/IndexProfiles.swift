/// How often a value (rank, title, unit, name) was stated, and when: the earliest and latest document
/// dates (nil when every such document was undated).
public struct FactSpan: Sendable, Codable, Equatable {
  public var value: String
  public var firstSeen: String?
  public var lastSeen: String?
  public var documents: Int
}

/// Another entity mentioned in the same documents.
public struct CoMention: Sendable, Codable, Equatable {
  public var kind: IndexedKind
  public var id: Int64
  public var name: String
  /// Documents mentioning both.
  public var documents: Int
}

/// A document of a profile, latest first.
public struct DocumentRef: Sendable, Codable, Equatable {
  public var id: String
  public var title: String?
  public var date: String?
  public var source: String?
  public var url: String?
  /// Mentions of the profiled entity in this document.
  public var mentions: Int
}

/// `vnmine show official`: who this official is, from every document that names them.
public struct OfficialProfile: Sendable, Codable, Equatable {
  public var id: Int64
  public var name: String
  /// `police`, `military` or nil (see `EntityResolution`).
  public var force: String?
  public var mentions: Int
  public var documentCount: Int
  public var firstSeen: String?
  public var lastSeen: String?
  /// Ranks in order of seniority, then first seen.
  public var ranks: [FactSpan]
  public var titles: [FactSpan]
  public var units: [FactSpan]
  /// The names the documents used (`Nguyễn Văn Thành`; a one-word name when no full name was given).
  public var names: [FactSpan]
  public var directives: [CoMention]
  public var coMentionedOfficials: [CoMention]
  public var documents: [DocumentRef]
}

/// `vnmine show unit`.
public struct UnitProfile: Sendable, Codable, Equatable {
  public var id: Int64
  public var name: String
  public var code: String?
  public var parent: String?
  public var mentions: Int
  public var documentCount: Int
  public var firstSeen: String?
  public var lastSeen: String?
  /// Surfaces used for it (`BCA`, `Bộ Công an`).
  public var aliases: [FactSpan]
  /// Officials whose records state this unit, with the titles they held in it.
  public var officials: [CoMention]
  public var directives: [CoMention]
  public var documents: [DocumentRef]
}

/// `vnmine show directive`.
public struct DirectiveProfile: Sendable, Codable, Equatable {
  public var id: Int64
  public var name: String
  public var key: String?
  public var type: String?
  public var number: String?
  public var year: Int?
  public var symbol: String?
  public var issuer: String?
  public var issued: String?
  public var title: String?
  public var mentions: Int
  public var documentCount: Int
  public var firstSeen: String?
  public var lastSeen: String?
  public var aliases: [FactSpan]
  /// Officials named in the documents that cite it.
  public var officials: [CoMention]
  public var units: [CoMention]
  public var documents: [DocumentRef]
}
