import VNCore

/// Gazetteer phrases compiled into one hash map keyed on folded piece sequences.
///
/// Every phrase of every gazetteer is split into pieces (`Bộ Công an` → `bo` `cong` `an`); the map holds the
/// combined key of each phrase and of each of its prefixes, so a lookup walks forward from a position and
/// stops at the first piece sequence that no phrase starts with. Matching is on the folded key (case,
/// tone placement and marks ignored); `accepts` then checks the marks: every piece must agree with the
/// phrase (lower-cased, marks kept) except pieces typed without any diacritic (`Bo Cong an`) and, in a
/// phrase of two or more words, one mistyped mark (`Bô Công an`, a typo the guidelines annotate).
struct PhraseTable: Sendable {
  enum Source: UInt8, Sendable {
    case rank, title, unit, unitHead, abbreviation, directiveType, place, cue, knownOfficial, lawName
  }

  /// One phrase of one gazetteer, found at a position.
  struct Hit: Sendable {
    var source: Source
    /// Row index in the gazetteer's entry array.
    var index: Int32
    /// Pieces in the phrase.
    var length: Int16
    /// The phrase's first letter is upper case (`Đảng`, `Nhà nước`: institution only when capitalised).
    var capFirst: Bool
    /// The phrase is an abbreviation in capitals (`CAND`, `EU`): the text must be in capitals too.
    var allCaps: Bool
    /// Offset of the phrase's exact piece keys in `exacts`.
    var exactAt: Int32
    /// Pieces whose marks differ from the phrase's (set by `lookup`).
    var marks: UInt8 = 0
  }

  private struct Node: Sendable {
    var prefix = false
    var hits: [Hit] = []
  }

  /// A frozen node: whether longer phrases continue it, and its hits in `flat`.
  private struct Ref: Sendable {
    var prefix: Bool
    var start: Int32
    var count: Int32
  }

  private var nodes: [UInt64: Node] = [:]
  /// The lookup structure built by `freeze()`: no SipHash and no array retain per probe.
  private var map = FastMap<Ref>()
  private var flat: [Hit] = []
  private var exacts: [UInt64] = []
  private(set) var maxLength = 0

  static func combine(_ h: UInt64, _ key: UInt64) -> UInt64 {
    var x = (h ^ key) &* 0x9E3779B97F4A7C15
    x ^= x >> 29
    return x
  }

  /// Adds one phrase (its pieces from `PieceScanner`); call `freeze()` once all are added.
  mutating func add(_ pieces: [Piece], source: Source, index: Int) {
    guard !pieces.isEmpty else { return }
    var h: UInt64 = 0x51
    let words = pieces.filter(\.isWord)
    let capFirst = words.first?.isCap ?? false
    let allCaps = words.count == 1 && words[0].flags.contains(.allUpper)
    let at = Int32(exacts.count)
    exacts.append(contentsOf: pieces.map(\.exact))
    for (k, p) in pieces.enumerated() {
      h = PhraseTable.combine(h, p.key)
      if k < pieces.count - 1 { nodes[h, default: Node()].prefix = true }
    }
    nodes[h, default: Node()].hits.append(Hit(source: source, index: Int32(index), length: Int16(pieces.count),
                                              capFirst: capFirst, allCaps: allCaps, exactAt: at))
    maxLength = max(maxLength, pieces.count)
  }

  /// Compiles the added phrases into the flat lookup map.
  mutating func freeze() {
    var m = FastMap<Ref>(capacity: nodes.count)
    var f: [Hit] = []
    for (key, node) in nodes {
      m[key] = Ref(prefix: node.prefix, start: Int32(f.count), count: Int32(node.hits.count))
      f.append(contentsOf: node.hits)
    }
    map = m; flat = f
  }

  /// Appends to `out` every phrase that starts at piece `i`, shortest first; a phrase never spans a line break.
  func lookup(_ pieces: [Piece], at i: Int, into out: inout [Hit]) {
    var h: UInt64 = 0x51
    var j = i
    while j < pieces.count {
      if j > i && pieces[j].flags.contains(.lineBefore) { break }
      h = PhraseTable.combine(h, pieces[j].key)
      guard let node = map[h] else { break }
      // Of phrases with the same key and length in one gazetteer, only the best-marked ones: `Thứ trưởng` in
      // the text is not also `Thủ trưởng` (one mark apart).
      var best = Int.max
      let before = out.count
      for n in Int(node.start)..<Int(node.start + node.count) {
        let hit = flat[n]
        let m = mismatches(hit, pieces, at: i)
        guard accepts(hit, pieces, at: i, mismatches: m) else { continue }
        var h2 = hit; h2.marks = UInt8(min(m, 255)); out.append(h2); best = min(best, m)
      }
      if out.count - before > 1 {
        var k = before
        while k < out.count {
          let o = out[k]
          if Int(o.marks) > best && out[before..<out.count].contains(where: { $0.source == o.source && Int($0.marks) == best }) { out.remove(at: k) } else { k += 1 }
        }
      }
      if !node.prefix { break }
      j += 1
    }
  }

  func mismatches(_ hit: Hit, _ pieces: [Piece], at i: Int) -> Int {
    var m = 0
    for k in 0..<Int(hit.length) where pieces[i + k].exact != exacts[Int(hit.exactAt) + k] { m += 1 }
    return m
  }

  /// The marks check described in the type comment, and the case constraints of abbreviations.
  func accepts(_ hit: Hit, _ pieces: [Piece], at i: Int, mismatches: Int) -> Bool {
    var words = 0, asciiWords = 0
    for k in 0..<Int(hit.length) {
      let p = pieces[i + k]
      if p.isWord { words += 1; if p.flags.contains(.ascii) { asciiWords += 1 } }
    }
    // Text typed without any diacritic (`Bo Cong an`, `Dai ta`) matches on the folded key alone; one
    // ASCII word among marked ones (`Phong` the given name vs `Phòng`) does not.
    if mismatches > 0 && words >= 2 && asciiWords == words { return !(hit.allCaps && !pieces[i].flags.contains(.allUpper)) }
    if hit.allCaps && !pieces[i].flags.contains(.allUpper) { return false }
    // A capitalised phrase whose first word is written in lower case with other marks is another word
    // (`thì Ủy ban` is not `Thị ủy`), not a mistyped mark.
    if mismatches > 0 && hit.capFirst && !pieces[i].isCap && pieces[i].exact != exacts[Int(hit.exactAt)] { return false }
    return mismatches == 0 || (mismatches == 1 && words >= 2)
  }
}

/// A set of 64-bit piece keys on `FastMap` (no SipHash in the hot loops).
struct KeySet: Sendable {
  private var map = FastMap<Bool>()
  init() {}
  mutating func insert(_ k: UInt64) { map[k] = true }
  @inline(__always) func contains(_ k: UInt64) -> Bool { map[k] != nil }
}
