import VNCore

/// A unit's descriptive name after its head word (`Cục Cảnh sát giao thông`, `Sở Lao động, Thương binh và Xã hội`),
/// glued abbreviations, and the canonical spelling of what was matched.
extension DocumentScan {
  /// A descriptive name after a head: a capitalised word or abbreviation, then capitalised words, lower-case
  /// unit-name words (`giao thông`, `cửa khẩu`), and `và`/`-`/`&` between words; it stops before another
  /// unit, a title, a rank, a person name or a place, and must end on a capital when it began in lower case
  /// (`Đồn biên phòng La Dêê`).
  func descriptiveName(at j: Int) -> Int? {
    guard isWord(j), !pieces[j].flags.contains(.sentenceStart) else { return nil }
    let first = pieces[j]
    let lowerStart = !first.isCap
    if cue(.placeType, at: j) != nil { return nil }
    if lowerStart && cue(.unitNameWord, at: j) == nil { return nil }
    // A portfolio may begin with a document type word (`Sở Kế hoạch - Đầu tư`).
    let typeWordOnly = hits(at: j).contains { $0.source == .directiveType }
      && hits(at: j).allSatisfy { $0.source == .directiveType || $0.source == .cue || $0.marks > 0 }
    if first.isCap && startsOther(j) && !gluedAbbreviation(j) && !typeWordOnly { return nil }
    // `Văn phòng Tập đoàn …`, `Văn phòng Tổng Công ty …`: a company's office is no unit.
    // (`Khoa học` is a name word, not the hospital `Khoa`.)
    if first.isCap, let e = cue(.nonUnitBody, at: j), (cue(.unitNameWord, at: j) ?? 0) <= e { return nil }
    if first.isCap && place(at: j).map({ !$0.bare }) == true { return nil }
    var k = j + 1, last = j + 1, lastCap = first.isCap
    /// Where a dotted abbreviation ends (`T.Ư`): only qualifiers continue after it, as after capitals.
    var abbreviationEnd = -1
    // A dotted abbreviation as the whole name (`Quân ủy T.Ư`).
    if first.isCap, let h = hits(at: j).first(where: { $0.source == .abbreviation && $0.length > 1 && r.abbreviations[Int($0.index)].role == "part"
                                                      && !r.abbreviations[Int($0.index)].expansion.hasPrefix("Thành phố") }) {
      k = j + Int(h.length); last = k; abbreviationEnd = k
    }
    while k < bylineStart && k - j < 12 {
      let p = pieces[k]
      if p.isWord {
        if p.flags.contains(.lineBefore) { break }
        if p.isCap {
          // A dotted abbreviation inside the name (`T.Ư`, `TP.HCM` is a place and handled below).
          if let h = hits(at: k).first(where: { $0.source == .abbreviation && $0.length > 1 && r.abbreviations[Int($0.index)].role == "part"
                                                && !r.abbreviations[Int($0.index)].expansion.hasPrefix("Thành phố") }) {
            k += Int(h.length); last = k; lastCap = true; abbreviationEnd = k; continue
          }
          // `Tổng cục Dự trữ Nhà nước`: `Nhà nước` ends a name as a modifier, not a second body (Decisions 13).
          if pieces[k - 1].isWord && !pieces[k - 1].flags.contains(.allUpper) && isNhaNuoc(k) { k += 2; last = k; lastCap = true; continue }
          if p.flags.contains(.sentenceStart) || (startsOther(k) && !gluedAbbreviation(k)) { break }
          if let e = cue(.nonUnitBody, at: k), (cue(.unitNameWord, at: k) ?? 0) <= e { break }
          // `Quyết định của Bộ Chính trị Ông Mai Văn Chính` (a heading without its full stop): `Ông`, `Bà` start a person.
          if (p.key == keys.ong || p.key == keys.ba) && isCapWord(k + 1) { break }
          if let pl = place(at: k), !pl.bare { break }
          // A foreign person after a body (`Quốc hội Esteban Lazo Hernandez`): two capitalised words without marks.
          if p.flags.contains(.ascii) && isCapWord(k + 1) && pieces[k + 1].flags.contains(.ascii) && !p.flags.contains(.allUpper)
            && !pieces[k + 1].flags.contains(.allUpper) { break }
          k += 1; last = k; lastCap = true; continue
        }
        if cue(.placeType, at: k) != nil { break }
        if p.key == keys.so, isWord(k + 1), pieces[k + 1].flags.contains(.digitsOnly) { k += 2; last = k; lastCap = true; break }
        // Not before another body (`Bộ Công an Việt Nam và Cơ quan hữu quan`).
        if (p.exact == keys.vaExact || p.exact == keys.veExact) && isWord(k + 1) && (pieces[k + 1].isCap || cue(.unitNameWord, at: k + 1) != nil)
          && !(pieces[k + 1].isCap && hits(at: k + 1).contains { $0.source == .unitHead }) && cue(.nonUnitBody, at: k + 1) == nil
          // … nor before an abbreviation, another body or company (`Bộ Công Thương và EVN`); a portfolio's last part
          // is written out (`Bộ Văn hóa, Thể thao và Du lịch`).
          && !(p.exact == keys.vaExact && pieces[k + 1].flags.contains(.allUpper)) {
          k += 1; continue
        }
        // rule unit.abbreviationEnd: an abbreviation completes the name; only a route or branch qualifier
        // continues it (`Phòng CSGT đường sắt`), not the verb after it (`Tổng cục TDTT tham mưu`).
        if pieces[k - 1].isWord && (pieces[k - 1].flags.contains(.allUpper) || k == abbreviationEnd) {
          if let e = cue(.unitQualifier, at: k) { k = e; last = k; lastCap = false; continue }
          break
        }
        // `Hậu cần`, `Kiểm soát`, `Vận tải`: a name word capitalised at the start of its phrase.
        if k - 1 >= j, pieces[k - 1].isCap, let e = cue(.unitNameWord, at: k - 1), e > k { k = e; last = k; lastCap = false; continue }
        if let e = cue(.unitNameWord, at: k) { k = e; last = k; lastCap = false; continue }
        // The second syllable of a capitalised word (`Ban Liên lạc`, `Chính phủ Cách mạng`), not a stop word.
        // Rule `unit.syllableBeforeStop`: also before a stop word (`Ban Dân nguyện của …`).
        if pieces[k - 1].isCap && !pieces[k - 1].flags.contains(.allUpper) && k - 1 >= j && !r.nameStops.contains(p.exact)
          && !p.flags.contains(.hasDigit) && (isCapWord(k + 1) || !isWord(k + 1)
              || (r.nameStops.contains(pieces[k + 1].exact) && pieces[k - 1].length > 1)) {
          k += 1; last = k; lastCap = false; continue
        }
        break
      }
      // Rule `unit.commaList`: a name that lists its portfolios with commas up to a final `và`
      // (`Sở Lao động, Thương binh và Xã hội`, `Ban chỉ đạo chống buôn lậu, gian lận thương mại và hàng giả`).
      if p.isPunct(0x2C), let e = commaListEnd(after: k, capitalised: first.isCap) { k = e; last = e; lastCap = pieces[e - 1].isCap; continue }
      // `-` and `&` inside a name (`Giao thông - Vận tải`, `KH&ĐT`, `VH-TT`), not before another body.
      if (p.isPunct(0x2D) || p.isPunct(0x26)) && isWord(k + 1) && !pieces[k + 1].flags.contains(.lineBefore)
        && (pieces[k + 1].isCap || cue(.unitNameWord, at: k + 1) != nil) && !(pieces[k + 1].isCap && startsOther(k + 1) && !gluedAbbreviation(k + 1)) {
        k += 1; continue
      }
      break
    }
    // A name begun in lower case must end on a capital (`Đồn biên phòng La Dêê`) or before a place
    // (`Ban chỉ đạo chống buôn lậu, gian lận thương mại và hàng giả tỉnh Quảng Ninh`).
    if lowerStart && !lastCap && place(at: last).map({ $0.bare || !$0.listed }) != false { return nil }
    return last
  }

  /// The end of a comma list inside a unit name that starts at the comma `c`: items of one to three words, each
  /// capitalised like the name (or unit-name words when the name runs in lower case), a final `và` and one last
  /// item, no sentence or line break, no item that starts another body, title or person.
  /// Near misses: `Sở Tư pháp, Sở Tài chính và Sở Nội vụ` (each item is a body), `Cục C03, ông A` (no `và`).
  func commaListEnd(after c: Int, capitalised: Bool) -> Int? {
    func item(_ s: Int) -> Int? {
      guard isWord(s), !pieces[s].flags.contains(.sentenceStart), !pieces[s].flags.contains(.lineBefore) else { return nil }
      if pieces[s].isCap != capitalised || startsOther(s) || pieces[s].exact == keys.vaExact { return nil }
      if !capitalised {
        var e = s
        while let c = cue(.unitNameWord, at: e), c > e { e = c }
        return e > s ? e : nil
      }
      var e = s + 1
      while e < s + 3 && isWord(e) && !pieces[e].isCap && pieces[e].exact != keys.vaExact && cue(.placeType, at: e) == nil
        && !r.nameStops.contains(pieces[e].exact) { e += 1 }
      return e
    }
    var k = c
    var n = 0
    while n < 5 && isPunct(k, ",") {
      guard let e = item(k + 1) else { return nil }
      k = e; n += 1
    }
    guard isWord(k), pieces[k].exact == keys.vaExact, let end = item(k + 1) else { return nil }
    return end
  }

  /// `[lo, hi)` is made of route or branch qualifiers (and dashes between them) only.
  func namePhrase(_ lo: Int, _ hi: Int) -> Bool {
    var k = lo
    while k < hi {
      if isPunct(k, "-") { k += 1; continue }
      if let e = cue(.unitQualifier, at: k), e <= hi { k = e; continue }
      return false
    }
    return true
  }

  /// Rule `unit.gluedAbbreviation`: an abbreviation in capitals joined by `-` or `&` without spaces to another
  /// (`Sở TT&TT`, `Bộ VH-TT-DL`, `Đảng ủy Sở VH-TT`) is one portfolio name, even when one part alone is also a
  /// document code or title (`TT`). Near miss: `Bộ VH - Thông tư` (spaced dash, another word).
  func gluedAbbreviation(_ k: Int) -> Bool {
    guard isWord(k), pieces[k].flags.contains(.allUpper) else { return false }
    func joiner(_ c: Int) -> Bool {
      c > 0 && c + 1 < pieces.count && (pieces[c].isPunct(0x2D) || pieces[c].isPunct(0x26))
        && !pieces[c].flags.contains(.spaceBefore) && !pieces[c + 1].flags.contains(.spaceBefore)
        && pieces[c - 1].flags.contains(.allUpper) && pieces[c + 1].flags.contains(.allUpper)
    }
    return joiner(k + 1) || joiner(k - 1)
  }

  /// Extensions after any unit: a bracketed code or abbreviation (`(PC47)`, `(KH&ĐT)`, rule
  /// `unit.bracketCode`).
  func extendUnit(_ hi: Int, _ item: inout Item) -> Int {
    // A legislature's term (`Quốc hội khóa XIII`) stays outside (Decisions 12).
    var end = hi
    // Rule `unit.highCourtSeat`: the high courts and procuracies are named by their seat (`VKSND Cấp cao tại
    // Hà Nội`, `TAND cấp cao tại Đà Nẵng`). Near miss: `Bộ Công an tại Hà Nội` (any other body: `tại` is a place).
    if end >= 2, isWord(end - 1), pieces[end - 1].key == keys.cao, pieces[end - 2].key == keys.cap,
       isWord(end), pieces[end].key == keys.tai, let pl = place(at: end + 1), !pl.bare { end = pl.end }
    if isPunct(end, "(") {
      var k = end + 1
      var ok = false
      // One code or abbreviation, possibly joined by `&` or `-` (`(KH&ĐT)`, `(LĐ-TB&XH)`), not a phrase.
      while k < end + 6 && k < pieces.count {
        let p = pieces[k]
        if p.isPunct(0x29) { ok = k > end + 1; break }
        if p.isWord && (p.flags.contains(.allUpper) || (p.isCap && p.flags.contains(.hasDigit)))
          && (k == end + 1 || !p.flags.contains(.spaceBefore)) { k += 1; continue }
        if (p.isPunct(0x26) || p.isPunct(0x2D)) && !p.flags.contains(.spaceBefore) { k += 1; continue }
        break
      }
      if ok {
        if case .unit(var u) = item.payload, u.code == nil, let c = (end + 1..<k).first(where: { pieces[$0].flags.contains(.hasDigit) }) {
          u.code = string(c, c + 1); item.payload = .unit(u)
        }
        end = k + 1
        // `Tòa án nhân dân (TAND) tỉnh Vĩnh Long`, `Kho bạc Nhà nước (KBNN) tỉnh Phú Yên`: the place after the bracket.
        if let pl = place(at: end), !pl.bare { end = pl.end }
      }
    }
    return end
  }

  /// The canonical name of a headed unit: abbreviations in it expanded (`UBND TP.Hà Nội` → `Ủy ban nhân dân
  /// thành phố Hà Nội`), fixed bodies inside it written in full (`Bô Công an` → `Bộ Công an`).
  func expand(_ lo: Int, _ hi: Int) -> String {
    var out = ""
    var k = lo
    var forceSpace = false
    while k < hi {
      // A bracketed abbreviation of the name (`Tòa án nhân dân (TAND) tỉnh …`) is not part of the canonical name.
      if isPunct(k, "("), k + 2 < hi, isWord(k + 1), pieces[k + 1].flags.contains(.allUpper), isPunct(k + 2, ")") { k += 3; continue }
      let hs = hits(at: k)
      var part = string(k, k + 1)
      var len = 1
      var dotAfter = false
      // A head word that starts with a body's name stays as written (`Đảng ủy`, not `Đảng Cộng sản Việt Nam ủy`).
      let headLength = hs.filter { $0.source == .unitHead && k + Int($0.length) <= hi }.map { Int($0.length) }.max() ?? 0
      // A one-word institution inside a longer name stays as written (`Đảng Cộng sản Cu-ba`).
      if let h = hs.filter({ $0.source == .unit && k + Int($0.length) <= hi }).max(by: { $0.length < $1.length }), Int(h.length) >= headLength,
         !(h.length == 1 && k + 1 < hi && !pieces[k].flags.contains(.allUpper)) {
        part = r.units[Int(h.index)].canonical; len = Int(h.length)
      } else if let h = hs.filter({ $0.source == .abbreviation && k + Int($0.length) <= hi && r.abbreviations[Int($0.index)].role != "no" })
        .max(by: { $0.length < $1.length }) {
        part = r.abbreviations[Int(h.index)].expansion; len = Int(h.length)
        if k > lo && part.hasPrefix("Thành phố") { part = "thành phố" + part.dropFirst(9) }
        dotAfter = part == "thành phố" && isPunct(k + len, ".") && k + len + 1 < hi
      }
      if k > lo && (forceSpace || pieces[k].flags.contains(.spaceBefore)) { out += " " }
      out += part
      k += len
      forceSpace = false
      if dotAfter { k += 1; forceSpace = true }
    }
    return out
  }
}
