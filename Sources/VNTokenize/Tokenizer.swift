import VNCore
import VNText

/// The tokenizer's configuration and read-only resources, shared by all workers.
///
/// Create it once (loading the lexicon is the expensive part), then give each concurrent worker its own
/// `TokenizerWorker` through `makeWorker()`: workers own the ICU iterators, which are not thread-safe.
public struct Tokenizer: Sendable {
  public let lexicon: Lexicon
  public let abbreviations: AbbreviationList
  /// Group syllables into multi-syllable words.
  public var segmentWords: Bool

  public init(lexicon: Lexicon, abbreviations: AbbreviationList = AbbreviationList(), segmentWords: Bool = true) {
    self.lexicon = lexicon
    self.abbreviations = abbreviations
    self.segmentWords = segmentWords
  }

  public func makeWorker() throws(TokenizeError) -> TokenizerWorker { try TokenizerWorker(self) }
}

/// Tokens and sentences of one text, with offsets into the original text.
public struct TokenizedText: Sendable {
  public var tokens: [Token]
  public var sentences: [SentenceSpan]
}

/// Abbreviations that end with a dot and do not end a sentence (`TP.`, `ThS.`, `PGS.`), lower case,
/// without the final dot. Loaded from `models/tokenize/abbreviations.txt`.
public struct AbbreviationList: Sendable {
  var keys = FastMap<Bool>()
  public init() {}
  public init(words: [String]) {
    for w in words { keys[SyllableKey.hash(w)] = true }
  }
  public var count: Int { keys.count }
}
