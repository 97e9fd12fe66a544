/// What a token is, as the tokenizer decides from ICU's rule status and vnmine's merge rules.
public enum TokenKind: String, Sendable, CaseIterable, Codable {
  /// A syllable or a word made of syllables (`Công_an`).
  case word
  /// A person name kept whole by the segmenter (`Nguyễn_Văn_Thành`).
  case name
  /// An integer or decimal (`2024`, `1.245`, `3,5`).
  case number
  /// A date written with `/`, `-` or `.` (`15/3/2024`, `1-12-2011`).
  case date
  /// A document symbol (`144/2021/NĐ-CP`, `09-CT/TW`, `QĐ-TTg`).
  case symbol
  /// A unit or other alphanumeric code (`PC45`, `A05`, `V28`).
  case code
  /// An abbreviation written with dots (`TP.HCM`, `Th.S`).
  case abbreviation
  case punctuation
  /// Any other visible character (`%`, `$`, emoji).
  case other
}

/// One token: its kind and its span in the original text (code points, end exclusive).
public struct Token: Sendable, Equatable {
  public var start: Int
  public var end: Int
  public var kind: TokenKind
  /// Number of syllables joined into this token (1 for a syllable, punctuation or number).
  public var syllables: Int

  public init(start: Int, end: Int, kind: TokenKind, syllables: Int = 1) {
    self.start = start
    self.end = end
    self.kind = kind
    self.syllables = syllables
  }
}

/// A sentence's span in the original text (code points, end exclusive).
public struct SentenceSpan: Sendable, Equatable {
  public var start: Int
  public var end: Int
  public init(start: Int, end: Int) { self.start = start; self.end = end }
}
