import VNCore
import VNText

/// Tokenizes texts one at a time with its own ICU iterators; one per concurrent worker.
///
/// `Bộ Công an ban hành Quyết định 1234/QĐ-BCA ngày 15/3/2024.` →
/// `Bộ` `Công_an` `ban_hành` `Quyết_định` `1234/QĐ-BCA` (symbol) `ngày` `15/3/2024` (date) `.`
/// Steps: word breaks give syllables, numbers and punctuation (`WordRules`, the UAX #29 rules with ICU's
/// tailorings, equal to ICU's word iterator on the scripts they cover; ICU itself for any other text); merge
/// rules join what the word rules split but readers see as one (dates, document symbols); the segmenter
/// groups syllables into words; UAX #29 sentence breaks (`SentenceRules`, equal to ICU's), minus those after
/// abbreviations and initials, give sentences. All offsets are reported in code points of the original text,
/// through the normaliser's alignment.
public final class TokenizerWorker {
  let config: Tokenizer
  let wordBreaker: ICUBreaker
  let sentenceRules = SentenceRules.shared
  let wordRules = WordRules.shared
  /// Boundaries and statuses of the word pass (scratch).
  var wordPositions: [Int32] = []
  var wordStatuses: [Int32] = []
  let segmenter: WordSegmenter
  let folder = SearchKeyFolder()
  var units: [UInt16] = []
  var raw: [RawToken] = []
  /// A second token buffer the merge and word passes write into, swapped with `raw` (no allocation per pass).
  var scratch: [RawToken] = []
  /// Whether `units` holds a surrogate pair (set while transcoding; then UTF-16 ≠ code-point offsets).
  var hasSurrogates = false
  // Read-only tables hoisted out of the resources, so hot loops touch no globals or nested structs.
  let syllableIDs: FastMap<UInt16>
  let surnames: FastMap<Bool>
  let lowerTable: [UInt16] = SyllableKey.lowerTable

  init(_ config: Tokenizer) throws(TokenizeError) {
    self.config = config
    wordBreaker = try ICUBreaker(.word)
    segmenter = WordSegmenter(lexicon: config.lexicon)
    syllableIDs = config.lexicon.syllableIDs
    surnames = config.lexicon.surnames
  }

  /// Tokenizes a text that needs no normalisation (offsets are into `text` itself).
  public func tokenize(_ text: String) -> TokenizedText {
    tokenize(text, alignment: .identity(count: text.unicodeScalars.count))
  }

  /// Tokenizes a normalised text; offsets are into its original.
  public func tokenize(_ normalized: NormalizedText) -> TokenizedText {
    tokenize(normalized.text, alignment: normalized.alignment)
  }

  func tokenize(_ text: String, alignment: TextAlignment) -> TokenizedText {
    hasSurrogates = Self.utf16(text, into: &units)
    buildRawTokens()
    mergeTokens()
    if config.segmentWords { segmentWords() }
    let sentenceEnds = sentenceBoundaries()
    return report(alignment: alignment, sentenceEnds: sentenceEnds)
  }

  /// UTF-16 of `text` into `out`, transcoding straight from the UTF-8 storage (ASCII stays one step).
  /// Returns whether a surrogate pair was written.
  @discardableResult
  static func utf16(_ text: String, into out: inout [UInt16]) -> Bool {
    out.removeAll(keepingCapacity: true)
    var surrogates = false
    var t = text
    t.withUTF8 { b in
      out.reserveCapacity(b.count)
      var i = 0
      let n = b.count
      while i < n {
        let c = b[i]
        if c < 0x80 { out.append(UInt16(c)); i += 1; continue }
        var v: UInt32
        if c < 0xE0 { v = (UInt32(c & 0x1F) << 6) | UInt32(b[i + 1] & 0x3F); i += 2 }
        else if c < 0xF0 { v = (UInt32(c & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F); i += 3 }
        else {
          v = (UInt32(c & 0x07) << 18) | (UInt32(b[i + 1] & 0x3F) << 12) | (UInt32(b[i + 2] & 0x3F) << 6) | UInt32(b[i + 3] & 0x3F)
          i += 4
          v -= 0x10000
          surrogates = true
          out.append(UInt16(0xD800 + (v >> 10)))
          out.append(UInt16(0xDC00 + (v & 0x3FF)))
          continue
        }
        out.append(UInt16(v))
      }
    }
    return surrogates
  }

  /// The scratch buffer, emptied, with room for as many tokens as `raw` has.
  func takeScratch() -> [RawToken] {
    var out: [RawToken] = []
    swap(&out, &scratch)
    out.removeAll(keepingCapacity: true)
    out.reserveCapacity(raw.count)
    return out
  }

  // MARK: - Syllables

  private func buildRawTokens() {
    raw.removeAll(keepingCapacity: true)
    // UAX #29 word rules in Swift for the scripts they cover (equal to ICU's, `WordRulesTests`); ICU otherwise.
    let positions: ArraySlice<Int32>, statuses: ArraySlice<Int32>
    if let m = wordRules.count(units, positions: &wordPositions, statuses: &wordStatuses) {
      positions = wordPositions[..<m]; statuses = wordStatuses[..<m]
    } else {
      (positions, statuses) = wordBreaker.run(units)
    }
    var start: Int32 = 0
    for (k, end) in positions.enumerated() {
      let status = statuses[statuses.startIndex + k]
      defer { start = end }
      let kind: TokenKind
      switch status {
      case 100..<200: kind = classifyNumber(start, end)
      case 200..<500: kind = classifyLetters(start, end)
      default:
        let u = units[Int(start)]
        if Units.isSpace(u) { continue }
        kind = isPunctuation(start) ? .punctuation : .other
      }
      raw.append(RawToken(start: start, end: end, kind: kind))
    }
  }

  private func classifyNumber(_ s: Int32, _ e: Int32) -> TokenKind {
    // `15.3.2020`: ICU keeps a number with two dots whole; it is a date when the parts fit one.
    var dots: [Int] = []
    for i in Int(s)..<Int(e) {
      let u = units[i]
      if u == Units.dot { dots.append(i) } else if !Units.isDigit(u) && u != 0x2C && u != 0x5F {
        // ICU gives a number status to letters followed by digits (`PC45`, `A05`, `QH14`): a code.
        return .code
      }
    }
    if dots.count == 2, isDateParts(Int(s), dots[0], dots[1], Int(e), requireYear: true) { return .date }
    return .number
  }

  private func classifyLetters(_ s: Int32, _ e: Int32) -> TokenKind {
    var digits = false, dot = false
    for i in Int(s)..<Int(e) {
      let u = units[i]
      if Units.isDigit(u) { digits = true } else if u == Units.dot { dot = true }
    }
    if dot { return .abbreviation }
    return digits ? .code : .word
  }

  private func isPunctuation(_ s: Int32) -> Bool {
    let u = units[Int(s)]
    // ASCII by table (most punctuation in news text), the rest by Unicode general category.
    if u < 0x80 { return Self.asciiPunctuation[Int(u)] }
    guard let scalar = Unicode.Scalar(u) else { return false }
    switch scalar.properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
         .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
    default: return false
    }
  }

  /// ASCII punctuation by Unicode general category (P*): `!"#%&'()*,-./:;?@[\]_{}`.
  static let asciiPunctuation: [Bool] = (0..<128).map { v in
    guard let c = Unicode.Scalar(v) else { return false }
    switch c.properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
         .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
    default: return false
    }
  }

  /// Day and month in range, and a 4-digit (or, with `requireYear`, mandatory) year in `units[b+1..<e]`.
  func isDateParts(_ s: Int, _ a: Int, _ b: Int?, _ e: Int, requireYear: Bool) -> Bool {
    func value(_ from: Int, _ to: Int) -> Int? {
      guard to > from, to - from <= 4 else { return nil }
      var v = 0
      for i in from..<to { guard Units.isDigit(units[i]) else { return nil }; v = v * 10 + Int(units[i] - 0x30) }
      return v
    }
    let dayEnd = a, monthEnd = b ?? e
    guard dayEnd - s <= 2, monthEnd - (a + 1) <= 2, let d = value(s, dayEnd), let m = value(a + 1, monthEnd),
          (1...31).contains(d), (1...12).contains(m) else { return false }
    if let b {
      guard let y = value(b + 1, e), e - (b + 1) == 4 || e - (b + 1) == 2 else { return false }
      _ = y
      return true
    }
    return !requireYear
  }

  // MARK: - Sentences

  /// Sentence end offsets (UTF-16) after removing ICU's breaks after abbreviations and initials.
  private func sentenceBoundaries() -> [Int32] {
    let positions = sentenceRules.boundaries(units)
    var ends: [Int32] = []
    var tokenIndex = 0
    for b in positions {
      if Int(b) < units.count {
        // Never inside a token.
        while tokenIndex < raw.count && raw[tokenIndex].end <= b { tokenIndex += 1 }
        if tokenIndex < raw.count && raw[tokenIndex].start < b { continue }
        if endsWithAbbreviation(Int(b)) { continue }
      }
      ends.append(b)
    }
    return ends
  }

  /// Whether the text before `b` ends with `X.` where X is a known abbreviation, an initial or a dotted
  /// abbreviation (`TP.`, `PGS.TS.`, `Nguyễn V.`), which ICU takes for a sentence end.
  private func endsWithAbbreviation(_ b: Int) -> Bool {
    var p = b
    while p > 0 && Units.isSpace(units[p - 1]) { p -= 1 }
    guard p > 1, units[p - 1] == Units.dot else { return false }
    // The word before the dot.
    let end = p - 1
    var s = end
    while s > 0 && (Units.isLetterish(units[s - 1]) || (units[s - 1] | 0x20) >= 0x61 && (units[s - 1] | 0x20) <= 0x7A || units[s - 1] == Units.dot) { s -= 1 }
    guard s < end else { return false }
    let word = units[s..<end]
    if word.count == 1 && Units.isUpper(word.first!) { return true }  // an initial
    if word.contains(Units.dot) { return true }                      // PGS.TS.
    return config.abbreviations.keys[SyllableKey.hash(word)] != nil
  }

  // MARK: - Output

  private func report(alignment: TextAlignment, sentenceEnds: [Int32]) -> TokenizedText {
    // UTF-16 → scalar offsets in the normalised text (identity without surrogates).
    var scalarAt: [Int32]? = nil
    if hasSurrogates {
      var map = [Int32](repeating: 0, count: units.count + 1)
      var sc: Int32 = 0
      for i in 0..<units.count {
        map[i] = sc
        if !(units[i] >= 0xDC00 && units[i] < 0xE000) { sc += 1 } else { map[i] = sc - 1 }
      }
      map[units.count] = sc
      scalarAt = map
    }
    @inline(__always) func toOriginal(_ s: Int32, _ e: Int32) -> (Int, Int) {
      let a = scalarAt.map { Int($0[Int(s)]) } ?? Int(s)
      let b = scalarAt.map { Int($0[Int(e)]) } ?? Int(e)
      return alignment.originalRange(a, b)
    }
    var tokens: [Token] = []
    tokens.reserveCapacity(raw.count)
    for t in raw {
      let (a, b) = toOriginal(t.start, t.end)
      tokens.append(Token(start: a, end: b, kind: t.kind, syllables: Int(t.syllables)))
    }
    var sentences: [SentenceSpan] = []
    var start: Int32 = 0
    for e in sentenceEnds {
      var s = start, f = e
      while s < f && Units.isSpace(units[Int(s)]) { s += 1 }
      while f > s && Units.isSpace(units[Int(f) - 1]) { f -= 1 }
      if f > s {
        let (a, b) = toOriginal(s, f)
        sentences.append(SentenceSpan(start: a, end: b))
      }
      start = e
    }
    return TokenizedText(tokens: tokens, sentences: sentences)
  }
}
