import VNCore

extension DocumentScan {
  /// The left-to-right pass: at each word, the longest of DIRECTIVE, RANK, TITLE, UNIT (ties in that order),
  /// else a person name; the scan resumes after what it took.
  func items() -> [Item] {
    var out: [Item] = []
    var i = 0
    while i < bylineStart {
      guard pieces[i].isWord else { i += 1; continue }
      let hs = hits(at: i)
      // Most words start no entity phrase: only cue words or places (looked at by the rules that need them).
      let relevant = hs.contains { $0.source != .cue && $0.source != .place && $0.source != .lawName }
      // The item before, read in place (copying an `Item` retains its strings).
      let n = out.count
      let pKind: EntityKind? = n > 0 ? out[n - 1].kind : nil
      let touching = n > 0 && out[n - 1].hi == i
      // After a title or rank (`Thượng úy Dan Gillen`, `Phó Đô đốc Igor Voronchenko`).
      if touching, pKind == .title || pKind == .rank || (pKind == .unit && n >= 2 && out[n - 2].kind == .title && out[n - 2].hi == out[n - 1].lo),
         let f = foreignName(at: i, afterHi: i) { out.append(f); i = f.hi; continue }
      if touching && pKind == .title, let u = namedBodyAfterTitle(at: i, after: out[n - 1]) ?? foreignPortfolio(at: i, after: out[n - 1]) {
        out.append(u); i = u.hi; continue
      }
      if pieces[i].isCap && pieces[i].flags.contains(.ascii), let f = foreignMarked(at: i, after: n > 0 ? out[n - 1] : nil) {
        out.append(f); i = f.hi; continue
      }
      let afterUnit = touching && pKind == .unit
      let afterRankOrTitle = touching && (pKind == .rank || pKind == .title)
      let afterRank = touching && pKind == .rank
      let afterTitle = touching && (pKind == .title || (pKind == .unit && n >= 2 && out[n - 2].kind == .title && out[n - 2].hi == out[n - 1].lo))
      if !pieces[i].isCap && (pieces[i].key == r.keys.uy || pieces[i].key == r.keys.trung), let u = centralLevel(at: i) {
        out.append(u); i = u.hi; continue
      }
      if !pieces[i].isCap, pieces[i].key == r.keys.so {
        if let d = bareSymbol(at: i) { out.append(d); i = d.hi; continue }
        if n > 0, pKind == .directive, let d = listedSymbol(at: i, previous: out[n - 1]) { out.append(d); i = d.hi; continue }
      }
      if !relevant {
        if touching && pKind == .title, let u = portfolio(at: i) { out.append(u); i = u.hi; continue }
        if let c = policeCode(at: i) { out.append(c); i = c.hi; continue }
        if let n = personName(at: i, afterUnit: afterUnit, afterRank: afterRank, afterTitle: afterTitle) ?? shortName(at: i, afterRankOrTitle: afterRankOrTitle, afterRank: afterRank) { out.append(n); i = n.hi; continue }
        // A place name of several words is skipped whole: no unit starts inside it (`Tây Ban Nha`).
        if pieces[i].isCap, let h = hs.first(where: { $0.source == .place && $0.length >= 2 }) { i += Int(h.length) } else { i += 1 }
        continue
      }
      if let d = directive(at: i, hs) { out.append(d); i = d.hi; continue }
      var best = rank(at: i, hs)
      if let t = title(at: i, hs), t.hi > (best?.hi ?? 0) { best = t }
      if let u = unit(at: i, hs), u.hi > (best?.hi ?? 0) { best = u }
      if best == nil, touching && pKind == .title, let u = portfolio(at: i) { best = u }
      if best == nil, let u = backReference(at: i, hs, earlier: out) { best = u }
      if let b = best {
        // A name that starts here and runs longer wins over a one-word title or unit (`Hồ Chí Minh`); right after
        // a rank a name wins over a unit as long (`Thiếu tướng Đoàn Duy Khương`).
        if let n = personName(at: i, afterUnit: afterUnit, afterRank: afterRank, afterTitle: afterTitle),
           (n.hi > b.hi && b.hi - b.lo == 1) || (afterRank && b.kind == .unit && n.hi >= b.hi) { out.append(n); i = n.hi; continue }
        out.append(b); i = b.hi; continue
      }
      if let n = personName(at: i, afterUnit: afterUnit, afterRank: afterRank, afterTitle: afterTitle) ?? shortName(at: i, afterRankOrTitle: afterRankOrTitle, afterRank: afterRank) { out.append(n); i = n.hi; continue }
      // A head word of two or more words that heads nothing here (`các Tổng cục, Bộ Tư lệnh`) is skipped whole: no
      // title starts inside it (`Tư lệnh`).
      if pieces[i].isCap, let h = hs.filter({ $0.source == .unitHead && $0.marks == 0 && $0.length >= 2 }).max(by: { $0.length < $1.length }) {
        i += Int(h.length); continue
      }
      i += 1
    }
    return out
  }

  /// Rule `official.foreignName`: after a title and an optional country, a capitalised name of two to four
  /// words typed without Vietnamese marks (`Thủ tướng Đức Angela Merkel`, `Tổng thống Mỹ Donald Trump`).
  func foreignName(at i: Int, afterHi titleHi: Int) -> Item? {
    var k = titleHi
    if let pl = place(at: k), !pl.bare, pl.listed { k = pl.end }
    // `Đại sứ Mỹ tại Việt Nam Daniel Kritenbrink`: the post's seat.
    if k > titleHi, isWord(k), pieces[k].key == keys.tai, isCapWord(k + 1) {
      if let pl = place(at: k + 1), !pl.bare, pl.listed { k = pl.end } else {
        // An unlisted seat written with Vietnamese marks (`tại Việt Nam`), up to the unmarked foreign name.
        var e = k + 1
        while e < k + 4 && isCapWord(e) && (!pieces[e].flags.contains(.ascii) || !isForeignWord(e)) { e += 1 }
        if e > k + 1 { k = e }
      }
    }
    var e = k
    func nameWord(_ q: Int) -> Bool {
      isCapWord(q) && pieces[q].flags.contains(.ascii) && !pieces[q].flags.contains(.allUpper)
        && !pieces[q].flags.contains(.hasDigit) && !pieces[q].flags.contains(.sentenceStart)
    }
    while e < k + 6 {
      if nameWord(e) { e += 1; continue }
      // Rule `official.nameParticle` (`Ursula von der Leyen`): a particle between name words.
      if e > k, isWord(e), !pieces[e].isCap, Self.nameParticles.contains(string(e, e + 1)),
         nameWord(e + 1) || (isWord(e + 1) && Self.nameParticles.contains(string(e + 1, e + 2)) && nameWord(e + 2)) { e += 1; continue }
      break
    }
    // A generation suffix (`John McCain III`).
    if e - k >= 2, isWord(e), pieces[e].flags.contains(.allUpper), pieces[e].length <= 3,
       string(e, e + 1).unicodeScalars.allSatisfy({ "IV".unicodeScalars.contains($0) }) { e += 1 }
    guard e - k >= 2, !isCapWord(e) || pieces[e].flags.contains(.sentenceStart) else { return nil }
    // Vietnamese names typed without marks start with a surname; foreign ones rarely do.
    if hits(at: k).contains(where: { $0.source != .cue }) { return nil }
    return Item(kind: .official, lo: k, hi: e, rule: "official.foreignName", payload: .name(short: false))
  }

  /// Rule `unit.afterTitleHead`: a title that ends in a head word and is a title only with it (`Phó phòng`,
  /// `Phó ban`) followed by a capitalised name: the name is the UNIT (`[Phó phòng] [Tham mưu]`, Decisions 2).
  func namedBodyAfterTitle(at i: Int, after prev: Item) -> Item? {
    guard prev.kind == .title, prev.hi == i, prev.hi - prev.lo >= 2, isCapWord(i) else { return nil }
    guard hits(at: prev.hi - 1).contains(where: { $0.source == .unitHead && $0.length == 1 && r.heads[Int($0.index)].takesName })
    else { return nil }
    guard let end = descriptiveName(at: i) else { return nil }
    var hi = end
    if let pl = place(at: hi), !pl.bare { hi = pl.end }
    // A department of a newspaper or company (`Trưởng ban Bạn đọc, Báo điện tử …`, rule unit.departmentOfNonBody).
    if cue(.nonUnitBody, at: isPunct(hi, ",") ? hi + 1 : hi) != nil { return nil }
    return Item(kind: .unit, lo: i, hi: hi, rule: "unit.afterTitleHead",
                payload: .unit(UnitInfo(canonical: expand(i, hi), code: nil, tableParent: nil)))
  }
}
