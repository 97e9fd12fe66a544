import VNCore

/// UNIT: fixed bodies of units.tsv, and a head word of unit-heads.tsv followed by what completes it.
///
/// `Công an huyện Đức Trọng` (head + place), `Cục V28` (head + code), `Sở Giao thông - Vận tải thành phố
/// Đà Nẵng` (head + descriptive name + place), `Bô Công an` (fixed, one mistyped mark, canonical
/// `Bộ Công an`). A chain splits where the first part has its own name (`[Phòng Cảnh sát hình sự]
/// [Công an thành phố]`) and stays one span after a bare type word (`Ban Giám đốc Công an TP`).
extension DocumentScan {
  /// The best UNIT starting at `i`, or nil. `depth` limits the merge of a bare type word with the body after it.
  func unit(at i: Int, _ hits: ArraySlice<PhraseTable.Hit>, depth: Int = 0) -> Item? {
    guard i < bylineStart, isWord(i) else { return nil }
    var best: Item?
    func consider(_ c: Item?) {
      guard let c else { return }
      guard let b = best else { best = c; return }
      guard c.hi > b.hi else { return }
      // A descriptive name longer than a fixed body must add a name or code, not only lower-case words
      // (`Bộ Chính trị tại …`), unless the body's name ends in an abbreviation (`Phòng CSGT đường sắt`).
      if (b.rule.hasPrefix("unit.fixed") || b.rule == "unit.institution") && c.rule == "unit.head+name"
        && !pieces[b.hi - 1].flags.contains(.allUpper) {
        // Route qualifiers do extend it (`Cục Cảnh sát giao thông đường bộ - đường sắt`).
        if !(b.hi..<c.hi).contains(where: { pieces[$0].isCap || pieces[$0].flags.contains(.hasDigit) }) && !namePhrase(b.hi, c.hi) { return }
      }
      // A fixed body is not lengthened by another body complete on its own (`[Ban Chấp hành Trung ương] [Đảng]`,
      // Decisions 24).
      if b.rule.hasPrefix("unit.fixed") || b.rule == "unit.institution",
         self.hits(at: b.hi).contains(where: { $0.source == .unit && b.hi + Int($0.length) == c.hi }) { return }
      best = c
    }
    // Fixed bodies first, so `consider` can compare head parses with them.
    // (Two passes over the slice instead of a reordered temporary array.)
    for h in hits where h.source == .unit { consider(fixedUnit(at: i, h)) }
    for h in hits where h.source != .unit {
      switch h.source {
      // Rule `unit.newspaperAbbreviation`: an abbreviated body after `Báo` names the newspaper (`phóng viên Báo CAND`,
      // `Ảnh: Báo QĐND`; guidelines: `Báo CAND` is no UNIT). Near miss: `họp báo BCA` (the ministry's press conference).
      case .abbreviation where r.abbreviations[Int(h.index)].role == "unit" && !newspaperBefore(i):
        let a = r.abbreviations[Int(h.index)]
        consider(Item(kind: .unit, lo: i, hi: i + Int(h.length), rule: "unit.abbreviation",
                      payload: .unit(UnitInfo(canonical: a.expansion, code: nil, tableParent: nil))))
      case .unitHead: consider(headedUnit(at: i, h, depth: depth))
      default: break
      }
    }
    guard var u = best else { return nil }
    // Rule `unit.centralBoard`: `Ban Bí thư Trung ương` is one UNIT (the board's full name, as `Ủy ban Kiểm tra Trung
    // ương`, Decisions 23). Near miss: `Ban Bí thư Trung ương Đảng` → `[Ban Bí thư] [Trung ương Đảng]` (Decisions 40).
    if u.rule.hasPrefix("unit.fixed"), case .unit(let info) = u.payload, info.canonical == "Ban Bí thư" || info.canonical == "Bộ Chính trị" {
      var e = u.hi
      if isWord(e) && pieces[e].key == keys.tw { e += 1 } else if isWord(e + 1) && pieces[e].key == keys.trung && pieces[e + 1].key == keys.uong { e += 2 }
      if e > u.hi && !(isWord(e) && pieces[e].key == keys.dang) { u.hi = e; u.rule = "unit.centralBoard" }
    }
    // Rule `unit.bareLevel`: a named body, then a bare level word for the province or district the article is about
    // (`Sở Y tế tỉnh`, `Hội Nông dân tỉnh`, `Phòng Tài chính huyện`): the word belongs to the body, as in `Công an
    // huyện` (guidelines: a short reference that points to one body). Near misses: a place name after it (`Sở Y tế
    // tỉnh Nghệ An` is read as head + place), `các tỉnh thành`, a body that names its place already.
    if depth == 0, isWord(u.hi), !pieces[u.hi].isCap, u.hi - u.lo >= 2, let e = bareLevelEnd(at: u.hi) {
      var named = false
      for k in u.lo..<u.hi where cue(.placeType, at: k) != nil || hasPlace(at: k) { named = true; break }
      if !named { u.hi = e; u.rule = "unit.bareLevel" }
    }
    // Rule `unit.bilateral`: an intergovernmental committee with its two countries, `Ủy ban liên Chính phủ Việt Nam –
    // Lào`, `… Việt – Lào`. Near miss: one country only (`Ủy ban liên Chính phủ Việt Nam`: no pair, no extension).
    if u.rule.hasPrefix("unit.fixed"), case .unit(let info) = u.payload, info.canonical == "Ủy ban liên Chính phủ" {
      func country(_ k: Int) -> Int? {
        // Viet Nam is no foreign country (countries.tsv): `Việt Nam`, or `Việt` alone before the dash.
        if isCapWord(k) && string(k, k + 1) == "Việt" {
          if isCapWord(k + 1) && string(k + 1, k + 2) == "Nam" { return k + 2 }
          if !isWord(k + 1) { return k + 1 }
        }
        guard isCapWord(k), let pl = place(at: k), !pl.bare, pl.listed else { return nil }
        return pl.end
      }
      if let a = country(u.hi), isPunct(a, "–") || isPunct(a, "-") || isPunct(a, "—"), let b = country(a + 1) {
        u.hi = b; u.rule = "unit.bilateral"
      }
    }
    // Rule `unit.thingBefore`: `hai Bộ Quốc phòng`, `hai Đảng` (several bodies): the phrase is consumed but not
    // reported. Near miss: `Bộ Quốc phòng hai nước` (the number after).
    if depth == 0 && cue(.thingBefore, endingBefore: i) { u.dropped = true; u.rule = "unit.thingBefore"; return u }
    // `UBND các huyện`, `Công an các quận …`: several bodies at once are no UNIT (Decisions 11). Rule
    // `unit.fixedBeforeNhung`: a listed single body (`Ban Bí thư`, `Bộ Chính trị`) has no class reading, so `những`
    // after it starts the next phrase (`Theo Ban Bí thư những vi phạm …`). Near miss: `UBND những xã` (a head).
    if isWord(u.hi) && !pieces[u.hi].isCap && u.hi - u.lo <= 3,
       pieces[u.hi].key == keys.cac || (pieces[u.hi].key == keys.nhung && !u.rule.hasPrefix("unit.fixed")) { return nil }
    // … also when the longest head is followed by them (`Ủy ban nhân dân các xã`: not `Ủy ban`).
    if let longest = hits.filter({ $0.source == .unitHead }).map({ i + Int($0.length) }).max(), longest > u.hi,
       isWord(longest), pieces[longest].key == keys.cac || pieces[longest].key == keys.nhung { return nil }
    if isProvincesClass(u.hi) { return nil }
    // Rule `unit.departmentOfNonBody`: a generic department head followed by a newspaper, company or hospital
    // (`Trưởng ban Bạn đọc, Báo điện tử …`) is that body's department, no UNIT. Near miss: `Phòng CSGT, Công an tỉnh`.
    if u.rule.hasPrefix("unit.head"), self.hits(at: u.lo).contains(where: { $0.source == .unitHead && r.heads[Int($0.index)].kind == "generic" }) {
      var k = u.hi
      if isPunct(k, ",") { k += 1 }
      if cue(.nonUnitBody, at: k) != nil { return nil }
    }
    // Head parses leave the canonical name empty; it is built only for the candidate kept (`expand`).
    if case .unit(var info) = u.payload, info.canonical.isEmpty { info.canonical = expand(u.lo, u.hi); u.payload = .unit(info) }
    u.hi = extendUnit(u.hi, &u)
    // `Bộ Quốc phòng Mỹ`, `Quân ủy trung ương Trung Quốc`: a listed body followed by a country is that country's.
    if u.rule.hasPrefix("unit.fixed") || u.rule == "unit.institution", isCapWord(u.hi), !pieces[u.hi].flags.contains(.sentenceStart),
       let c = self.hits(at: u.hi).filter({ $0.source == .place && r.places[Int($0.index)].type == "quốc gia" }).max(by: { $0.length < $1.length }),
       !(isWord(u.hi + Int(c.length)) && isCapWord(u.hi + Int(c.length)) && !pieces[u.hi + Int(c.length)].flags.contains(.sentenceStart)) {
      u.hi += Int(c.length)
    }
    return u
  }

  /// Rule `unit.fixed`: a body of units.tsv. Capitalised entries need a capital in the text (`Đảng`,
  /// `Nhà nước`, `Chính phủ` are institutions only so: rule `unit.institution`, which also rejects modifying
  /// uses after `ngân sách`, `tài sản`, `Huy hiệu` … (generic-before cues) and `Đảng viên`).
  func fixedUnit(at i: Int, _ h: PhraseTable.Hit) -> Item? {
    let e = r.units[Int(h.index)]
    let end = i + Int(h.length)
    // A place written with its own marks is not a body matched with other marks (`Nha Trang` ≠ `Nhà Trắng`).
    if h.marks > 0 && hits(at: i).contains(where: { $0.source == .place && $0.length >= h.length && $0.marks == 0 }) { return nil }
    // Rule `unit.lowerHeadName`: a lower-case head word before the capitalised rest of a listed body's name
    // (`Trưởng ban Tổ chức Trung ương`: guidelines, a lowercase body word with a proper name is a UNIT).
    // Near miss: `ban tổ chức` (nothing capitalised).
    if h.capFirst && !pieces[i].isCap && !(h.length >= 2 && isCapWord(i + 1) && !pieces[i + 1].flags.contains(.sentenceStart)
        && hits(at: i - 1).contains(where: { $0.source == .title })) { return nil }
    var rule = "unit.fixed"
    if (h.length == 1 || (h.length == 2 && !pieces[i].flags.contains(.allUpper))) && !(i..<end).contains(where: { pieces[$0].flags.contains(.hasDigit) }) {
      // One- and two-word institution names are also common nouns and modifiers.
      if genericBefore(i) { return nil }
      if isWord(end) && pieces[end].key == keys.vien { return nil }
      // `Nhà nước Hồi giáo tự xưng`: before another capitalised name (not a place) it is part of that name.
      if isNhaNuoc(i) && isCapWord(end) && !pieces[end].flags.contains(.sentenceStart) && !pieces[end].flags.contains(.allUpper)
        && place(at: end).map({ !$0.bare }) != true { return nil }
      // `Đảng bộ`, `Đảng ủy`, `Đảng đoàn`: the institution's name is the start of a longer head word.
      if hits(at: i).contains(where: { $0.source == .unitHead && Int($0.length) > Int(h.length) && $0.marks == 0 }) { return nil }
      // `Kho bạc Nhà nước`: after a capitalised word `Nhà nước` is part of a compound name (Decisions 13).
      if isNhaNuoc(i) && !pieces[i].flags.contains(.sentenceStart) && !pieces[i - 1].flags.contains(.allUpper)
        && (isCapWord(i - 1) || (isCapWord(i - 2) && isWord(i - 1) && pieces[i - 1].exact != keys.vaExact))
        && !hits(at: i - 1).contains(where: { $0.source == .title || $0.source == .unitHead }) { return nil }
      if h.length == 1 && pieces[i].flags.contains(.sentenceStart) && !pieces[i].flags.contains(.allUpper)
        && isWord(end) && !pieces[end].isCap && isWord(end + 1) && !pieces[end + 1].isCap {
        // `Đảng đã lãnh đạo …` at a sentence start is still the Party; keep.
      }
      rule = "unit.institution"
    }
    let code = (i..<end).first { pieces[$0].flags.contains(.hasDigit) && pieces[$0].flags.contains(.hasLetter) }.map { string($0, $0 + 1) }
    return Item(kind: .unit, lo: i, hi: end, rule: rule,
                payload: .unit(UnitInfo(canonical: e.canonical, code: code, tableParent: e.parent)))
  }

  /// Rules `unit.head+code`, `unit.head+place`, `unit.head+name`, `unit.typeWord+body`, `unit.bareComplete`,
  /// `unit.shortReference`, `unit.bareForce` (see each branch).
  func headedUnit(at i: Int, _ h: PhraseTable.Hit, depth: Int) -> Item? {
    let head = r.heads[Int(h.index)]
    let j = i + Int(h.length)
    // A head is written as a name when any of its words is capitalised (`cơ quan Cảnh sát điều tra`).
    // Also a lower-case head after a leader title with a capitalised name (`Trưởng phòng Tham mưu`, Decisions 2).
    let capHead = (i..<j).contains { pieces[$0].isCap }
      || (isCapWord(j) && !pieces[j].flags.contains(.sentenceStart) && hits(at: i - 1).contains { $0.source == .title && $0.length == 1 })
    // `Thường trực`, `Thường vụ` at the end of a title belong to it (`Phó Bí thư Thường trực Thành ủy`).
    if head.head.hasPrefix("Thường"), (1...3).contains(where: { b in i - b >= 0 && hits(at: i - b).contains { $0.source == .title && i - b + Int($0.length) > i } }) {
      return nil
    }
    // Rule `unit.festivalNotBody`: `Lễ hội Đông Cuông` is a festival; lower-case `hội` after `lễ` is no association.
    // Near miss: `Hội Nông dân tỉnh` (capitalised, no `lễ`).
    if head.head.hasPrefix("Hội"), !pieces[i].isCap, i > 0, isWord(i - 1), pieces[i - 1].key == keys.le { return nil }
    // A head word that starts a listed place is that place (`Hội An`, `thành phố Hội An`).
    if hits(at: i).contains(where: { $0.source == .place && Int($0.length) > Int(h.length) }) && pieces[i].isCap { return nil }
    // `Đoàn Campuchia`: a delegation of a country is no body (Decisions 13).
    if head.head == "Đoàn", hits(at: j).contains(where: { $0.source == .place && r.places[Int($0.index)].type == "quốc gia" }) { return nil }
    // `Đoàn Văn Lòn`: a one-word head that is also a surname, before a middle name and a given name, is a person.
    if h.length == 1 && r.surnames.contains(pieces[i].exact) && cue(.middleName, at: j) == j + 1 && isCapWord(j + 1)
      && !isCapWord(j + 2) && !hits(at: j + 1).contains(where: { $0.source != .cue }) { return nil }
    // A one-word head in lower case right after a capitalised word is that word's second syllable (`Xã hội`).
    if !capHead && h.length == 1 && isCapWord(i - 1) && !pieces[i - 1].flags.contains(.allUpper) { return nil }
    func make(_ hi: Int, _ rule: String, code: String? = nil) -> Item {
      Item(kind: .unit, lo: i, hi: hi, rule: rule,
           payload: .unit(UnitInfo(canonical: "", code: code, tableParent: nil)))
    }
    // unit.head+code: `Cục V28`, `Sư đoàn 304`, `Đội CSGT số 3` (lower case allowed: `đội số 3`).
    if head.takesCode, let (end, code) = codeComplement(at: j), capHead || end - j == 2 || pieces[j].flags.contains(.hasLetter) {
      // `Quân khu 1, 2, 3`: several numbered bodies at once (Decisions 11).
      if isPunct(end, ","), isWord(end + 1), pieces[end + 1].flags.contains(.digitsOnly) { return nil }
      // Rule `unit.codeThenPlace`: a numbered body of a province keeps its place (`Ban chỉ đạo 389 tỉnh Quảng Ninh`,
      // `Ban chỉ đạo 389 tỉnh`). Near miss: `Sư đoàn 304 Quân đoàn 2` (another body, no place).
      if capHead, pieces[j].flags.contains(.digitsOnly), let pl = place(at: end), !pl.commune { return make(pl.end, "unit.head+code", code: code) }
      return make(end, "unit.head+code", code: code)
    }
    if isProvincesClass(j) { return nil }
    // A one-syllable head in lower case is a common word (`cán bộ huyện Mỹ Đức`); lower-case bodies with a proper
    // name have two-syllable heads (`công an Yên Bái`, `chính phủ Croatia`).
    if !capHead && h.length == 1 && !(head.head == "Thanh tra") { return nil }
    // A service body named with a head word (`Trạm Y tế xã …`, `Hội đồng quản trị`) is no unit (Decisions 13).
    if let e = cue(.nonUnitBody, at: i), e > j { return nil }
    // `Đoàn Đại biểu Quốc hội của tỉnh Trà Vinh`: a place-only head keeps its place after `của`.
    if head.takesPlace && !head.takesName && isWord(j) && pieces[j].key == keys.cua, let pl = place(at: j + 1), !pl.bare, pl.listed {
      return make(pl.end, "unit.head+place")
    }
    // `Tòa án nhân dân (TAND) tỉnh Vĩnh Long`: the head's abbreviation in brackets before its place.
    if head.takesPlace, capHead, isPunct(j, "("), isWord(j + 1), pieces[j + 1].flags.contains(.allUpper), isPunct(j + 2, ")"),
       let pl = place(at: j + 3), !pl.bare {
      return make(pl.end, "unit.head+place")
    }
    // unit.head+place: `Công an huyện Đức Trọng`, `UBND TP.Hà Nội`, `công an Yên Bái`.
    // A national institution complete on its own takes a country, not a province (`Quốc hội Cu Ba`, not
    // `đại biểu Quốc hội Thành phố Hồ Chí Minh`).
    if head.complete && head.kind == "state" && !head.takesPlace, let pl = place(at: j), !pl.bare,
       !hits(at: j).contains(where: { $0.source == .place && r.places[Int($0.index)].type == "quốc gia" }) {
      return make(j, "unit.bareComplete")
    }
    // Rule `unit.lowerHeadTypedPlace`: a lower-case body word before a place type and a capitalised name not in the
    // gazetteers (`công an phường Thịnh Liệt`; Decisions 20: with a capitalised name the lower-case body is a UNIT).
    // Near misses: the level word alone (`công an phường đã …`, Decisions 20), a number or a new sentence after it
    // (`công an xã 2 lần`, a headline run into `Theo bà …`: `công an phường Theo`).
    func typedName(_ pl: PlacePhrase) -> Bool {
      guard let t = cue(.placeType, at: j), pl.end > t else { return false }
      return (t..<pl.end).allSatisfy { isCapWord($0) && !pieces[$0].flags.contains(.sentenceStart) && !pieces[$0].flags.contains(.digitsOnly)
        && cue(.sentenceOpener, at: $0) == nil }
    }
    if head.takesPlace || head.takesName, let pl = place(at: j), !pl.bare, capHead || pl.listed || typedName(pl) {
      return make(head.kind == "diplomatic" ? missionSeat(pl.end) ?? pl.end : pl.end, "unit.head+place")
    }
    // unit.head+name: `Cục Cảnh sát giao thông`, `Tổng cục TDTT`, `Sở Tài chính Hà Nội`.
    // Rule `unit.fixedThenNoun`: a body complete on its own is not lengthened by a word that starts another kind of
    // body or document (`trước Quốc hội Báo cáo kết quả`: non-unit-body cue). Near miss: `Chính phủ Hoa Kỳ`.
    if head.takesName, capHead, !(head.complete && cue(.nonUnitBody, at: j) != nil), let end = descriptiveName(at: j) {
      var hi = end
      var code: String?
      if let pl = place(at: hi), !pl.bare { hi = pl.end }
      // `Bộ Quốc phòng 208 ha`: a number followed by a lower-case word is a quantity, not the body's number.
      else if isWord(hi), pieces[hi].flags.contains(.digitsOnly), isWord(hi + 1), !pieces[hi + 1].isCap { }
      // … and a decimal (`Bộ Quốc phòng 236,9 ha`).
      else if isWord(hi), pieces[hi].flags.contains(.digitsOnly), isPunct(hi + 1, ",") || isPunct(hi + 1, "."), isWord(hi + 2),
              pieces[hi + 2].flags.contains(.digitsOnly), !pieces[hi + 2].flags.contains(.spaceBefore) { }
      // `Sở Tài nguyên – Môi trường tỉnh,`: the bare place type of the province just named, before punctuation.
      else if let pl = place(at: hi), pl.bare, !pl.commune, pl.end < pieces.count, !pieces[pl.end].isWord, !isPunct(pl.end, ".") || pl.end + 1 >= pieces.count || !isWord(pl.end + 1) || isCapWord(pl.end + 1) { hi = pl.end }
      else if let (e2, c) = codeComplement(at: hi) { hi = e2; code = c }
      if head.kind == "diplomatic", let e = missionSeat(hi) { hi = e }
      if code == nil {
        code = (j..<hi).first { pieces[$0].flags.contains(.hasDigit) && pieces[$0].flags.contains(.hasLetter) }.map { string($0, $0 + 1) }
      }
      return make(hi, "unit.head+name", code: code)
    }
    // unit.typeWord+body: a bare type word heads the body after it, one span (`Văn phòng Bộ Công an`,
    // `Đảng ủy Sở VH-TT`, `Ban Giám đốc Công an TP`, `Bộ Tư lệnh Bộ đội Biên phòng`).
    // Rule `unit.delegationNotBody`: `Đoàn` before a body is that body's delegation, not a unit (Decisions 13:
    // `[Đoàn] Ủy ban Quân lực …` → only `Ủy ban Quân lực` is marked); `Đoàn Thanh niên` is a name, not a body.
    // Rule `unit.inspectorate`: `thanh tra Bộ Nội vụ`, `thanh tra Sở GTVT tỉnh Quảng Nam` (the body's inspectorate,
    // one span also in lower case). Near miss: `thanh tra các sở` (no named body).
    let inspectorate = !capHead && head.head == "Thanh tra" && isCapWord(j)
    if !head.complete, depth < 2, capHead || inspectorate, isWord(j), head.head != "Đoàn", let next = unit(at: j, hits(at: j), depth: depth + 1) {
      return Item(kind: .unit, lo: i, hi: next.hi, rule: "unit.typeWord+body",
                  payload: .unit(UnitInfo(canonical: "", code: codeOf(next), tableParent: nil)))
    }
    let midSentence = !pieces[i].flags.contains(.sentenceStart)
    // `cấp ủy, chính quyền, Đoàn đại biểu Quốc hội và …`: the province's delegation, capitalised, named alone.
    // Near misses: `đoàn Đại biểu Quốc hội ở địa phương khác`, `các Đoàn đại biểu Quốc hội` (a class).
    if head.head.hasPrefix("Đoàn") && head.kind == "state" && pieces[i].isCap && midSentence
      && !(i > 0 && pieces[i - 1].isWord && (pieces[i - 1].key == keys.cac || pieces[i - 1].key == keys.nhung)) {
      return make(j, "unit.bareComplete")
    }
    // unit.shortReference: `Công an phường`, `UBND TP`, `Công an thành phố` pointing at one body
    // (guidelines, Decided cases); `Công an xã`, `Công an cấp huyện` are classes of bodies.
    if capHead, let pl = place(at: j), pl.bare, !pl.commune, head.takesPlace {
      return make(pl.end, "unit.shortReference")
    }
    // Rule `unit.ministryInspectorate`: `Thanh tra Bộ` (the ministry's inspectorate, written as a name).
    // Near misses: `thanh tra Bộ` (lower case names no body), `Thanh tra Bộ Công an` (the ministry is named: head+body).
    if head.head == "Thanh tra", pieces[i].isCap, isCapWord(j), pieces[j].key == keys.bo, !pieces[j].flags.contains(.sentenceStart),
       !isCapWord(j + 1) {
      return make(j + 1, "unit.ministryInspectorate")
    }
    guard capHead, midSentence || head.complete else { return nil }
    if isWord(j) && (pieces[j].key == keys.cap || pieces[j].key == keys.xa) { return nil }
    if genericBefore(i) { return nil }
    // unit.bareComplete: a head complete on its own (`Quốc hội`, `Thành ủy`, `Quận ủy`, `CATP`).
    if head.complete { return make(j, "unit.bareComplete") }
    // unit.bareForce: `Công an` capitalised mid-sentence as the institution (`phối hợp giữa Công an với MTTQ`).
    if midSentence && h.length == 2 && pieces[i].key == forceKey.0 && pieces[i + 1].key == forceKey.1
      && !(isWord(j) && (pieces[j].key == keys.cac || pieces[j].key == keys.nhung)) {
      return make(j, "unit.bareForce")
    }
    return nil
  }

  private var forceKey: (UInt64, UInt64) { (keys.cong, keys.an) }

  func codeOf(_ item: Item) -> String? {
    if case .unit(let u) = item.payload { return u.code }
    return nil
  }

  /// Rule `unit.policeCode`: a police unit code standing alone (`PC44 (Công an TP.HCM)`, `A05`): letters
  /// P?[ACKVX] and two digits (domain reference §4 code table); not inside a document symbol.
  func policeCode(at i: Int) -> Item? {
    let f = pieces[i].flags
    guard isWord(i), f.contains(.hasDigit), f.contains(.hasLetter), f.contains(.upperFirst), pieces[i].length <= 4 else { return nil }
    if i > 0 && (isPunct(i - 1, "/") || isPunct(i - 1, "-")) && !pieces[i].flags.contains(.spaceBefore) { return nil }
    if isPunct(i + 1, "/") || (isPunct(i + 1, "-") && !pieces[i + 1].flags.contains(.spaceBefore)) { return nil }
    // `Nhà máy X51`: the code of a factory or company, no police unit.
    if cue(.nonUnitBody, endingBefore: i) { return nil }
    let s = Array(string(i, i + 1).unicodeScalars)
    var k = 0
    if s.count == 4 && s[0] == "P" { k = 1 }
    guard s.count == k + 3, "ACKVX".unicodeScalars.contains(s[k]),
          s[k + 1].properties.numericType != nil, s[k + 2].properties.numericType != nil else { return nil }
    let fixed = hits(at: i).first { $0.source == .unit && $0.length == 1 }.map { r.units[Int($0.index)] }
    return Item(kind: .unit, lo: i, hi: i + 1, rule: "unit.policeCode",
                payload: .unit(UnitInfo(canonical: fixed?.canonical ?? string(i, i + 1), code: string(i, i + 1),
                                        tableParent: fixed?.parent ?? (k == 1 ? "Công an tỉnh" : "Bộ Công an"))))
  }

  /// A code complement: `V28`, `PC44`, `304`, `7`, `số 3`.
  func codeComplement(at j: Int) -> (Int, String)? {
    guard isWord(j) else { return nil }
    let p = pieces[j]
    if p.key == keys.so, isWord(j + 1), pieces[j + 1].flags.contains(.digitsOnly) { return (j + 2, string(j + 1, j + 2)) }
    // A roman numeral (`Cục I`, `Vụ III`).
    if p.isCap, p.length <= 4, !p.flags.contains(.hasDigit), string(j, j + 1).unicodeScalars.allSatisfy({ "IVX".unicodeScalars.contains($0) }) {
      return (j + 1, string(j, j + 1))
    }
    if p.flags.contains(.hasDigit) && (p.flags.contains(.digitsOnly) || p.isCap) && p.length <= 6 {
      // Not a year or a count (`năm 2017`, `2 cô giáo`): at most 3 digits when bare.
      if p.flags.contains(.digitsOnly) && p.length > 3 { return nil }
      return (j + 1, string(j, j + 1))
    }
    return nil
  }

  /// A title, rank, unit or person name starts at `k` (ends a name run).
  func startsOther(_ k: Int) -> Bool {
    // Only phrases matched with their marks: `Hải quan` in a name is not the head `Hải quân`.
    for h in hits(at: k) where h.marks == 0 {
      // `Thường vụ`, `Thường trực` head a body only before it, never inside a name (`Ban Thường vụ`).
      if h.source == .unitHead && r.heads[Int(h.index)].head.hasPrefix("Thường") { continue }
      switch h.source {
      case .title, .rank, .unit, .unitHead, .directiveType: if pieces[k].isCap { return true }
      default: break
      }
    }
    return looksLikePersonName(at: k)
  }

  /// A surname followed by a capitalised word, whatever precedes it (`UBND TP Nguyễn Đức Chung`), or
  /// rule `official.middleName`: three capitalised words, the second a common middle name (`Bộ Y tế Chế Thị
  /// Lan`, `Tòng Thị Phóng`). Near miss: `Sở Văn hóa` (lower case after the middle-name word).
  func looksLikePersonName(at k: Int) -> Bool {
    if isCapWord(k), !pieces[k].flags.contains(.allUpper), isCapWord(k + 1), isCapWord(k + 2), !isCapWord(k + 3),
       !pieces[k + 1].flags.contains(.sentenceStart), !pieces[k + 2].flags.contains(.sentenceStart),
       cue(.middleName, at: k + 1) == k + 2, !pieces[k + 2].flags.contains(.allUpper),
       !hits(at: k).contains(where: { $0.source != .cue }) { return true }
    return isCapWord(k) && r.surnames.contains(pieces[k].exact) && isCapWord(k + 1) && !pieces[k + 1].flags.contains(.sentenceStart)
      && !pieces[k + 1].flags.contains(.allUpper) && !hits(at: k).contains { $0.source == .place && $0.length >= 2 }
      // Two words make a name only with a known given name (`Đồn biên phòng La Dêê` is a place).
      && (r.givenNames.contains(pieces[k + 1].exact) || (isCapWord(k + 2) && !pieces[k + 2].flags.contains(.sentenceStart)))
  }
}
