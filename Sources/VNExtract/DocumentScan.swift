import VNCore

/// A found span before output: piece range `[lo, hi)` in the normalised text, label and what the rule learnt.
struct Item: Sendable {
  enum Payload: Sendable {
    case rank(Int)
    case title(Int, modifier: String?)
    indirect case unit(UnitInfo)
    indirect case directive(DirectiveInfo)
    /// A person name run (`Nguyễn Văn Khảo`), or a one-word short form after a marker (`Thành`).
    case name(short: Bool)
  }
  var kind: EntityKind
  var lo: Int
  var hi: Int
  var rule: String
  var payload: Payload
  /// Set by validation: the item is not reported (a title that heads a company, a name with no office).
  var dropped = false
  /// For names: the official cluster it belongs to.
  var cluster: Int?
  /// Normalised end offset when the span ends inside its last piece (`Nguyễn Thanh Longđề` → `…Long`).
  var cut: Int32?
}

struct UnitInfo: Sendable {
  var canonical: String
  var code: String?
  var tableParent: String?
}

struct DirectiveInfo: Sendable {
  var type: String
  var number: String?
  var year: Int?
  var symbol: String?
  var issuer: String?
  var date: String?
  var title: String?
  var key: String
  var canonical: String
}

/// One document's pieces and the look-ups the recognisers share.
struct DocumentScan {
  let r: ExtractorResources
  let text: [Unicode.Scalar]
  let pieces: [Piece]
  /// Pieces from here on are the byline (not annotated).
  var bylineStart: Int
  /// Every gazetteer phrase starting at each piece, looked up once: `hitList[hitStart[i]..<hitStart[i + 1]]`.
  private let hitList: [PhraseTable.Hit]
  private let hitStart: [Int32]

  init(resources: ExtractorResources, text: [Unicode.Scalar]) {
    r = resources
    self.text = text
    let ps = resources.scanner.scan(text)
    pieces = ps
    var list: [PhraseTable.Hit] = []
    list.reserveCapacity(ps.count)
    var starts = [Int32](repeating: 0, count: ps.count + 1)
    for i in 0..<ps.count {
      starts[i] = Int32(list.count)
      if ps[i].isWord { resources.table.lookup(ps, at: i, into: &list) }
    }
    starts[ps.count] = Int32(list.count)
    hitList = list
    hitStart = starts
    bylineStart = ps.count
    bylineStart = findByline()
  }

  var count: Int { pieces.count }

  @inline(__always) func hits(at i: Int) -> ArraySlice<PhraseTable.Hit> {
    guard i >= 0 && i < pieces.count else { return [] }
    return hitList[Int(hitStart[i])..<Int(hitStart[i + 1])]
  }

  /// The normalised text of pieces `[lo, hi)`, spaces as written.
  func string(_ lo: Int, _ hi: Int) -> String {
    guard lo < hi else { return "" }
    var v = String.UnicodeScalarView()
    v.append(contentsOf: text[Int(pieces[lo].start)..<Int(pieces[hi - 1].end)])
    return String(v)
  }

  /// The normalised text of an item (its `cut` respected).
  func string(of item: Item) -> String {
    guard let cut = item.cut else { return string(item.lo, item.hi) }
    var v = String.UnicodeScalarView()
    v.append(contentsOf: text[Int(pieces[item.lo].start)..<Int(cut)])
    return String(v)
  }

  @inline(__always) func isWord(_ i: Int) -> Bool { i >= 0 && i < pieces.count && pieces[i].isWord }
  @inline(__always) func isCapWord(_ i: Int) -> Bool { isWord(i) && pieces[i].isCap }
  @inline(__always) func isPunct(_ i: Int, _ c: Character) -> Bool {
    i >= 0 && i < pieces.count && pieces[i].isPunct(c.unicodeScalars.first!.value)
  }

  /// The longest cue phrase of `role` starting at `i`, as its end index.
  func cue(_ role: CueRole, at i: Int) -> Int? {
    guard i >= 0 && i < pieces.count else { return nil }
    var best: Int?
    var j = Int(hitStart[i])
    let end = Int(hitStart[i + 1])
    while j < end {   // indices, not `hits(at:)`: this runs at most words and a slice costs a retain
      let h = hitList[j]
      if h.source == .cue && r.cueRoles[Int(h.index)] == role { best = max(best ?? 0, i + Int(h.length)) }
      j += 1
    }
    return best
  }

  /// A cue phrase of `role` ending just before `i` (one or two words).
  func cue(_ role: CueRole, endingBefore i: Int) -> Bool {
    for back in 1...3 where i - back >= 0 {
      if cue(role, at: i - back) == i { return true }
    }
    return false
  }

  /// The byline: a short last sentence or line of capitalised words, credits (`Theo …`, `Ảnh: …`) or a
  /// signature with a slash (`Ngọc Thành/VOV.VN`), e.g. `… phê duyệt. Lan Phương`.
  func findByline() -> Int {
    var end = pieces.count
    while end > 0 && !pieces[end - 1].isWord && !pieces[end - 1].isPunct(0x29) { end -= 1 }
    guard end > 0 else { return pieces.count }
    // Start of the last sentence or line.
    var s = end - 1
    while s > 0 {
      let p = pieces[s]
      if p.flags.contains(.lineBefore) { break }
      if p.isWord && p.flags.contains(.sentenceStart) { break }
      s -= 1
    }
    let words = (s..<end).filter { pieces[$0].isWord }
    guard !words.isEmpty && words.count <= 8 else { return pieces.count }
    let capitalised = words.allSatisfy { pieces[$0].isCap || pieces[$0].flags.contains(.digitsOnly) }
    // A credit's slash follows a name (`Ngọc Thành/VOV.VN`), not a number (`Báo cáo số 12/BC-UBND`).
    let credit = (s..<end).contains { k in
      pieces[k].isPunct(0x28) || (pieces[k].isPunct(0x2F) && k > 0 && pieces[k - 1].isWord && !pieces[k - 1].flags.contains(.hasDigit))
    }
    let theo = r.keys.theo == pieces[s].key
    return (capitalised || credit || theo) ? s : pieces.count
  }
}
