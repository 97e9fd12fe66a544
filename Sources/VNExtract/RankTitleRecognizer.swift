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
    if isWord(end) && pieces[end].key == keys.quan { return nil }
    if h.length == 1 {
      guard pieces[i].isCap && !pieces[i].flags.contains(.sentenceStart), isCapWord(end) else { return nil }
      return Item(kind: .rank, lo: i, hi: end, rule: "rank.generalBeforeName", payload: .rank(Int(h.index)))
    }
    return Item(kind: .rank, lo: i, hi: end, rule: "rank.gazetteer", payload: .rank(Int(h.index)))
  }

  /// Rule `title.gazetteer`: a title of titles.tsv, any case; `nguyên`/`cựu`/`quyền` before it stay outside
  /// and become the `modifier`. Whether a bare or lower-case title stands is decided once the units and
  /// names around it are known (`validateTitles`).
  func title(at i: Int, _ hits: ArraySlice<PhraseTable.Hit>) -> Item? {
    // Written all lower case or with a capital first: `vụ Phó` (nhiệm vụ + Phó) is no `Vụ phó`.
    let titleHits = hits.filter { h in
      h.source == .title && (pieces[i].isCap || !(i + 1..<i + Int(h.length)).contains { pieces[$0].isCap })
    }.sorted { $0.length > $1.length }
    guard var h = titleHits.first else { return nil }
    // `trưởng đoàn Đại biểu Quốc hội TP.HCM`: a title whose last word heads the unit that follows is the
    // shorter title + UNIT (titles.tsv: prefer `Trưởng` + unit when a unit name follows).
    for shorter in titleHits.dropFirst() {
      let at = i + Int(shorter.length)
      if let u = unit(at: at, self.hits(at: at)), u.hi > i + Int(h.length) { h = shorter; break }
    }
    // rule title.lowercase / title.needsBody: a lower-case title of one or two words that needs its body, and
    // a strict one (`Trưởng`, `Thường trực`, `Đại biểu`), stand only before the body or the person.
    let entry = r.titles[Int(h.index)]
    let end = i + Int(h.length)
    let words = (i..<end).filter { pieces[$0].isWord }.count
    let lower = !pieces[i].isCap
    if entry.strict || (lower && (words == 1 || (entry.needsUnit && words <= 2))) {
      let followed = unit(at: end, self.hits(at: end)) != nil || personName(at: end) != nil || portfolio(at: end) != nil
        || (isCapWord(end) && !isCapWord(end + 1) && !pieces[end].flags.contains(.allUpper))
      if !followed { return nil }
    }
    var modifier: String?
    if cue(.modifierFormer, endingBefore: i) { modifier = "former" }
    else if cue(.modifierActing, endingBefore: i) { modifier = "acting" }
    return Item(kind: .title, lo: i, hi: i + Int(h.length), rule: "title.gazetteer", payload: .title(Int(h.index), modifier: modifier))
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

/// Folded keys of the few single words the grammar rules name.
struct FixedKeys: Sendable {
  let quan, so, va, ve, nam, ngay, thang, cua, khoa, cap, xa, vien, tai, chong, tren, duoi, den, len, tu, ham, ong, ba, cong, an, vaExact, veExact, tuExact, cac, nhung, theo, tenExact, dai, hoi, trung, uong, tw, nha, nuoc: UInt64
  init(_ s: PieceScanner) {
    func k(_ w: String) -> UInt64 { s.pieces(of: w)[0].key }
    quan = k("quan"); so = k("số"); va = k("và"); ve = k("về"); nam = k("năm"); ngay = k("ngày"); thang = k("tháng")
    cua = k("của"); khoa = k("khóa"); cap = k("cấp"); xa = k("xã"); vien = k("viên"); tai = k("tại"); chong = k("chống")
    tren = k("trên"); duoi = k("dưới"); den = k("đến"); len = k("lên"); tu = k("từ"); ham = k("hàm"); ong = k("ông"); ba = k("bà")
    cong = k("công"); an = k("an")
    vaExact = s.pieces(of: "và")[0].exact; veExact = s.pieces(of: "về")[0].exact; tuExact = s.pieces(of: "từ")[0].exact
    cac = k("các"); nhung = k("những"); theo = k("theo"); tenExact = s.pieces(of: "tên")[0].exact
    dai = k("đại"); hoi = k("hội"); trung = k("trung"); uong = k("ương"); tw = k("tw"); nha = k("nhà"); nuoc = k("nước")
  }
}

extension DocumentScan {
  var keys: FixedKeys { r.keys }
}
