import VNCore

/// UNIT rules that look beyond one head and its complement: references back to a named body, the central
/// level written in lower case, diplomatic missions, classes of bodies.
extension DocumentScan {
  /// `tỉnh thành` (provinces and cities, a class) at `j`: `UBND tỉnh thành`, `HĐND tỉnh thành` name no body.
  func isProvincesClass(_ j: Int) -> Bool {
    // `Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương`: every province and centrally-run city.
    if isWord(j), pieces[j].key == r.keys.tinh, isPunct(j + 1, ","), isWord(j + 3), pieces[j + 2].key == r.keys.thanh,
       cue(.placeType, at: j + 2) == j + 4, isWord(j + 4), pieces[j + 4].key == r.keys.truc { return true }
    return isWord(j) && isWord(j + 1) && pieces[j].key == r.keys.tinh && pieces[j + 1].key == r.keys.thanh
      && !pieces[j + 1].isCap && !isCapWord(j + 2)
      // `UBND tỉnh thành lập đoàn`: `thành` starts the next word (`thành lập`, `thành viên`, …), not `tỉnh thành`.
      && !(isWord(j + 2) && r.keys.thanhCompounds.contains(pieces[j + 2].key))
  }

  /// Rule `unit.backReference`: a capitalised head alone mid-sentence (`Ủy ban`, `Sở`, `Cục`) is a UNIT when a
  /// body with that head was named before in the document (`UBND quận Thủ Đức … Quận ủy và Ủy ban đã nghe`,
  /// guidelines: a short reference is a UNIT when the context points to one body). Near miss: no such body
  /// before (`Ủy ban` as the first mention), a one-word head (`Bộ`, `Sở`).
  func backReference(at i: Int, _ hs: ArraySlice<PhraseTable.Hit>, earlier: [Item]) -> Item? {
    guard isCapWord(i), !pieces[i].flags.contains(.sentenceStart), !pieces[i].flags.contains(.allUpper) else { return nil }
    // Two-word heads only: a bare one-word head (`Bộ`, `Sở`) is not annotated (guidelines).
    guard let h = hs.first(where: { $0.source == .unitHead && $0.length == 2 }), !isCapWord(i + 2) else { return nil }
    let head = r.heads[Int(h.index)]
    // Heads of bodies found at each administrative level (`Ủy ban`, `Công an`: they take a place); not a
    // generic `Cơ quan`, `Hội đồng` (`Cơ quan hữu quan`).
    guard head.takesPlace, !head.complete else { return nil }
    let hi = i + Int(h.length)
    // `cơ quan Công an`, `lực lượng Công an`: generic uses stay out (guidelines).
    if genericBefore(i) { return nil }
    if hi < pieces.count && (pieces[hi].key == keys.cac || pieces[hi].key == keys.nhung) { return nil }
    // `Ủy ban nhân dân các cấp`, `Ủy ban hành chính`, `Ủy ban quốc gia TKCN`: the head of a longer name, not
    // the short form of the earlier body.
    if isWord(hi) && !pieces[hi].isCap && (cue(.unitNameWord, at: hi) != nil
        || hs.contains(where: { $0.source == .unitHead && Int($0.length) > Int(h.length) })) { return nil }
    let prefix = expand(i, hi) + " "
    guard earlier.contains(where: { u in
      guard u.kind == .unit, !u.dropped, case .unit(let info) = u.payload else { return false }
      return info.canonical.hasPrefix(prefix)
    }) else { return nil }
    return Item(kind: .unit, lo: i, hi: hi, rule: "unit.backReference",
                payload: .unit(UnitInfo(canonical: expand(i, hi), code: nil, tableParent: nil)))
  }

  /// Rule `unit.centralLevel`: `trung ương` in lower case (after an optional `ủy ban`) right before a named
  /// party or front body is part of it (`Ủy viên [trung ương Đảng]`, `Chủ tịch [ủy ban trung ương MTTQ Việt
  /// Nam]`). Near miss: `cấp trung ương` with no body after it.
  func centralLevel(at i: Int) -> Item? {
    guard isWord(i), !pieces[i].isCap else { return nil }
    var k = i
    if pieces[k].key == r.keys.uy, isWord(k + 1), pieces[k + 1].key == r.keys.ban, !pieces[k + 1].isCap { k += 2 }
    guard isWord(k + 1), pieces[k].key == r.keys.trung, pieces[k + 1].key == r.keys.uong, !pieces[k].isCap,
          isCapWord(k + 2), let u = unit(at: k + 2, hits(at: k + 2)) else { return nil }
    guard case .unit(let info) = u.payload else { return nil }
    return Item(kind: .unit, lo: i, hi: u.hi, rule: "unit.centralLevel",
                payload: .unit(UnitInfo(canonical: string(i, k + 2) + " " + info.canonical, code: info.code, tableParent: nil)))
  }

  /// Rule `unit.missionSeat`: a diplomatic mission keeps its seat (`Đại sứ quán Việt Nam tại Nhật Bản`,
  /// `Tổng lãnh sự quán Việt Nam tại Osaka`): `tại` + a listed place or one or two capitalised words.
  /// Near miss: `tại Hà Nội` after another body stays outside.
  func missionSeat(_ hi: Int) -> Int? {
    guard isWord(hi), pieces[hi].key == keys.tai, isCapWord(hi + 1), !pieces[hi + 1].flags.contains(.sentenceStart) else { return nil }
    if let pl = place(at: hi + 1), !pl.bare { return pl.end }
    var e = hi + 1
    while e < hi + 3 && isCapWord(e) && !pieces[e].flags.contains(.allUpper) && !startsOther(e) { e += 1 }
    return e > hi + 1 ? e : nil
  }

  /// Rule `unit.classList`: bodies listed after `tương đương của` (`các cục trưởng và tương đương của Cục
  /// Thuế, …, Cục Dự trữ Nhà nước khu vực`) with a regional member name kinds of body, classes (Decisions 11).
  /// Near miss: the list without a regional member (`của Tổng cục Thuế, Tổng cục Hải quan`) names bodies.
  func dropClassLists(_ items: inout [Item]) {
    var k = 0
    while k < items.count {
      let lo = items[k].lo
      guard items[k].kind == .unit, lo >= 3, pieces[lo - 1].key == keys.cua, pieces[lo - 2].key == r.keys.duong,
            pieces[lo - 3].key == r.keys.tuong else { k += 1; continue }
      var j = k
      repeat {
        items[j].dropped = true
        j += 1
      } while j < items.count && items[j].kind == .unit && items[j].lo - items[j - 1].hi == 1
        && (pieces[items[j - 1].hi].isPunct(0x2C) || pieces[items[j - 1].hi].exact == keys.vaExact)
      // Only a list with a regional class member (`Cục Dự trữ Nhà nước khu vực`) is a list of classes.
      let regional = (k..<j).contains { m in
        let e = items[m].hi
        return e >= 2 && pieces[e - 2].key == r.keys.khu && pieces[e - 1].key == r.keys.vuc && !pieces[e - 2].isCap
      }
      if !regional { for m in k..<j { items[m].dropped = false } }
      k = j
    }
  }
}

extension DocumentScan {
  /// `Báo` or `báo` right before `i`, not in `họp báo` (`unit.newspaperAbbreviation`).
  func newspaperBefore(_ i: Int) -> Bool {
    i >= 1 && isWord(i - 1) && pieces[i - 1].key == keys.bao && !pressConferenceBefore(i)
  }

  /// `họp báo` ends just before `i` (a press conference, not a newspaper).
  func pressConferenceBefore(_ i: Int) -> Bool {
    i >= 2 && isWord(i - 1) && pieces[i - 1].key == keys.bao && isWord(i - 2) && pieces[i - 2].key == keys.hop
  }

  /// A `generic-before` cue ends just before `i` (`cơ quan Công an`, `báo Công an`), except `báo` in `họp báo`.
  /// Rule `unit.meetingOfBody`: `họp báo Chính phủ` is the Government's press conference, and `cuộc họp Chính
  /// phủ` (no longer a generic-before cue) its meeting, as `phiên họp Chính phủ`: the body is a UNIT.
  /// Near miss: `báo Công an nhân dân` (a newspaper).
  func genericBefore(_ i: Int) -> Bool {
    guard cue(.genericBefore, endingBefore: i) else { return false }
    if pressConferenceBefore(i) { return false }
    return true
  }
}
