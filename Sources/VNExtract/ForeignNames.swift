import VNCore

/// Foreign person names (`Alexander Fomin`, `Miguel Diaz-Canel`, `ông Fomin`): capitalised words typed without
/// Vietnamese marks, at least one of which cannot be a Vietnamese syllable. Whether one is an OFFICIAL is
/// decided by `OfficialLinker` (a title before it, an apposition, `làm` + title, a short form of one).
extension DocumentScan {
  /// A word that cannot be a Vietnamese syllable: ASCII letters that do not split into onset + 1–3 vowels +
  /// coda (`Fomin`, `Raul`, `Castro`, `Zypries`; not `Minh`, `Lan`, `Kim`).
  /// Words with marks count when they fold to a non-Vietnamese shape (`Hernández`).
  func isForeignWord(_ i: Int) -> Bool {
    guard isWord(i), !pieces[i].flags.contains(.hasDigit) else { return false }
    let s = Int(pieces[i].start), e = Int(pieces[i].end)
    var w: [UInt8] = []
    w.reserveCapacity(e - s)
    for c in s..<e {
      var v = r.scanner.fold(text[c].value)
      if v == 0 { continue }   // a combining mark
      if v >= 0x41 && v <= 0x5A { v += 0x20 }
      guard v >= 0x61 && v <= 0x7A else { return true }
      w.append(UInt8(v))
    }
    return !Self.vietnameseShaped(w)
  }

  private static let onsets: [[UInt8]] = ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
    "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"].map { Array($0.utf8) }
  private static let codas: Set<[UInt8]> = Set(["", "c", "ch", "m", "n", "ng", "nh", "p", "t"].map { Array($0.utf8) })

  static func vietnameseShaped(_ w: [UInt8]) -> Bool {
    var k = 0
    if let o = onsets.first(where: { w.starts(with: $0) }) { k = o.count }
    let v0 = k
    while k < w.count && "aeiouy".utf8.contains(w[k]) { k += 1 }
    guard k > v0 || (v0 >= 2 && w[v0 - 1] == UInt8(ascii: "i")), k - v0 <= 3 else { return false }
    return codas.contains(Array(w[k...]))
  }

  /// Lower-case particles of European and Arabic names.
  static let nameParticles: Set<String> = ["von", "van", "der", "den", "de", "del", "della", "di", "du", "dos", "das", "zu", "ter", "bin", "ibn", "al", "el"]

  /// A foreign name at `i`: one to four groups of capitalised ASCII words, a group joining words with a hyphen
  /// and no space (`Diaz-Canel`), one word at least foreign. Returns its end and number of groups.
  func foreignRun(at i: Int) -> (end: Int, groups: Int)? {
    var e = i, groups = 0, foreign = false
    func nameWord(_ k: Int) -> Bool {
      isCapWord(k) && (pieces[k].flags.contains(.ascii) || isForeignWord(k)) && !pieces[k].flags.contains(.allUpper)
        && !pieces[k].flags.contains(.hasDigit) && !pieces[k].flags.contains(.lineBefore)
    }
    while groups < 4 && nameWord(e) && (e == i || !pieces[e].flags.contains(.sentenceStart)) {
      if e > i && hits(at: e).contains(where: { $0.source != .cue && $0.source != .knownOfficial }) { break }
      foreign = foreign || isForeignWord(e)
      e += 1
      while isPunct(e, "-") && !pieces[e].flags.contains(.spaceBefore) && !pieces[e + 1].flags.contains(.spaceBefore) && nameWord(e + 1) {
        foreign = foreign || isForeignWord(e + 1)
        e += 2
      }
      groups += 1
      // Rule `official.nameParticle`: lower-case particles inside a foreign name (`Ursula von der Leyen`, `Von der
      // Leyen`, `Ludwig van Beethoven`) when a capitalised name word follows. Near miss: `Macron và Merkel` (`và`
      // is no particle).
      var p = e
      while isWord(p), !pieces[p].isCap, pieces[p].flags.contains(.ascii), Self.nameParticles.contains(string(p, p + 1)) { p += 1 }
      if p > e, nameWord(p), !pieces[p].flags.contains(.sentenceStart) { foreign = true; e = p }
    }
    // What follows is no name word: lower case, a new sentence, or a title or body (`bà Brigitte Zypries Bộ trưởng …`).
    guard groups > 0, foreign, !isCapWord(e) || pieces[e].flags.contains(.sentenceStart)
      || hits(at: e).contains(where: { $0.source == .title || $0.source == .rank || $0.source == .unitHead || $0.source == .unit })
    else { return nil }
    if hits(at: i).contains(where: { $0.source != .cue && $0.source != .knownOfficial }) { return nil }
    // A generation suffix (`John McCain III`).
    if groups >= 2, isWord(e), pieces[e].flags.contains(.allUpper), pieces[e].length <= 3,
       string(e, e + 1).unicodeScalars.allSatisfy({ "IV".unicodeScalars.contains($0) }), !isCapWord(e + 1) { e += 1 }
    return (e, groups)
  }

  /// Rule `official.foreignMarked`: a foreign name after `ông`/`bà` (`ông Fomin`, `bà Brigitte Zypries`), or
  /// after a title and its body with a comma (`Thứ trưởng Bộ Quốc phòng Nga, Alexander Fomin`).
  func foreignMarked(at i: Int, after prev: Item?) -> Item? {
    let marked = cue(.personMarker, endingBefore: i)
    let afterTitle = !marked && prev.map { p in
      (p.kind == .title || p.kind == .unit) && p.hi == i - 1 && isPunct(i - 1, ",")
    } == true
    // The next name of a list (`John McCain III, Christopher Coons và John Barrasso`).
    let listed = !marked && !afterTitle && prev.map { p in
      p.kind == .official && p.hi == i - 1 && (isPunct(i - 1, ",") || pieces[i - 1].exact == keys.vaExact)
    } == true
    guard marked || afterTitle || listed, let (e, g) = foreignRun(at: i) else { return nil }
    if listed && g < 2 { return nil }
    if afterTitle && g < 2 { return nil }
    return Item(kind: .official, lo: i, hi: e, rule: afterTitle ? "official.foreignName" : "official.foreignMarked",
                payload: .name(short: g == 1))
  }

  /// Rule `unit.foreignPortfolio`: after a minister's title, a capitalised portfolio ending in a country is one
  /// UNIT (Decisions 5: `[Bộ trưởng] [Kinh tế và Năng lượng Đức]`). Near miss: no country (`Bộ trưởng Kinh tế`).
  func foreignPortfolio(at i: Int, after prev: Item) -> Item? {
    guard prev.kind == .title, prev.hi == i, prev.hi - prev.lo == 2, isCapWord(i),
          pieces[prev.hi - 1].key == r.keys.truong, let end = descriptiveName(at: i) else { return nil }
    var k = end
    // `Liên bang Đức`, `Cộng hòa Liên bang Đức`: the country after the portfolio.
    guard let h = hits(at: k).filter({ $0.source == .place }).max(by: { $0.length < $1.length }), isCapWord(k) else { return nil }
    guard r.places[Int(h.index)].type == "quốc gia" else { return nil }
    k += Int(h.length)
    return Item(kind: .unit, lo: i, hi: k, rule: "unit.foreignPortfolio",
                payload: .unit(UnitInfo(canonical: "Bộ " + string(i, k), code: nil, tableParent: nil)))
  }
}
