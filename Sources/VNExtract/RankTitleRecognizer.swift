import VNCore

/// RANK and TITLE: gazetteer phrases with small boundary rules.
///
/// `Trung tướng Nguyễn Văn Khảo, Cục trưởng Cục V28` → `[Trung tướng]RANK … [Cục trưởng]TITLE`; case and
/// diacritics are folded (`đại tá`, `Đại uý`, `Thuong ta`), spans are the phrase as written.
extension DocumentScan {
  /// Rule `rank.gazetteer`: a rank of ranks.tsv, any case (`đại tá Lê Như Toản`).
  /// Near misses: `hạ sĩ quan` and `sĩ quan cấp tá` are categories, not ranks (rule `rank.notCategory`).
  /// Rule `rank.generalBeforeName`: `Tướng` alone is a rank only capitalised and before a name (foreign
  /// generals, guidelines); `tướng lĩnh`, `cấp tướng` are not.
  func rank(at i: Int, _ hits: ArraySlice<PhraseTable.Hit>) -> Item? {
    var best: PhraseTable.Hit?
    for h in hits where h.source == .rank && Int(h.length) > Int(best?.length ?? 0) { best = h }
    guard let h = best else { return nil }
    let end = i + Int(h.length)
    // `Đại tá quân …` is no rank phrase, but the army named after it is (`Trung úy Quân đội`, `trung úy quân đội`).
    if isWord(end) && pieces[end].key == keys.quan && !(isWord(end + 1) && pieces[end + 1].key == keys.doi) { return nil }
    if h.length == 1 {
      // Also at a sentence start or in lower case before one given name (`Tướng Thế nói`, `– tướng Thế nói`).
      let givenNext = isCapWord(end) && !isCapWord(end + 1) && r.givenNames.contains(pieces[end].exact)
      guard (pieces[i].isCap && !pieces[i].flags.contains(.sentenceStart)) || givenNext, isCapWord(end) else { return nil }
      return Item(kind: .rank, lo: i, hi: end, rule: "rank.generalBeforeName", payload: .rank(Int(h.index)))
    }
    return Item(kind: .rank, lo: i, hi: end, rule: "rank.gazetteer", payload: .rank(Int(h.index)))
  }

  /// Rule `title.gazetteer`: a title of titles.tsv, any case; `nguyên`/`cựu`/`quyền` before it stay outside
  /// and become the `modifier`. Whether a bare or lower-case title stands is decided once the units and
  /// names around it are known (`validateTitles`).
  func title(at i: Int, _ hits: ArraySlice<PhraseTable.Hit>) -> Item? {
    // Written all lower case or with a capital first: `vụ Phó` (nhiệm vụ + Phó) is no `Vụ phó`.
    // Also a lower-case title that ends in a body's name (`đại biểu Quốc hội`).
    func usable(_ h: PhraseTable.Hit) -> Bool {
      guard h.source == .title else { return false }
      let end = i + Int(h.length)
      if pieces[i].isCap || !(i + 1..<end).contains(where: { pieces[$0].isCap }) { return true }
      guard let k = (i + 1..<end).first(where: { pieces[$0].isCap }) else { return true }
      return self.hits(at: k).contains { $0.source == .unit && k + Int($0.length) == end }
    }
    // The longest title hit, without a temporary array in the usual one-hit case.
    var first: PhraseTable.Hit?
    var count = 0
    for x in hits where usable(x) { count += 1; if first == nil || x.length > first!.length { first = x } }
    guard var h = first else { return nil }
    // Rule `title.embassy`: `đại sứ quán`, `lãnh sự quán` (an embassy, a consulate) hold no title.
    // Near miss: `Đại sứ Nguyễn Văn A` (no `quán` after).
    if isEmbassyWord(i + Int(h.length)) { return nil }
    // `trưởng đoàn Đại biểu Quốc hội TP.HCM`: a title whose last word heads the unit that follows is the
    // shorter title + UNIT (titles.tsv: prefer `Trưởng` + unit when a unit name follows).
    if count > 1 {
      let longest = h
      var others = hits.filter { usable($0) }
      if let k = others.firstIndex(where: { $0.length == longest.length && $0.index == longest.index }) { others.remove(at: k) }
      others.sort { $0.length > $1.length }
      for shorter in others {
        let at = i + Int(shorter.length)
        // `Phó Trưởng ban Thường trực Ban Tuyên giáo`: the standing deputy's title, not `Phó Trưởng` + `ban Thường trực …`.
        if isWord(at + 2), !pieces[at].isCap, pieces[at + 1].key == keys.thuong, pieces[at + 2].key == keys.truc { continue }
        if let u = unit(at: at, self.hits(at: at)), u.hi > i + Int(h.length) { h = shorter; break }
      }
    }
    // rule title.lowercase / title.needsBody: a lower-case title of one or two words that needs its body, and
    // a strict one (`Trưởng`, `Thường trực`, `Đại biểu`), stand only before the body or the person.
    let entry = r.titles[Int(h.index)]
    let end = i + Int(h.length)
    // `đoàn Đại biểu Quốc hội`: the delegation, not the office (rule title.delegation; near miss: `các Đại biểu Quốc hội`).
    // The phrase is consumed but not reported, so its `Quốc hội` is no UNIT either.
    if i > 0 && pieces[i - 1].isWord && pieces[i - 1].key == keys.doan && entry.title.hasPrefix("Đại biểu") {
      var skipped = Item(kind: .title, lo: i, hi: end, rule: "title.delegation", payload: .title(Int(h.index), modifier: nil))
      skipped.dropped = true
      return skipped
    }
    var words = 0
    for k in i..<end where pieces[k].isWord { words += 1 }
    let lower = !pieces[i].isCap
    if entry.strict || (lower && (words == 1 || (entry.needsUnit && words <= 2))) {
      // Also before a place or a class of bodies (`chủ tịch Hà Nội`, `chủ tịch tỉnh`, `chủ tịch UBND các tỉnh`).
      // … and before `các` + a class of bodies (`giám đốc các sở`, `thủ trưởng các cơ quan`; rule title.beforeClass; near
      // miss: `giám đốc các công ty`, no public body).
      var classAfter = false
      if isWord(end), pieces[end].key == keys.cac { classAfter = self.hits(at: end + 1).contains { $0.source == .unitHead && $0.marks == 0 } }
      let bodyAfter = !entry.strict && (place(at: end) != nil || self.hits(at: end).contains { $0.source == .unitHead && $0.marks == 0 } || classAfter)
      let followed = unit(at: end, self.hits(at: end)) != nil || personName(at: end) != nil || portfolio(at: end) != nil
        || (isCapWord(end) && !isCapWord(end + 1) && !pieces[end].flags.contains(.allUpper)) || bodyAfter
      if !followed { return nil }
    }
    // `Phó Chủ nhiệm thường trực`: `Thường trực` after a title belongs to it (guidelines, Boundaries).
    var hi = i + Int(h.length)
    if isWord(hi), isWord(hi + 1), pieces[hi].key == keys.thuong, pieces[hi + 1].key == keys.truc,
       !self.hits(at: i).contains(where: { $0.source == .title && Int($0.length) > Int(h.length) }) { hi += 2 }
    var modifier: String?
    if cue(.modifierFormer, endingBefore: i) { modifier = "former" }
    else if cue(.modifierActing, endingBefore: i) { modifier = "acting" }
    return Item(kind: .title, lo: i, hi: hi, rule: "title.gazetteer", payload: .title(Int(h.index), modifier: modifier))
  }

  /// Rule `unit.portfolio`: after `Bộ trưởng`/`Thứ trưởng`, a ministry named by its portfolio without `Bộ`
  /// (`Bộ trưởng Y tế`, guidelines: `[Bộ trưởng]TITLE [Công an]UNIT`).
  func portfolio(at i: Int) -> Item? {
    guard isCapWord(i) else { return nil }
    var out: [PhraseTable.Hit] = []
    r.portfolios.lookup(pieces, at: i, into: &out)
    guard let h = out.max(by: { $0.length < $1.length }) else { return nil }
    let u = r.units[Int(h.index)]
    return Item(kind: .unit, lo: i, hi: i + Int(h.length), rule: "unit.portfolio",
                payload: .unit(UnitInfo(canonical: u.canonical, code: nil, tableParent: u.parent)))
  }
}

extension DocumentScan {
  /// Whether `quán` (marks as written) is the word at `k` (`đại sứ quán`).
  func isEmbassyWord(_ k: Int) -> Bool {
    guard isWord(k) else { return false }
    return pieces[k].exact == keys.quanExact
  }
}

/// Folded keys of the few single words the grammar rules name.
struct FixedKeys: Sendable {
  let quan, so, va, ve, nam, ngay, thang, cua, khoa, cap, xa, vien, tai, chong, tren, duoi, den, len, tu, ham, ong, ba, cong, an, vaExact, veExact, tuExact, cac, nhung, theo, tenExact, dai, hoi, trung, uong, tw, nha, nuoc, lam, tinh, tp, truong, uy, ban, thanh, tuong, duong, khu, vuc, doan, lamExact, cao, tuoi, sua, doi, thuong, truc, laExact, nghi, lan, thu, sinh: UInt64
  /// Capitalised time-of-day words that open a dated sentence (`Ngày 26/5`, `Sáng 21/6`): never the end of a name.
  /// Exact keys (marks kept): the folded `thang` of `Tháng` is also the given name `Thăng` (`Đinh La Thăng 57 tuổi`).
  let timeWords: Set<UInt64>
  /// Second syllables of words starting with `thành` (`thành lập`, `thành viên`): after `tỉnh`, not `tỉnh thành`.
  let thanhCompounds: Set<UInt64>
  /// `đảng`; `huyện`, `phố` (with `tỉnh`, `xã`, `thành`: the bare level words of `unit.bareLevel`).
  let dang, huyen, pho: UInt64
  /// `luật`, `pháp` (`Pháp Luật`, the newspaper).
  let luat, phap: UInt64
  /// `bộ`, `lễ`; `cựu chiến binh`.
  let bo, le, cuu, chien, binh: UInt64
  /// `tổng` (`tổng số`); legal subdivisions before a number (`điều`, `khoản`, `điểm`, `chương`, `mục`, `phần`).
  let tong: UInt64
  let subdivisions: Set<UInt64>
  /// `báo`, `họp` (`họp báo`); `quán` with its marks (`đại sứ quán`).
  let bao, hop, quanExact: UInt64
  /// Words before a place name that read it as the place (`sang Đức`, `quê Vinh`, `tỉnh Hà Nam`).
  let locatives: Set<UInt64>
  init(_ s: PieceScanner) {
    func k(_ w: String) -> UInt64 { s.pieces(of: w)[0].key }
    quan = k("quan"); so = k("số"); va = k("và"); ve = k("về"); nam = k("năm"); ngay = k("ngày"); thang = k("tháng")
    cua = k("của"); khoa = k("khóa"); cap = k("cấp"); xa = k("xã"); vien = k("viên"); tai = k("tại"); chong = k("chống")
    tren = k("trên"); duoi = k("dưới"); den = k("đến"); len = k("lên"); tu = k("từ"); ham = k("hàm"); ong = k("ông"); ba = k("bà")
    cong = k("công"); an = k("an")
    vaExact = s.pieces(of: "và")[0].exact; veExact = s.pieces(of: "về")[0].exact; tuExact = s.pieces(of: "từ")[0].exact
    cac = k("các"); nhung = k("những"); theo = k("theo"); tenExact = s.pieces(of: "tên")[0].exact
    dai = k("đại"); hoi = k("hội"); trung = k("trung"); uong = k("ương"); tw = k("tw"); nha = k("nhà"); nuoc = k("nước")
    lam = k("làm"); tinh = k("tỉnh"); tp = k("tp"); truong = k("trưởng"); uy = k("ủy"); ban = k("ban"); thanh = k("thành"); tuong = k("tương"); duong = k("đương"); khu = k("khu"); doan = k("đoàn"); vuc = k("vực"); lamExact = s.pieces(of: "làm")[0].exact
    cao = k("cao"); tuoi = k("tuổi"); sua = k("sửa"); doi = k("đổi"); thuong = k("thường"); truc = k("trực"); laExact = s.pieces(of: "là")[0].exact
    nghi = k("nghị"); lan = k("lần"); thu = k("thứ"); sinh = k("sinh")
    thanhCompounds = Set(["lập", "viên", "công", "phần", "tích", "quả", "phố", "tựu"].map(k))
    dang = k("đảng"); huyen = k("huyện"); pho = k("phố"); luat = k("luật"); phap = k("pháp")
    bo = k("bộ"); le = k("lễ"); cuu = k("cựu"); chien = k("chiến"); binh = k("binh")
    bao = k("báo"); hop = k("họp"); quanExact = s.pieces(of: "quán")[0].exact
    tong = k("tổng"); subdivisions = Set(["điều", "khoản", "điểm", "chương", "mục", "phần"].map(k))
    locatives = Set(["tại", "ở", "sang", "đến", "tới", "về", "từ", "nước", "tỉnh", "tp", "phố", "huyện", "xã", "quận",
                     "quê", "xứ", "thăm", "qua", "người", "miền", "bên"].map(k))
    timeWords = Set(["ngày", "sáng", "chiều", "tối", "trưa", "đêm", "hôm", "tháng"].map { s.pieces(of: $0)[0].exact })
  }
}

extension DocumentScan {
  var keys: FixedKeys { r.keys }
}
