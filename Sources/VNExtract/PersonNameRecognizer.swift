import VNCore

/// Person names: a run of two to four capitalised words that starts with a surname (`Nguyễn Văn Khảo`,
/// `Đinh La Thăng`), and one-word short forms after a marker, rank or title (`ông Chung`, `Thượng tá Tín`,
/// `Thứ trưởng Thành`). Whether a name is an OFFICIAL is decided by `OfficialLinker`.
extension DocumentScan {
  /// Rule `official.name`. Near misses: a street or place named after a person (`đường Phạm Văn Đồng`,
  /// `TP Hồ Chí Minh`: person-blocker cues), a run that is a province or district (`Hà Nội`), capitals
  /// (`SƠN KHÊ`, bylines and headlines).
  ///
  /// Rule `official.nameAfterRank`: right after a rank, a run of two or three capitalised words with marks is a
  /// name even when its surname is not listed (`Thiếu tướng Thiệu Quang Minh`). Near miss: `Thiếu tướng Công an`
  /// (a body), `Đại tá Quân đội` (a head word).
  ///
  /// Rule `official.nameAfterTitle`: right after a title (and the body it heads), three capitalised words whose
  /// last two are listed middle/given names are a name with an unlisted surname (`Chủ tịch UBND TP Chử Xuân
  /// Dũng`). Near miss: `Giám đốc Sở Tài chính Hà Nội` (a place; not given names).
  func personName(at i: Int, afterUnit: Bool = false, afterRank: Bool = false, afterTitle: Bool = false) -> Item? {
    guard isCapWord(i) else { return nil }
    let p = pieces[i]
    guard !p.flags.contains(.allUpper), !p.flags.contains(.hasDigit) else { return nil }
    let plain = !p.flags.contains(.ascii) && isCapWord(i + 1) && !pieces[i + 1].flags.contains(.sentenceStart)
      && !hits(at: i).contains { $0.source != .cue }
    let rankedRun = afterRank && plain
    let titledRun = afterTitle && plain && isCapWord(i + 2) && !isCapWord(i + 3) && !pieces[i + 2].flags.contains(.sentenceStart)
      && r.givenNames.contains(pieces[i + 1].exact) && r.givenNames.contains(pieces[i + 2].exact)
    guard r.surnames.contains(p.exact) || unlistedSurname(at: i) || rankedRun || titledRun || looksLikePersonName(at: i)
      || hits(at: i).contains(where: { $0.source == .knownOfficial && $0.marks == 0 }) else { return nil }
    var e = i + 1
    while e < i + 4 && isCapWord(e) {
      let q = pieces[e]
      // Rule `official.apostropheName`: Central Highlands names join syllables with an apostrophe (`Y Quý B’Krông`,
      // `H’Hen Niê`): the glued parts are one name word. Near miss: a closing quote after a name (`“Nguyễn Văn A” nói`:
      // no capitalised word glued after it).
      if isApostrophe(e + 1), !pieces[e + 1].flags.contains(.spaceBefore), isCapWord(e + 2), !pieces[e + 2].flags.contains(.spaceBefore) {
        e += 3
        continue
      }
      if q.flags.contains(.allUpper) || q.flags.contains(.hasDigit) || q.flags.contains(.lineBefore)
        || q.flags.contains(.sentenceStart) { break }
      // `công ty Đại Nguyên Dương  Ông Nguyễn Chí Công`: a headline run into the text; `Ông`/`Bà` is no name word.
      if q.key == keys.ong || q.key == keys.ba, cue(.personMarker, at: e) != nil, isCapWord(e + 1) { break }
      // `Bộ trưởng Nguyễn Ngọc Thiện Trước khi …`: a sentence opener after a full name (a caption without its stop).
      if e >= i + 2 && cue(.sentenceOpener, at: e) != nil && isWord(e + 1) && !pieces[e + 1].isCap { break }
      // rule official.dateAfterName: `Nguyễn Xuân Phúc Ngày 26/5` (a caption run into the dateline).
      if keys.timeWords.contains(q.exact) && isWord(e + 1) && pieces[e + 1].flags.contains(.hasDigit) { break }
      let stops = hits(at: e).filter { h in
        // A title or rank matched only with another mark is a name word (`Trần Quốc Vượng` ≠ `Quốc vương`).
        switch h.source {
        case .title, .rank: return h.length > 1 && h.marks == 0
        case .unitHead, .unit, .directiveType: return (h.length > 1 || h.source == .unitHead) && h.marks == 0   // `Thanh Trà` ≠ `Thanh tra`
        default: return false
        }
      }
      if !stops.isEmpty {
        // Rule `official.headWordGivenName`: a one-word unit head that is also a given name ends a name of two or more
        // words when no capitalised word follows it, and either punctuation follows or a rank, title or `ông`/`đồng
        // chí` comes before the name (`Đại tá Nguyễn Bá Đoàn – Trưởng Công an`, `đồng chí Đỗ Kim Hội đã`).
        // Near misses: the head of a named body (`Trần Văn Đoàn Thanh niên`, `… Đoàn ĐBQH`), and a lower-case word
        // after it with no marker before the name (`… và Hoàng Thị Thường Đoàn công tác Thành ủy`).
        if e >= i + 2, stops.allSatisfy({ $0.source == .unitHead && $0.length == 1 }), r.givenNames.contains(q.exact),
           !isCapWord(e + 1), !(isWord(e + 1) && pieces[e + 1].flags.contains(.allUpper)),
           !isWord(e + 1) || afterRank || afterTitle || cue(.personMarker, endingBefore: i) {
          e += 1
        }
        break
      }
      e += 1
    }
    // Rule `official.hyphenatedName`: a transliterated name part joined by a hyphen without spaces (`Phuông
    // Si-phan`, `Diaz-Canel`). Near miss: `Nguyễn Văn A - Phó Chủ tịch` (a spaced dash).
    if e >= i + 2, isPunct(e, "-"), !pieces[e].flags.contains(.spaceBefore), isWord(e + 1), !pieces[e + 1].flags.contains(.spaceBefore),
       !pieces[e + 1].flags.contains(.hasDigit), !pieces[e + 1].flags.contains(.allUpper),
       !hits(at: e + 1).contains(where: { ($0.source == .title || $0.source == .rank) && $0.marks == 0 }) { e += 2 }
    guard e - i >= 2 else { return nil }
    // A blocker word that ends a unit is the unit's place word (`Chủ tịch UBND TP Nguyễn Đức Chung`).
    if !afterUnit && cue(.personBlocker, endingBefore: i) { return nil }
    // `TP. Hồ Chí Minh`: the blocker before a dot.
    if i >= 2 && isPunct(i - 1, ".") && cue(.personBlocker, endingBefore: i - 1) { return nil }
    // `Số 47 Phạm Văn Đồng`: a house number between the blocker and the name.
    if i >= 2 && pieces[i - 1].flags.contains(.digitsOnly) && cue(.personBlocker, endingBefore: i - 1) { return nil }
    // Rule `official.houseNumber`: a house number right before the name, with the place after it, is an address
    // (`bà Xuân (607 Lê Duẩn, TP Đông Hà)`). Near miss: a number that is a date or count followed by no place
    // (`ngày 15/6 Nguyễn Văn A ký`), or a rank or title before the name.
    if !afterRank, !afterTitle, i >= 1, pieces[i - 1].flags.contains(.digitsOnly), pieces[i].flags.contains(.spaceBefore),
       isPunct(e, ","), place(at: e + 1) != nil { return nil }
    let hs = hits(at: i)
    if hs.contains(where: { $0.source == .knownOfficial && Int($0.length) == e - i }) {
      // Rule `official.knownNamePlace`: a leader's name right after a place-type word is the place named after
      // them, also when the type word ends a unit (`đưa đi Tp. Hồ Chí Minh`, `UBND TP Hồ Chí Minh`; domain §3).
      // Near miss: `Chủ tịch Hồ Chí Minh`, `tư tưởng Hồ Chí Minh` (no place-type word before).
      if cue(.placeType, endingBefore: i) || (i >= 2 && isPunct(i - 1, ".") && cue(.placeType, endingBefore: i - 1)) { return nil }
      return Item(kind: .official, lo: i, hi: e, rule: "official.knownName", payload: .name(short: false))
    }
    if hs.contains(where: { $0.source == .place && Int($0.length) >= e - i }) { return nil }
    // `Chủ tịch Hà Nội Nguyễn Đức Chung`: a run that starts with a place of two or more words is that place —
    // unless `ông`/`bà` puts a listed surname before a third name word (`ông Vũ Quang Hải`: the district Vũ
    // Quang is also a name).
    let markedPerson = cue(.personMarker, endingBefore: i) && r.surnames.contains(p.exact) && e - i >= 3
    if !markedPerson && hs.contains(where: { $0.source == .place && $0.length >= 2 && $0.marks == 0 }) { return nil }
    var item = Item(kind: .official, lo: i, hi: e, rule: "official.name", payload: .name(short: false))
    if e - i >= 3 { item.cut = fusedGivenName(e - 1) }
    return item
  }

  /// `’` or `'` at `k`.
  func isApostrophe(_ k: Int) -> Bool { isPunct(k, "’") || isPunct(k, "'") }

  /// Rule `official.unlistedSurname`: a rare surname the lexicon lacks (`ông Đầu Thanh Tùng, Phó Chủ tịch …`)
  /// after a person marker, when exactly two listed given names follow and a comma or dash leads to a title.
  /// Near miss: the same run without the marker, or without the title after it.
  /// Also two words with marks (`Ông Điểu Kré, Ủy viên Ban Chấp hành Trung ương`), which need the same marker and title.
  func unlistedSurname(at i: Int) -> Bool {
    guard cue(.personMarker, endingBefore: i), isCapWord(i + 1), !pieces[i + 1].flags.contains(.sentenceStart) else { return false }
    var k: Int
    if isCapWord(i + 2), !isCapWord(i + 3), r.givenNames.contains(pieces[i + 1].exact), r.givenNames.contains(pieces[i + 2].exact),
       !pieces[i + 2].flags.contains(.sentenceStart) {
      k = i + 3
    } else if !isCapWord(i + 2), !pieces[i].flags.contains(.ascii), !pieces[i + 1].flags.contains(.allUpper),
              !hits(at: i).contains(where: { $0.source != .cue }), !hits(at: i + 1).contains(where: { $0.source != .cue }) {
      k = i + 2
    } else { return false }
    guard isPunct(k, ",") || isPunct(k, "-") || isPunct(k, "–") else { return false }
    k += 1
    if let e = cue(.appositionLink, at: k) { k = e }
    return hits(at: k).contains { $0.source == .title || $0.source == .rank }
  }

  /// Rule `official.fusedName`: a last name word glued to the next word (`Nguyễn Thanh Longđề nghị`, Decisions
  /// 18): the piece is no given name, but its longest prefix is one and the rest is a syllable start (consonant,
  /// then a vowel). Returns the normalised offset where the name ends.
  func fusedGivenName(_ k: Int) -> Int32? {
    let p = pieces[k]
    guard !r.givenNames.contains(p.exact), p.length >= 4 else { return nil }
    let s = Int(p.start), e = Int(p.end)
    var h = PieceScanner.seed
    var best: Int?
    for c in s..<(e - 2) {
      h = PieceScanner.mix(h, r.scanner.lower(text[c].value))
      if c - s >= 1 && r.givenNames.contains(h) { best = c + 1 }
    }
    guard let cut = best else { return nil }
    func vowel(_ v: UInt32) -> Bool { "aeiouy".unicodeScalars.contains { $0.value == r.scanner.fold(v) } }
    guard !vowel(text[cut].value), text[cut].properties.isLowercase, (cut + 1..<e).contains(where: { vowel(text[$0].value) }) else { return nil }
    return Int32(cut)
  }

  /// Rule `official.shortForm`: one capitalised word after `ông`/`bà`/`đồng chí`, a rank or a title
  /// (`afterRankOrTitle`: one ends right before it), not followed by another capitalised word.
  /// Right after a rank a place's name is a given name (`Thượng úy Đức`; after a title it is the title's country:
  /// `Thủ tướng Đức`).
  func shortName(at i: Int, afterRankOrTitle: Bool, afterRank: Bool = false) -> Item? {
    guard isCapWord(i), !pieces[i].flags.contains(.allUpper), !pieces[i].flags.contains(.hasDigit) else { return nil }
    if isCapWord(i + 1) && !pieces[i + 1].flags.contains(.sentenceStart) { return nil }
    // A capitalised common word starts here (`Trung úy Quân đội`: cue words `Quân đội`, `Nhân dân`), not a given name.
    if cue(.commonWord, at: i) != nil { return nil }
    // `Von der Leyen`: a particle leads on to the rest of a foreign name.
    if isWord(i + 1), !pieces[i + 1].isCap, Self.nameParticles.contains(string(i + 1, i + 2)) { return nil }
    // `Thẩm phán Trung cấp`, `Kiểm sát viên Cao cấp`: a grade (`… cấp`), not a given name.
    if isWord(i + 1) && !pieces[i + 1].isCap && pieces[i + 1].key == keys.cap { return nil }
    var marked = cue(.personMarker, endingBefore: i) || (i > 0 && pieces[i - 1].exact == keys.tenExact)
    if afterRankOrTitle { marked = true }
    guard marked else { return nil }
    if !afterRank && !hits(at: i).filter({ $0.source != .cue }).isEmpty && hits(at: i).contains(where: { $0.source == .place }) { return nil }
    return Item(kind: .official, lo: i, hi: i + 1, rule: "official.shortForm", payload: .name(short: true))
  }
}
