import VNCore
import VNText

/// The word list behind word segmentation: syllables, multi-syllable words and their costs.
///
/// Built from `models/lexicon/` (see `scripts/segmenter_reference.py`, of which the segmenter is a port):
/// `words.tsv` (news counts), `ud-vtb-words.tsv` and `ud-vtb-splits.tsv` (UD VTB train+dev counts,
/// CC BY-SA 4.0), `params.tsv`, `surnames.txt`, plus the user's own word list. Syllables get small
/// integer ids; a word of up to `maxWordLength` syllables is keyed by its packed ids. Each syllable is
/// registered under both tone placements (`hòa`/`hoà`), so lookups work whatever style the text is in.
public struct Lexicon: Sendable {
  public static let maxWordLength = 4

  /// Syllable hash → id (1-based; 0 = unknown).
  var syllableIDs = FastMap<UInt16>()
  /// Packed ids of a multi-syllable word → cost.
  var wordCost = FastMap<Float>()
  /// Packed first two ids of every word of three or more syllables: the segmenter looks up 3- and
  /// 4-syllable spans only where such a word can start.
  var longPrefixes = FastMap<Bool>()
  /// Cost of a single syllable, by id; index 0 is the unknown-syllable cost.
  var syllableCost: [Float] = [.infinity]
  /// Surname hashes (lower case) for the person-name rule.
  var surnames = FastMap<Bool>()
  var params = SegmenterParameters()

  // Counts gathered while loading, turned into costs by `finish()`.
  private var news: [UInt64: Double] = [:]
  private var vtb: [UInt64: Double] = [:]
  private var splits: [UInt64: Double] = [:]
  private var userWords: Set<UInt64> = []
  private var lengths: [UInt64: Int] = [:]

  public init() {}

  public var syllableCount: Int { syllableCost.count - 1 }
  public var wordCount: Int { wordCost.count }

  private static let styles = [ToneMarkNormalizer(style: .classic), ToneMarkNormalizer(style: .modern)]

  mutating func id(for syllable: String, create: Bool) -> UInt16? {
    // Most syllables are seen many times while loading: try the plain hash before building variants.
    if let id = syllableIDs[SyllableKey.hash(syllable)] { return id }
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

  /// The packed key of a word (syllables separated by spaces), creating syllable ids as needed.
  private mutating func key(_ word: String) -> (UInt64, Int)? {
    let syllables = word.lowercased().split(separator: " ")
    guard !syllables.isEmpty, syllables.count <= Self.maxWordLength else { return nil }
    var ids: [UInt16] = []
    for s in syllables { guard let id = id(for: String(s), create: true) else { return nil }; ids.append(id) }
    return (Self.pack(ids), ids.count)
  }

  public enum CountKind: Sendable { case news, vtb, splits }

  /// Loads `word<TAB>count` rows into one of the count tables (equal keys add up).
  public mutating func load(_ table: TSVTable, as kind: CountKind) throws(TokenizeError) {
    for row in table.rows {
      guard row.fields.count >= 2, let c = Double(row.fields[1]), !row.fields[0].isEmpty else {
        throw .badData(path: table.path, line: row.line, message: "expected word<TAB>count")
      }
      guard let (k, n) = key(row.fields[0]) else { continue }
      lengths[k] = n
      switch kind {
      case .news: news[k, default: 0] += c
      case .vtb: vtb[k, default: 0] += c
      case .splits: splits[k, default: 0] += c
      }
    }
  }

  public mutating func addSurname(_ s: String) { surnames[SyllableKey.hash(s.lowercased())] = true }

  /// Cost per syllable of a user's word: far below any model cost (the lowest, for compounds the treebank
  /// always keeps whole, is around −60 for a whole word), so the user's word wins wherever it occurs.
  static let userWordCost: Float = -100

  /// Words from a user's list (one per line, syllables separated by spaces or `_`): always kept whole.
  public mutating func addUserWords(_ contents: String) {
    for line in contents.split(whereSeparator: \.isNewline) {
      let w = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "_" }).joined(separator: " ")
      if w.isEmpty || w.hasPrefix("#") { continue }
      if let (k, n) = key(w) { userWords.insert(k); lengths[k] = n }
    }
  }

  /// Turns the counts into costs (the reference's `build_costs`). Call once after loading.
  public mutating func finish() {
    let p = params
    var merged: [UInt64: Double] = news
    for (k, c) in vtb { merged[k, default: 0] += p.vtbWeight * c }
    let total = max(1, merged.values.reduce(0, +))
    let lnN = log(total)
    for (k, c) in merged {
      let n = lengths[k] ?? 1
      var cost = lnN - log(c + p.alpha) + Double(n - 1) * p.lengthPenalty
      if n > 1 && p.splitWeight != 0 {
        cost += p.splitWeight * log(((splits[k] ?? 0) + p.splitPrior) / ((vtb[k] ?? 0) + p.splitPrior))
      }
      set(k, n, Float(cost))
    }
    // User words override the model: they cost less than any split of their syllables can.
    for k in userWords {
      let n = lengths[k] ?? 1
      set(k, n, min(cost(k, n), Self.userWordCost * Float(n)))
    }
    let unknown = Float(lnN - log(p.alpha) + p.unknownPenalty)
    syllableCost[0] = unknown
    for i in 1..<syllableCost.count where syllableCost[i] == .infinity { syllableCost[i] = unknown }
    news = [:]; vtb = [:]; splits = [:]; lengths = [:]; userWords = []
  }

  private mutating func set(_ k: UInt64, _ n: Int, _ cost: Float) {
    if n == 1 { syllableCost[Int(k)] = cost } else { wordCost[k] = cost }
    if n >= 3 { longPrefixes[k & 0xFFFF_FFFF] = true }
  }

  private func cost(_ k: UInt64, _ n: Int) -> Float {
    n == 1 ? syllableCost[Int(k)] : (wordCost[k] ?? .infinity)
  }
}

/// Tunable constants of the segmenter, from `models/lexicon/params.tsv` (names as in the reference).
public struct SegmenterParameters: Sendable {
  public var alpha: Double = 0.5
  public var vtbWeight: Double = 0
  public var lengthPenalty: Double = 0
  public var unknownPenalty: Double = 0
  public var nameCost: Float = 1
  public var capSpanCost: Float = 1000
  public var splitWeight: Double = 0
  public var splitPrior: Double = 1

  public init() {}
}

@inline(__always) func log(_ x: Double) -> Double { _log(x) }
@_silgen_name("log") private func _log(_ x: Double) -> Double
