import VNCore
import VNText
import VNTokenize

/// Entities and officials records found in one document.
public struct Extraction: Sendable {
  public var entities: [Entity]
  public var officials: [OfficialRecord]
  public init(entities: [Entity] = [], officials: [OfficialRecord] = []) {
    self.entities = entities; self.officials = officials
  }
}

/// Finds RANK, TITLE, OFFICIAL, UNIT and DIRECTIVE entities and builds the officials records.
///
/// Placeholder until the recognisers land (issue 3): finds nothing.
public struct Extractor: Sendable {
  public init() {}

  public static func load(from models: ModelDirectory, overlay: ModelDirectory? = nil) throws -> Extractor {
    Extractor()
  }

  /// - Parameters:
  ///   - normalized: the document's normalised text and its alignment to the original.
  ///   - tokens: the tokenizer's output for it (offsets in the original text).
  public func extract(_ normalized: NormalizedText, _ tokens: TokenizedText) -> Extraction {
    Extraction()
  }
}
