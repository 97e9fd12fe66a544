import VNCore
import VNExtract
import VNText
import VNTokenize

/// Everything needed to annotate documents: normaliser, tokenizer and extractor, loaded once.
public struct Annotator: Sendable {
  public let normalizer: TextNormalizer
  public let tokenizer: Tokenizer
  public let extractor: Extractor
  /// Also tokenize each document and write its `sentences` and `tokens` (`vnmine extract --tokens`).
  /// Off by default: the extraction rules read the normalised text through their own piece scan, so
  /// the tokenizer only runs when its output is asked for.
  public var withTokens = false

  public init(normalizer: TextNormalizer, tokenizer: Tokenizer, extractor: Extractor, withTokens: Bool = false) {
    self.normalizer = normalizer; self.tokenizer = tokenizer; self.extractor = extractor
    self.withTokens = withTokens
  }

  /// Loads all resources from `models` (plus the user's overlay folder and word list).
  public static func load(models: ModelDirectory, options: NormalizationOptions = NormalizationOptions(),
                          overlay: ModelDirectory? = nil, userWords: String? = nil) throws -> Annotator {
    let legacy = options.legacy ? try LegacyDecoder.load(from: models) : nil
    return Annotator(
      normalizer: TextNormalizer(options: options, legacy: legacy),
      tokenizer: try Tokenizer.load(from: models, userWords: userWords),
      extractor: try Extractor.load(from: models, overlay: overlay))
  }

  /// A worker with its own ICU iterators, for one task.
  public func makeWorker() throws -> AnnotatorWorker { try AnnotatorWorker(self) }
}

/// Annotates documents one at a time; one per concurrent task (owns ICU iterators).
public final class AnnotatorWorker {
  let annotator: Annotator
  let tokenizer: TokenizerWorker

  init(_ annotator: Annotator) throws {
    self.annotator = annotator
    tokenizer = try annotator.tokenizer.makeWorker()
  }

  /// normalise → extract (→ tokenize with `withTokens`). Never throws: a document that cannot be annotated
  /// becomes a failure.
  public func annotate(_ document: Document) -> AnnotatedDocument {
    if document.text.isEmpty {
      return AnnotatedDocument(document: document, failure: DocumentFailure(
        kind: .empty, message: "\(document.location): empty document", location: document.location, documentID: document.id))
    }
    let normalized = annotator.normalizer.normalize(document.text)
    let extraction = annotator.extractor.extract(normalized)
    let tokens = annotator.withTokens ? tokenizer.tokenize(normalized) : nil
    return AnnotatedDocument(document: document, extraction: extraction, tokens: tokens)
  }
}

/// One output record: an annotated document or an error record.
public struct AnnotatedDocument: Sendable {
  public var document: Document
  public var extraction: Extraction
  /// Sentences and tokens, when the annotator was asked for them.
  public var tokens: TokenizedText?
  public var failure: DocumentFailure?

  public init(document: Document, extraction: Extraction = Extraction(), tokens: TokenizedText? = nil,
              failure: DocumentFailure? = nil) {
    self.document = document; self.extraction = extraction; self.tokens = tokens; self.failure = failure
  }
}
