import VNCore

/// A gold document with its text resolved (inline, from an archive, or rebuilt from CoNLL tokens).
public struct GoldDocument: Sendable {
  public var id: String
  public var text: String
  public var entities: [Span]
  /// The document's officials records; nil when the gold line carries none (officials are then not scored).
  public var officials: [OfficialEntry]?
  public var location: SourceLocation

  public init(id: String, text: String, entities: [Span], officials: [OfficialEntry]? = nil, location: SourceLocation) {
    self.id = id; self.text = text; self.entities = entities; self.officials = officials; self.location = location
  }
}

/// One prediction record: entities (and officials) for a document id, or the error a tool recorded for it.
public struct PredictedDocument: Sendable {
  public var id: String
  /// The text the tool saw, when the record carries it (vnmine's output does).
  public var text: String?
  public var entities: [Span]
  /// nil when the record has no `officials` field (most NER tools).
  public var officials: [OfficialEntry]?
  /// The message of an error record (`{"id", "error": {…}}`): the document is scored as all missed.
  public var failure: String?
  public var location: SourceLocation

  public init(id: String, text: String? = nil, entities: [Span], officials: [OfficialEntry]? = nil,
              failure: String? = nil, location: SourceLocation) {
    self.id = id; self.text = text; self.entities = entities; self.officials = officials
    self.failure = failure; self.location = location
  }
}
