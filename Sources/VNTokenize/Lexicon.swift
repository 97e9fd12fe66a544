import VNCore
import VNText

/// The word list behind word segmentation: syllables, multi-syllable words and their costs.
///
/// Built from `models/lexicon/*.tsv` (`word<TAB>count`, syllables separated by one space, lower case)
/// and the user's own word list. Syllables get small integer ids; a word of up to `maxWordLength`
/// syllables is keyed by its packed ids. Each syllable is registered under both tone placements
/// (`hòa`/`hoà`), so lookups work whatever style the text is normalised to.
public struct Lexicon: Sendable {
  public static let maxWordLength = 4

  /// Syllable hash → id (1-based; 0 = unknown).
  var syllableIDs: [UInt64: UInt16] = [:]
  /// Packed ids → cost (lower is likelier).
  var wordCost: [UInt64: Float] = [:]
  /// Cost of a single syllable, by id; index 0 is the unknown-syllable cost.
  var syllableCost: [Float] = [0]
  /// Surname hashes (lower case) for the person-name rule.
  var surnames: Set<UInt64> = []
  /// Costs derive from counts: cost = log(total) − log(count + smoothing).
  public private(set) var totalCount: Double = 1
  var params = SegmenterParameters()

  public init() {}

  public var syllableCount: Int { syllableCost.count - 1 }
  public var wordCount: Int { wordCost.count }

  private static let styles = [ToneMarkNormalizer(style: .classic), ToneMarkNormalizer(style: .modern)]

  mutating func id(for syllable: String, create: Bool) -> UInt16? {
    let variants = Set(Self.styles.map { $0.normalize(syllable) } + [syllable])
    for v in variants { if let id = syllableIDs[SyllableKey.hash(v)] { return id } }
    guard create, syllableCost.count < Int(UInt16.max) else { return nil }
    let id = UInt16(syllableCost.count)
    syllableCost.append(.infinity)
    for v in variants { syllableIDs[SyllableKey.hash(v)] = id }
    return id
  }

  @inline(__always)
  static func pack(_ ids: some Collection<UInt16>) -> UInt64 {
    var key: UInt64 = 0
    var shift: UInt64 = 0
    for id in ids { key |= UInt64(id) << shift; shift += 16 }
    return key
  }

  /// Adds a word with a count; multi-syllable words longer than `maxWordLength` are ignored.
  public mutating func add(word: String, count: Double) {
    let syllables = word.lowercased().split(separator: " ").map(String.init)
    guard !syllables.isEmpty, syllables.count <= Self.maxWordLength else { return }
    var ids: [UInt16] = []
    for s in syllables { guard let id = id(for: s, create: true) else { return }; ids.append(id) }
    let cost = Float(log(totalCount) - log(count + params.smoothing))
    if ids.count == 1 {
      syllableCost[Int(ids[0])] = min(syllableCost[Int(ids[0])], cost)
    } else {
      let key = Self.pack(ids)
      wordCost[key] = min(wordCost[key] ?? .infinity, cost)
    }
  }

  public mutating func addSurname(_ s: String) { surnames.insert(SyllableKey.hash(s.lowercased())) }

  /// Loads `word<TAB>count` rows; the total is set from the first table when not yet known.
  public mutating func load(_ table: TSVTable, setTotal: Bool, weight: Double = 1) throws(TokenizeError) {
    var parsed: [(String, Double)] = []
    parsed.reserveCapacity(table.rows.count)
    for row in table.rows {
      guard row.fields.count >= 2, let c = Double(row.fields[1]), !row.fields[0].isEmpty else {
        throw .badData(path: table.path, line: row.line, message: "expected word<TAB>count")
      }
      parsed.append((row.fields[0], c))
    }
    if setTotal { totalCount = max(1, parsed.reduce(0) { $0 + $1.1 }) }
    for (w, c) in parsed { add(word: w, count: c * weight) }
  }

  /// Words from a user's list (one per line, syllables separated by spaces or `_`): always preferred.
  public mutating func addUserWords(_ contents: String) {
    for line in contents.split(whereSeparator: \.isNewline) {
      let w = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "_" }).joined(separator: " ")
      if w.isEmpty || w.hasPrefix("#") { continue }
      add(word: w, count: totalCount * params.userWordShare)
    }
  }

  /// Fills unknown single-syllable costs once loading is done.
  public mutating func finish() {
    let unknown = Float(log(totalCount) - log(params.smoothing)) + params.unknownPenalty
    syllableCost[0] = unknown
    for i in 1..<syllableCost.count where syllableCost[i] == .infinity { syllableCost[i] = unknown }
  }
}

/// Tunable constants of the segmenter, from `models/lexicon/params.tsv` when present.
public struct SegmenterParameters: Sendable {
  public var smoothing: Double = 0.5
  public var unknownPenalty: Float = 2
  public var userWordShare: Double = 0.01
  /// Weight of the counts learned from the UD VTB train/dev splits (0 = not used).
  public var vtbWeight: Double = 0
  /// Added to the cost of every word (per word, so it favours fewer words when positive).
  public var lengthPenalty: Float = 0
  public var nameCost: Float = 1

  public init() {}
}

@inline(__always) func log(_ x: Double) -> Double { _log(x) }
@_silgen_name("log") private func _log(_ x: Double) -> Double
