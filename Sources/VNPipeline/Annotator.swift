import VNCore
import VNExtract
import VNText
import VNTokenize

/// Everything needed to annotate documents: normaliser, tokenizer and extractor, loaded once.
public struct Annotator: Sendable {
  public let normalizer: TextNormalizer
  public let tokenizer: Tokenizer
  public let extractor: Extractor

  public init(normalizer: TextNormalizer, tokenizer: Tokenizer, extractor: Extractor) {
    self.normalizer = normalizer; self.tokenizer = tokenizer; self.extractor = extractor
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

  /// normalise → tokenize → extract. Never throws: a document that cannot be annotated becomes a failure.
  public func annotate(_ document: Document) -> AnnotatedDocument {
    if document.text.isEmpty {
      return AnnotatedDocument(document: document, failure: DocumentFailure(
        kind: .empty, message: "\(document.location): empty document", location: document.location, documentID: document.id))
    }
    let normalized = annotator.normalizer.normalize(document.text)
    let tokens = tokenizer.tokenize(normalized)
    let extraction = annotator.extractor.extract(normalized, tokens)
    return AnnotatedDocument(document: document, extraction: extraction)
  }
}

/// One output record: an annotated document or an error record.
public struct AnnotatedDocument: Sendable {
  public var document: Document
  public var extraction: Extraction
  public var failure: DocumentFailure?

  public init(document: Document, extraction: Extraction = Extraction(), failure: DocumentFailure? = nil) {
    self.document = document; self.extraction = extraction; self.failure = failure
  }
}
