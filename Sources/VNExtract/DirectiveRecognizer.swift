import VNCore

/// DIRECTIVE: a document type word with a number or symbol, or with a proper name.
///
/// `Chỉ thị số 09-CT/TW`, `Nghị định 144/2021/NĐ-CP`, `quyết định 19/C46-P12`, `Quyết định khởi tố bị can
/// số 363/C46 (P12)`, `Luật CAND`, `Bộ luật hình sự`, `Hiến pháp năm 2013`, `Hiệp định Paris`. The span stops
/// before the issuer (`của Ban Bí thư`), the date and the quoted title, which become attributes.
extension DocumentScan {
  func directive(at i: Int, _ hits: ArraySlice<PhraseTable.Hit>) -> Item? {
    // rule directive.abbreviation: the abbreviated name of a code (`BLHS`, Decisions 16).
    if let a = hits.first(where: { $0.source == .abbreviation && r.abbreviations[Int($0.index)].role == "directive" }) {
      let name = r.abbreviations[Int(a.index)].expansion
      let type = name.split(separator: " ").prefix(2).joined(separator: " ")
      return Item(kind: .directive, lo: i, hi: i + Int(a.length), rule: "directive.abbreviation",
                  payload: .directive(DirectiveInfo(type: type, number: nil, year: nil, symbol: nil,
                                                    issuer: type.hasPrefix("Hiệp") ? nil : "Quốc hội",
                                                    date: nil, title: nil, key: name, canonical: name)))
    }
    guard let h = hits.filter({ $0.source == .directiveType }).max(by: { $0.length < $1.length }) else { return nil }
    let entry = r.directiveTypes[Int(h.index)]
    let capType = pieces[i].isCap
    // Rule `directive.notFirm`: `Công ty Luật TNHH Everest`, `Văn phòng Luật Minh Khuê` name a law firm, not a law.
    // Near miss: `theo Luật Doanh nghiệp` (no firm word before).
    // (Conditions as `if` clauses, not `&&`: an autoclosure that calls a method copies the scan.)
    if h.length == 1, pieces[i].key == keys.luat {
      if cue(.nonUnitBody, endingBefore: i) { return nil }
      // … and `Pháp Luật TP.HCM`, `báo Pháp Luật` name a newspaper (near miss: `theo pháp luật` has no capitalised type).
      if capType, i > 0, isCapWord(i - 1), pieces[i - 1].key == keys.phap { return nil }
    }
    // Rule `directive.countBefore`: a number right before the type word counts several documents (`ký liên tiếp 6
    // Quyết định mang số 2356, 2357 …`), as `các nghị quyết` does. Near miss: an article's number (`khoản 2 Điều 6
    // Nghị định 144/2021/NĐ-CP`).
    if countBefore(i) { return nil }
    var j = i + Int(h.length)
    // rule directive.number: type [words] [số] [:] number/symbol.
    var k = j
    var words = 0
    // (`Quyết định công nhận sự thỏa thuận của các đương sự số 62/2009`: up to ten words before `số`.)
    while words < 10 && isWord(k) && !pieces[k].isCap && pieces[k].key != keys.so && !pieces[k].flags.contains(.hasDigit) {
      k += 1; words += 1
    }
    var hadSo = false
    if isWord(k) && pieces[k].key == keys.so {
      hadSo = true; k += 1
      if isPunct(k, ":") { k += 1 }
    } else if isWord(k) && pieces[k].flags.contains(.hasDigit) && !pieces[k].flags.contains(.digitsOnly), pieces[k].key == keys.so {
      hadSo = true
    }
    // `số31-QĐ/TW`: `số` glued to the number is one piece starting with letters; not handled beyond this.
    var numeric = false
    if words == 0 || hadSo, isWord(k) { numeric = pieces[k].flags.contains(.digitsOnly) ? true : numberWithLetter(k) }
    // Rule `directive.typeWordsSymbol`: words naming the kind of decision, then a full symbol without `số`
    // (`Quyết định hành chính 166/QĐ-UBND`, Decisions 38). Near miss: `Quyết định hành chính 2015` (no symbol).
    // The symbol must carry a type or issuer code: `thông báo đến cuối tháng 8/2017` is a date.
    let symbolOnly = words > 0 && words <= 4 && !hadSo
    if symbolOnly, isWord(k), pieces[k].flags.contains(.hasDigit) { numeric = true }
    // Rule `directive.totalCount`: `tổng số` + a number is a total (`trong tổng số 21.364 cơ sở`), no document.
    // Near miss: `Quyết định số 21` (no `tổng`).
    if hadSo, isTotal(before: k) { numeric = false }
    if numeric, let sym = symbolParser.parse(text, from: Int(pieces[k].start)),
       sym.symbol != nil ? (!symbolOnly || sym.typeCode != nil || !sym.issuerCodes.isEmpty) : (pieces[k].flags.contains(.digitsOnly) && !symbolOnly) {
      let bare = sym.symbol == nil
      // A year (`Quyết định 2014`), not a number past the years (`Quyết định 5383`).
      let looksLikeYear = bare && sym.number.count == 4 && (1900...2100).contains(Int(sym.number) ?? 0)
      // `văn bản 2861 ngày 13/6`, `quyết định 49 (ngày 1/9/2011)`: a bare number dated right after it is a
      // document's number, also in lower case.
      var e0 = k
      while e0 < pieces.count && Int(pieces[e0].start) < sym.end { e0 += 1 }
      let d0 = isPunct(e0, "(") ? e0 + 1 : e0
      let dated = isWord(d0) && pieces[d0].key == keys.ngay && isWord(d0 + 1) && pieces[d0 + 1].flags.contains(.hasDigit)
      // Rule `directive.numberOfIssuer`: a lower-case type word and a bare number followed by `của` and the title or
      // body that issued it (`quyết định 929 của Thủ tướng Chính phủ`, Decisions 15). Near misses: no listed title or
      // body after `của` (`quyết định 12 của tòa`), a one-digit number (`phương án 1 của Bộ GTVT`, an option).
      let ofIssuer = bare && sym.number.count >= 2 && isIssuerAfterCua(e0)
      let named = capType || hadSo || !bare || dated || ofIssuer
      let yearOnly = looksLikeYear && !hadSo && !dated
      let count = bare && !hadSo && !dated && !ofIssuer && isCountNoun(after: k)
      let accept = named && !yearOnly && !count
      if accept {
        var e = k
        while e < pieces.count && Int(pieces[e].start) < sym.end { e += 1 }
        return Item(kind: .directive, lo: i, hi: e, rule: bare ? "directive.typeNumber" : "directive.typeSymbol",
                    payload: .directive(info(entry, sym)))
      }
    }
    // rule directive.partyResolution: `Nghị quyết Đại hội XII`, `Nghị quyết Trung ương 4 khóa XII`, `Nghị quyết TW4`,
    // `Nghị quyết Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa XII`.
    if capType, entry.type == "Nghị quyết", let e = partyResolution(at: j) {
      let name = string(j, e)
      return Item(kind: .directive, lo: i, hi: e, rule: "directive.partyResolution",
                  payload: .directive(DirectiveInfo(type: entry.type, number: nil, year: nil, symbol: nil, issuer: nil, date: nil,
                                                    title: nil, key: entry.type + " " + name, canonical: entry.type + " " + name)))
    }
    // rule directive.name: a capitalised type word with a proper name (`Luật CAND`, `Luật Đầu tư công`,
    // `Bộ luật hình sự`, `Hiến pháp năm 2013`, `Hiệp định Paris`); only for types named, not numbered.
    guard entry.code == nil, capType else { return nil }
    let isCode = entry.type == "Bộ luật"
    let isTreaty = entry.type.hasPrefix("Hiệp") || entry.type == "Công ước"
    let isConstitution = entry.type == "Hiến pháp"
    var year: Int?
    if isConstitution {
      // `Hiến pháp năm 2013`, `Hiến pháp 2013`; the capitalised `Hiến pháp` alone is the Constitution in force
      // (`Căn cứ Hiến pháp nước Cộng hòa …`; the country stays outside, as `Bộ Quốc phòng Mỹ`'s place does not).
      // Near miss: lower-case `sửa đổi hiến pháp` (capType is required above).
      var k = j
      if isWord(k), pieces[k].key == keys.nam { k += 1 }
      guard isWord(k), pieces[k].flags.contains(.digitsOnly), pieces[k].length == 4 else {
        return Item(kind: .directive, lo: i, hi: j, rule: "directive.constitution",
                    payload: .directive(DirectiveInfo(type: entry.type, number: nil, year: nil, symbol: nil, issuer: "Quốc hội",
                                                      date: nil, title: nil, key: "Hiến pháp", canonical: string(i, j))))
      }
      j = k
      year = Int(string(j, j + 1))
      j += 1
      return Item(kind: .directive, lo: i, hi: j, rule: "directive.constitution",
                  payload: .directive(DirectiveInfo(type: entry.type, number: nil, year: year, symbol: nil, issuer: "Quốc hội",
                                                    date: nil, title: nil, key: "Hiến pháp \(year!)", canonical: string(i, j))))
    }
    guard isWord(j), !pieces[j].flags.contains(.lineBefore) else { return nil }
    // Rule `directive.amending`: `Luật sửa đổi, bổ sung một số điều của Bộ luật hình sự năm 2015` is one document
    // (Decisions 29): the amending type word, `sửa đổi`, up to `của` and the document it amends.
    // Near miss: `Luật sửa đổi sẽ có hiệu lực` (no amended document named).
    if capType, pieces[j].key == keys.sua, isWord(j + 1), pieces[j + 1].key == keys.doi {
      var k = j + 2
      while k < j + 10 && k < bylineStart && !(isWord(k) && pieces[k].key == keys.cua) && !pieces[k].flags.contains(.sentenceStart) { k += 1 }
      if isWord(k), pieces[k].key == keys.cua, k + 1 < bylineStart, let amended = directive(at: k + 1, self.hits(at: k + 1)) {
        let canonical = string(i, amended.hi)
        return Item(kind: .directive, lo: i, hi: amended.hi, rule: "directive.amending",
                    payload: .directive(DirectiveInfo(type: entry.type, number: nil, year: nil, symbol: nil, issuer: nil,
                                                      date: nil, title: nil, key: canonical, canonical: canonical)))
      }
    }
    // A listed law name ends the span where the name ends (law-names.tsv).
    let lawHits: [PhraseTable.Hit] = self.hits(at: j).filter { (h: PhraseTable.Hit) -> Bool in
      h.source == .lawName && r.lawNames[Int(h.index)].type == entry.type
    }
    if let lh = lawHits.max(by: { (a: PhraseTable.Hit, b: PhraseTable.Hit) -> Bool in a.length < b.length }),
       pieces[j].isCap || isCode || capType {   // a listed name after a capitalised type, in any case (`Luật du lịch`)
      var e = j + Int(lh.length)
      // `Luật Trách nhiệm bồi thường của Nhà nước`: the State as the name's last words (Decisions 29).
      if isWord(e), pieces[e].key == keys.cua, isNhaNuoc(e + 1) { e += 3 }
      if isWord(e) && pieces[e].key == keys.nam && isWord(e + 1) && pieces[e + 1].flags.contains(.digitsOnly) && pieces[e + 1].length == 4 {
        year = Int(string(e + 1, e + 2)); e += 2
      } else if isWord(e), pieces[e].flags.contains(.digitsOnly), pieces[e].length == 4, let y = Int(string(e, e + 1)), (1946...2099).contains(y),
                !(isPunct(e + 1, "/") || isPunct(e + 1, "-") || isPunct(e + 1, ".")) {
        // Rule `directive.lawYear`: the year written without `năm` (`Luật Bảo vệ môi trường 2020`). Near miss: a
        // number that is no year (`Luật Đất đai 45 điều`) or a date (`Luật Đất đai 2013/QH13` stays with its symbol).
        year = y; e += 1
      }
      // Rule `directive.lawNumber`: the law's name, then `số` and its full symbol (`Luật thuế GTGT số 13/2008/QH12`):
      // one span, as type + `số` + number (guidelines). Near miss: `số` + a bare number (`Luật Đất đai số 45 điều`).
      var symbol: String?
      if let n = lawNumber(at: e) {
        e = n.end; symbol = n.symbol
        if year == nil { year = n.year }
      }
      let canonical = entry.type + " " + r.lawNames[Int(lh.index)].name
      return Item(kind: .directive, lo: i, hi: e, rule: symbol == nil ? "directive.lawName" : "directive.lawNumber",
                  payload: .directive(DirectiveInfo(type: entry.type, number: nil, year: year, symbol: symbol, issuer: nil,
                                                    date: nil, title: nil, key: symbol ?? canonical, canonical: canonical)))
    }
    if isTreaty, let e = treatyWithAbbreviation(at: j) {
      let canonical = entry.type + " " + string(j, e)
      return Item(kind: .directive, lo: i, hi: e, rule: "directive.treatyAbbreviation",
                  payload: .directive(DirectiveInfo(type: entry.type, number: nil, year: nil, symbol: nil, issuer: nil,
                                                    date: nil, title: nil, key: canonical, canonical: canonical)))
    }
    let p = pieces[j]
    if cue(.placeType, at: j) != nil { return nil }
    guard p.isCap || (isCode && !r.nameStops.contains(p.exact) && !p.flags.contains(.hasDigit)) else { return nil }
    if p.isCap && startsUnitOrTitle(j) && !p.flags.contains(.allUpper) { return nil }
    var e = j + 1
    while e < bylineStart && e - j < 5 {
      let q = pieces[e]
      if q.isWord {
        if q.flags.contains(.lineBefore) || q.flags.contains(.sentenceStart) { break }
        if q.isCap { e += 1; continue }
        if isTreaty || r.nameStops.contains(q.exact) || q.flags.contains(.hasDigit) { break }
        // A name that is an abbreviation ends with it (`Luật BHYT chính thức có hiệu lực`; near miss: `Luật Thuế BVMT`).
        if pieces[e - 1].isWord && pieces[e - 1].flags.contains(.allUpper) { break }
        e += 1; continue
      }
      // `Luật Phòng, chống ma túy`.
      if q.isPunct(0x2C) && isWord(e + 1) && pieces[e + 1].key == keys.chong { e += 1; continue }
      break
    }
    if isWord(e), pieces[e].key == keys.cua, isNhaNuoc(e + 1) { e += 3 }
    if isWord(e) && pieces[e].key == keys.nam && isWord(e + 1) && pieces[e + 1].flags.contains(.digitsOnly) && pieces[e + 1].length == 4 {
      year = Int(string(e + 1, e + 2)); e += 2
    }
    let name = expandName(j, e)
    let canonical = entry.type + " " + name
    return Item(kind: .directive, lo: i, hi: e, rule: "directive.name",
                payload: .directive(DirectiveInfo(type: entry.type, number: nil, year: year, symbol: nil, issuer: nil,
                                                  date: nil, title: nil, key: canonical, canonical: canonical)))
  }

  /// `961A`: a number with one capital letter glued to it, which only a symbol can follow (`thông báo số 961A/TB-LĐ`).
  /// Whether `tổng` comes right before the `số` that ends just before `k` (`tổng số 21`).
  func isTotal(before k: Int) -> Bool {
    var s = k - 1
    if s >= 0, isPunct(s, ":") { s -= 1 }
    guard s >= 1, isWord(s), pieces[s].key == keys.so, isWord(s - 1) else { return false }
    return pieces[s - 1].key == keys.tong
  }

  /// Whether a plain count stands right before the type word at `i`: digits after a lower-case word other than a
  /// legal subdivision (`điều`, `khoản`, `điểm`, `chương`, `mục`), or a number word (`hai`, `ba` …; `thing-before`).
  func countBefore(_ i: Int) -> Bool {
    guard i >= 1, isWord(i - 1) else { return false }
    if cue(.thingBefore, endingBefore: i) { return true }
    guard pieces[i - 1].flags.contains(.digitsOnly), i >= 2, isWord(i - 2), !pieces[i - 2].isCap else { return false }
    return !keys.subdivisions.contains(pieces[i - 2].key)
  }

  func numberWithLetter(_ k: Int) -> Bool {
    let p = pieces[k]
    guard p.flags.contains(.hasDigit), p.length >= 2, p.length <= 6 else { return false }
    let s = Int(p.start), e = Int(p.end)
    for c in s..<(e - 1) where !(0x30...0x39).contains(text[c].value) { return false }
    return (0x41...0x5A).contains(text[e - 1].value)
  }

  /// `số` and a full symbol with its year at `e` (rule `directive.lawNumber`): where it ends, the symbol and the year.
  /// Kept out of `directive(at:)` so that function stays small enough to inline.
  func lawNumber(at e: Int) -> (end: Int, symbol: String, year: Int?)? {
    guard isWord(e), pieces[e].key == keys.so, isWord(e + 1), pieces[e + 1].flags.contains(.digitsOnly),
          let sym = symbolParser.parse(text, from: Int(pieces[e + 1].start)), let symbol = sym.symbol, sym.year != nil else { return nil }
    var k = e + 1
    while k < pieces.count, Int(pieces[k].start) < sym.end { k += 1 }
    return (k, symbol, sym.year)
  }

  /// Rule `directive.bareSymbol`: `số` and a full normative symbol without its type word (`Điều 31 số
  /// 15/2014/TT-BCA`): the type comes from the symbol's code. Near miss: `số 15/3` (a date), a symbol without
  /// a year (`số 12/QĐ`, too short to be sure).
  func bareSymbol(at i: Int) -> Item? {
    guard isWord(i), pieces[i].key == keys.so, !pieces[i].isCap || pieces[i].flags.contains(.sentenceStart),
          isWord(i + 1), pieces[i + 1].flags.contains(.digitsOnly),
          let sym = symbolParser.parse(text, from: Int(pieces[i + 1].start)), sym.symbol != nil, sym.year != nil,
          let code = sym.typeCode, let type = r.directiveCodes[code],
          let entry = r.directiveTypes.first(where: { $0.type == type }) else { return nil }
    var e = i + 1
    while e < pieces.count && Int(pieces[e].start) < sym.end { e += 1 }
    return Item(kind: .directive, lo: i, hi: e, rule: "directive.bareSymbol", payload: .directive(info(entry, sym)))
  }

  /// Rule `directive.listedSymbol`: a later number of a list of documents of one type, written `số` + symbol
  /// after `;`, `,` or `và` (`Công văn số 463/TTg-KTN ngày 28/3/2013; số 875/TTg-KTN … và số 1797/TTg-KTN`): a
  /// DIRECTIVE of the type of the `previous` one, which ends at most twelve pieces before in the same sentence.
  /// Near miss: `số 875 hộ dân` (no symbol), `; số 12/2016` after no directive.
  func listedSymbol(at i: Int, previous: Item) -> Item? {
    guard case .directive(let prev) = previous.payload, i > previous.hi, i - previous.hi <= 12, i > 0,
          isWord(i), pieces[i].key == keys.so, !pieces[i].isCap, isWord(i + 1), pieces[i + 1].flags.contains(.digitsOnly),
          isPunct(i - 1, ";") || isPunct(i - 1, ",") || (isWord(i - 1) && pieces[i - 1].key == keys.va),
          let sym = symbolParser.parse(text, from: Int(pieces[i + 1].start)), sym.symbol != nil,
          let entry = r.directiveTypes.first(where: { $0.type == prev.type }) else { return nil }
    for k in previous.hi...i where pieces[k].isWord && pieces[k].flags.contains(.sentenceStart) { return nil }
    var e = i + 1
    while e < pieces.count && Int(pieces[e].start) < sym.end { e += 1 }
    return Item(kind: .directive, lo: i, hi: e, rule: "directive.listedSymbol", payload: .directive(info(entry, sym)))
  }

  /// `của` at `k`, then a listed title or body (`của Thủ tướng`, `của UBND tỉnh`, `của Bộ Công an`): the issuer of the
  /// document numbered just before (`directive.numberOfIssuer`).
  func isIssuerAfterCua(_ k: Int) -> Bool {
    guard isWord(k), pieces[k].key == keys.cua, isWord(k + 1) else { return false }
    for h in hits(at: k + 1) {
      switch h.source {
      case .title, .unit: return true
      case .unitHead: if pieces[k + 1].isCap { return true }
      case .abbreviation: if r.abbreviations[Int(h.index)].role == "unit" { return true }
      default: break
      }
    }
    return false
  }

  /// Rule `directive.treatyAbbreviation`: a treaty's descriptive name closed by its abbreviation in brackets
  /// (`Hiệp định Thương mại tự do (EVFTA)`, `Hiệp định Đối tác xuyên Thái Bình Dương (TPP)`): the span runs to
  /// the bracket. Near miss: a bracket that is no abbreviation (`Hiệp định thương mại (ký năm 2019)`).
  func treatyWithAbbreviation(at j: Int) -> Int? {
    guard isCapWord(j), !pieces[j].flags.contains(.allUpper) else { return nil }
    var k = j + 1
    // Words, and a spaced dash between two (`Việt Nam - EU`).
    while k < j + 16 && (isWord(k) || (isPunct(k, "-") && isWord(k + 1))) && !pieces[k].flags.contains(.sentenceStart)
      && !pieces[k].flags.contains(.lineBefore) && !pieces[k].flags.contains(.hasDigit) { k += 1 }
    guard isPunct(k, "("), isWord(k + 1), pieces[k + 1].flags.contains(.allUpper), isPunct(k + 2, ")") else { return nil }
    return k + 3
  }

  /// `Luật CAND` → `Công an nhân dân`; other words as written.
  private func expandName(_ lo: Int, _ hi: Int) -> String {
    if hi == lo + 1, pieces[lo].flags.contains(.allUpper), let x = r.abbreviationByText[string(lo, hi)] { return x }
    return string(lo, hi)
  }

  private func startsUnitOrTitle(_ k: Int) -> Bool {
    hits(at: k).contains { $0.source == .title || $0.source == .rank }
  }

  /// `Kế hoạch 5 năm`, `Chỉ thị 2 điểm`: a bare number followed by a lower-case word is a count.
  private func isCountNoun(after k: Int) -> Bool {
    isWord(k + 1) && !pieces[k + 1].isCap && !pieces[k + 1].flags.contains(.hasDigit) && !pieces[k + 1].flags.contains(.spaceBefore) == false
      && [keys.nam, keys.ngay, keys.thang].contains(pieces[k + 1].key)
  }

  var symbolParser: DirectiveSymbolParser { DirectiveSymbolParser(typeCodes: r.directiveCodes, issuerCodes: r.issuers) }

  /// Attributes from the type entry and the parsed symbol; `key` is the symbol with the type code spelt as in
  /// directive-types.tsv (`ND-CP` → `NĐ-CP`), else type|number|issuer.
  func info(_ entry: DirectiveTypeEntry, _ sym: DirectiveSymbol) -> DirectiveInfo {
    var issuer: String?
    if let first = sym.issuerCodes.first { issuer = r.issuers[first] }
    var key: String
    if var s = sym.symbol {
      if let code = sym.typeCode, let type = r.directiveCodes[code],
         let canon = r.directiveTypes.first(where: { $0.type == type && $0.code != nil && ($0.code!.count == code.count || $0.code!.hasSuffix("i") == code.hasSuffix("i")) })?.code,
         canon != code, let range = s.range(of: code) {
        s.replaceSubrange(range, with: canon)
      }
      key = s
    } else {
      key = [entry.type, sym.number].joined(separator: "|")
    }
    return DirectiveInfo(type: entry.type, number: sym.number, year: sym.year, symbol: sym.symbol, issuer: issuer,
                         date: nil, title: nil, key: key, canonical: entry.type + " " + (sym.symbol ?? sym.number))
  }
}
