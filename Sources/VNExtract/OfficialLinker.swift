import VNCore

/// One distinct official of a document, before output.
struct OfficialCluster {
  var nameKey: UInt64
  /// Exact key (marks kept) of the given name, the last word: `Thăng` ≠ `Thắng`.
  var lastKey: UInt64
  /// For foreign names, the first group too (`Raul` for `Raul Castro`).
  var firstKey: UInt64? = nil
  var name: String
  var mentions: [Int] = []
  var ranks: [Int] = []          // item indices, text order
  var promotedRank: Int?
  var titles: [Int] = []
  var units: [Int] = []
}

/// Decides which names are OFFICIALs and builds their records.
///
/// Evidence (rules): `official.rankBefore` (`Trung tướng Nguyễn Văn Khảo`), `official.titleBefore`
/// (`Chủ tịch UBND TP Hà Nội Nguyễn Đức Chung`), `official.appositionTitle` (`Lê Xuân Chính, nguyên Đồn phó`),
/// `official.comrade` (`đồng chí Nguyễn Văn A`), `official.knownName`; then every other occurrence of the same
/// name (`official.repeat`) and short forms whose given name fits exactly one official
/// (`official.shortForm`: `ông Chung`, `Thứ trưởng Thành`). Names with no evidence (suspects, victims,
/// citizens, bylines) are dropped.
struct OfficialLinker {
  var scan: DocumentScan
  var items: [Item]
  var clusters: [OfficialCluster] = []

  init(scan: DocumentScan, items: [Item]) { self.scan = scan; self.items = items }

  var pieces: [Piece] { scan.pieces }

  /// Items `a` and `b` (a before b) touch: only white space between them.
  func adjacent(_ a: Int, _ b: Int) -> Bool { items[a].hi == items[b].lo }

  /// The pieces between items `a` and `b` are only separators: `,`, `-`, `(`, `)`, `;`? no; and apposition
  /// links (`kiêm`, `nguyên`, `là`).
  func separated(_ a: Int, _ b: Int, forward: Bool) -> Bool {
    var k = items[a].hi
    let end = items[b].lo
    if k == end { return true }
    // `nguyên Chủ tịch Tổng Công ty Xây lắp …, nguyên Phó Chủ tịch UBND tỉnh`: the company's name is skipped.
    // Apposition links after the comma are allowed (`…, nguyên Phó Chủ tịch UBND tỉnh`).
    if forward && items[a].kind == .title && items[a].rule == "title.nonUnitBody" && end - k <= 15
      && !(k..<end).contains(where: { pieces[$0].flags.contains(.sentenceStart) }),
      let comma = (k..<end).last(where: { pieces[$0].isPunct(0x2C) }) {
      var c = comma + 1
      while c < end, let e = scan.cue(.appositionLink, at: c), e <= end { c = e }
      if c == end { return true }
    }
    while k < end {
      let p = pieces[k]
      // Rule `official.asideBeforeApposition`: a bracketed aside right after the name (`Nguyễn Văn A (SN 1970,
      // trú tại …), nguyên Chủ tịch …`), skipped whole when a comma or dash follows it. Near miss: an aside
      // with a sentence break inside.
      if forward && k == items[a].hi && p.isPunct(0x28), let close = (k + 1..<min(end, k + 16)).first(where: { pieces[$0].isPunct(0x29) }),
         !(k + 1..<close).contains(where: { pieces[$0].flags.contains(.sentenceStart) || pieces[$0].flags.contains(.lineBefore) }),
         close + 1 < end, pieces[close + 1].isPunct(0x2C) || pieces[close + 1].isPunct(0x2D) {
        k = close + 1; continue
      }
      // `Miguel Diaz-Canel, 60 tuổi, …`: an age between commas.
      if forward && p.isWord && p.flags.contains(.digitsOnly) && k + 2 < end && pieces[k + 1].isWord
        && pieces[k + 1].key == scan.keys.tuoi && pieces[k + 2].isPunct(0x2C) && k > 0 && pieces[k - 1].isPunct(0x2C) {
        k += 2; continue
      }
      // Rule `official.birthAside`: a date of birth between commas (`Lê Hồng Quang, sinh ngày 23 tháng 11 năm
      // 1968, Ủy viên …`, `…, sinh năm 1968, …`), skipped when only date words and numbers are in it. Near miss:
      // anything else in the aside (`sinh ra tại Tân Định`).
      if forward && p.isWord && p.key == scan.keys.sinh && k > 0 && pieces[k - 1].isPunct(0x2C),
         let close = (k + 1..<min(end, k + 12)).first(where: { pieces[$0].isPunct(0x2C) }), close > k + 1,
         (k + 1..<close).allSatisfy({ j in
           let q = pieces[j]
           return q.isWord ? (q.flags.contains(.digitsOnly) || q.key == scan.keys.ngay || q.key == scan.keys.thang
                              || q.key == scan.keys.nam) : (q.isPunct(0x2F) || q.isPunct(0x2D) || q.isPunct(0x2E))
         }), (k + 1..<close).contains(where: { pieces[$0].flags.contains(.digitsOnly) }) {
        k = close; continue
      }
      if !p.isWord {
        if p.isPunct(0x2C) || p.isPunct(0x2D) || (forward && (p.isPunct(0x28) || p.isPunct(0x29))) { k += 1; continue }
        return false
      }
      if let e = scan.cue(.appositionLink, at: k), e <= end { k = e; continue }
      return false
    }
    return true
  }

  /// Items that lead up to name item `n` with only white space, `,`, `-` or `kiêm` between them: its titles,
  /// units and rank written before it.
  func chainBefore(_ n: Int) -> [Int] {
    var out: [Int] = []
    var k = n - 1
    var next = n
    while k >= 0 {
      let it = items[k]
      if it.dropped { k -= 1; continue }
      guard it.kind == .rank || it.kind == .title || it.kind == .unit else { break }
      guard adjacent(k, next) || (next == n && (markerGap(k, n) || countryGap(k, n))) || unitOfUnit(k, next) || (out.contains { items[$0].kind == .title || items[$0].kind == .rank } && separated(k, next, forward: false)) else { break }
      out.insert(k, at: 0); next = k; k -= 1
    }
    // A chain must hold a rank or title, and the item right before the name must touch it.
    guard let last = out.last, adjacent(last, n) || markerGap(last, n) || countryGap(last, n), out.contains(where: isEvidence) else { return [] }
    return out
  }

  /// Rule `official.countryBetween`: `Thủ tướng Trung Quốc Lý Khắc Cường`: only a country or province between a title and the
  /// name (guidelines: the country stays outside the TITLE). Near miss: `Thủ tướng thăm Trung Quốc Lý …` (a verb).
  func countryGap(_ a: Int, _ n: Int) -> Bool {
    let k = items[a].hi, end = items[n].lo
    guard items[a].kind == .title, end > k, end - k <= 5, scan.isWord(k) else { return false }
    // Also a province or city (`Chủ tịch Hà Nội Nguyễn Đức Chung`), with its type word (`Chủ tịch TP. Hà Nội …`).
    if scan.hits(at: k).contains(where: { $0.source == .place && $0.marks == 0 && k + Int($0.length) == end }) { return true }
    guard let pl = scan.place(at: k), !pl.bare, pl.listed else { return false }
    return pl.end == end
  }

  /// Rule `official.unitOfUnit`: `Trưởng Ban Dân nguyện của Ủy ban Thường vụ Quốc hội Nguyễn Thanh Hải`: one `của`
  /// between two bodies of the chain before a name. Near miss: no title before the bodies (`đề nghị của …`).
  func unitOfUnit(_ a: Int, _ b: Int) -> Bool {
    items[a].kind == .unit && items[b].kind == .unit && items[b].lo - items[a].hi == 1
      && pieces[items[a].hi].isWord && pieces[items[a].hi].key == scan.keys.cua
  }

  /// Rule `official.veteran`: `cựu chiến binh Hoàng Tiến Vin` — a named veteran held a rank (Decisions 41).
  /// Near miss: `cựu chiến binh Mỹ` (no name), `chiến binh Nguyễn Văn A` (no `cựu`).
  func veteranBefore(_ i: Int) -> Bool {
    let k = scan.keys
    return i >= 3 && (i - 3..<i).allSatisfy { pieces[$0].isWord }
      && pieces[i - 3].key == k.cuu && pieces[i - 2].key == k.chien && pieces[i - 1].key == k.binh
  }

  /// Rule `official.titleThenMarker`: `Theo Bí thư Thị ủy Điện Bàn, ông Lên`: only `,` and `ông`/`bà` between
  /// a title chain and the name. Near miss: `Bí thư Thị ủy cho biết, ông Lên` (other words between).
  func markerGap(_ a: Int, _ n: Int) -> Bool {
    let k = items[a].hi, end = items[n].lo
    // A dash between the chain and the name: `Chủ tịch UBND tỉnh Bến Tre- Cao Văn Trọng`.
    if end - k == 1 && (pieces[k].isPunct(0x2D) || pieces[k].isPunct(0x2013)) { return true }
    // … also with a marker after the dash: `Chủ nhiệm Văn phòng Chính phủ - ông Mai Tiến Dũng`.
    if end - k >= 2 && end - k <= 3 && (pieces[k].isPunct(0x2D) || pieces[k].isPunct(0x2013))
      && scan.cue(.personMarker, at: k + 1) == end { return true }
    // Also without the comma: `Phó Chủ tịch Thường trực UBND TP ông Đặng Việt Dũng`.
    if end - k >= 1 && end - k <= 3 && pieces[k].isWord && scan.cue(.personMarker, at: k) == end { return true }
    // `Trưởng đoàn … là ông Đinh La Thăng`: the holder named after `là`.
    if end - k >= 1 && end - k <= 4 && pieces[k].isWord && pieces[k].exact == scan.keys.laExact
      && (k + 1 == end || scan.cue(.personMarker, at: k + 1) == end) { return true }
    guard end - k >= 2 && end - k <= 4, pieces[k].isPunct(0x2C) else { return false }
    return scan.cue(.personMarker, at: k + 1) == end
  }

  /// Items after name item `n` in apposition (`, Cục trưởng Cục V28`), up to the chain that leads to the
  /// next name.
  func chainAfter(_ n: Int) -> [Int] {
    var out: [Int] = []
    var prev = n
    var k = n + 1
    while k < items.count {
      let it = items[k]
      if it.dropped { k += 1; continue }
      guard it.kind == .rank || it.kind == .title || it.kind == .unit else { break }
      guard separated(prev, k, forward: true) else { break }
      if out.isEmpty && it.kind == .unit { break }
      // Stop at the items that lead up to the next name (`…, Thiếu tá Đỗ Hoàng Minh`).
      if leadsToName(k) { break }
      out.append(k); prev = k; k += 1
    }
    return out
  }

  /// Item `k` is in the chain written right before a name.
  func leadsToName(_ k: Int) -> Bool {
    var j = k
    while j + 1 < items.count && adjacent(j, j + 1) {
      if items[j + 1].kind == .official {
        // A one-word candidate leads only if it can be a given name (`Thứ trưởng Tỏ`, not `Giám đốc Bệnh viện`).
        return !isShort(j + 1) || (items[j].kind != .unit && scan.r.givenNames.contains(pieces[items[j + 1].lo].exact))
      }
      guard items[j + 1].kind != .directive else { return false }
      j += 1
    }
    return false
  }

  /// `Lê Xuân Chính, nguyên Đồn phó …`: an apposition is evidence when it is clearly one: it starts with a
  /// rank, has a modifier (`nguyên`), names a body, is closed by a separator, or the name has a marker
  /// (`ông`, `bà`). `… các nước Đông Nam Á, Phó Thủ tướng đề nghị` (a new clause) is not.
  func appositionHolds(_ k: Int, _ a: [Int]) -> Bool {
    guard let first = a.first, a.contains(where: isEvidence) else { return false }
    if items[first].kind == .rank { return true }
    if case .title(_, let m) = items[first].payload, m != nil { return true }
    if a.contains(where: { items[$0].kind == .unit }) { return true }
    let end = items[a.last!].hi
    if end < pieces.count && !pieces[end].isWord && (pieces[end].isPunct(0x2C) || pieces[end].isPunct(0x2D) || pieces[end].isPunct(0x29)) { return true }
    return scan.cue(.personMarker, endingBefore: items[k].lo)
  }

  /// A rank, or a title that is not only the head of a company, hospital or school.
  func isEvidence(_ k: Int) -> Bool {
    items[k].kind == .rank || (items[k].kind == .title && items[k].rule != "title.nonUnitBody")
  }

  /// Key of the name group `[lo, hi)`: the exact key of one word, or the words of a hyphen group combined
  /// (`Diaz-Canel`).
  func groupKey(_ lo: Int, _ hi: Int) -> UInt64 {
    if hi - lo == 1 { return pieces[lo].exact }
    var h: UInt64 = 11
    for p in lo..<hi where pieces[p].isWord { h = PhraseTable.combine(h, pieces[p].exact) }
    return h
  }

  /// The first and last groups of name item `k` (a group is words joined by hyphens without spaces).
  func groupKeys(_ k: Int) -> (first: UInt64, last: UInt64) {
    let lo = items[k].lo, hi = items[k].hi
    var a = lo + 1
    while a < hi && !pieces[a].flags.contains(.spaceBefore) { a += 1 }
    var b = hi - 1
    while b > lo && !pieces[b].flags.contains(.spaceBefore) { b -= 1 }
    return (groupKey(lo, a), groupKey(b, hi))
  }

  func isForeign(_ k: Int) -> Bool { items[k].rule == "official.foreignName" || items[k].rule == "official.foreignMarked" }

  /// Rule `official.roleAfter`: `ông Raul làm Bí thư Thứ nhất`, `bầu ông Miguel Diaz-Canel, 60 tuổi, làm Bí thư`,
  /// `ông Đinh La Thăng không còn là Bí thư`, `ông A được bổ nhiệm giữ chức Giám đốc`: a role verb (cue words)
  /// right before a title after the name, in the same sentence, no other entity between.
  /// Near misses: `ông A làm việc` (no title), `ông A cho biết. Chủ tịch …` (another sentence).
  func roleAfter(_ k: Int) -> Bool {
    guard k + 1 < items.count else { return false }
    let t = items[k + 1]
    guard t.kind == .title, isEvidence(k + 1), t.lo >= 1 else { return false }
    var verbStart: Int?
    for back in 1...5 where t.lo - back >= items[k].hi {
      if scan.cue(.roleVerb, at: t.lo - back) == t.lo { verbStart = t.lo - back }
    }
    guard let v = verbStart else { return false }
    return v - items[k].hi <= 6 && sameSentence(items[k].hi, t.lo)
  }

  /// Rule `official.officeNoun`: `người phát ngôn của Bộ Nội vụ Nguyễn Tiến Thành`, `đại diện Công an tỉnh, ông Lê
  /// Văn A`: an office noun (cue words), optionally `của`, a body, then the name. Returns the body's item.
  /// Near miss: `người dân Bộ Công an Nguyễn …` (no office noun), `đại diện gia đình ông A` (no body).
  func officeNounBefore(_ k: Int) -> Int? {
    guard k > 0, items[k - 1].kind == .unit, !items[k - 1].dropped, adjacent(k - 1, k) || markerGap(k - 1, k) else { return nil }
    var p = items[k - 1].lo
    if p > 0 && pieces[p - 1].isWord && pieces[p - 1].key == scan.keys.cua { p -= 1 }
    return scan.cue(.officeNoun, endingBefore: p) ? k - 1 : nil
  }

  func isShort(_ k: Int) -> Bool { if case .name(let s) = items[k].payload { return s }; return false }

  func nameKey(_ k: Int) -> UInt64 {
    var h: UInt64 = 7
    for p in items[k].lo..<items[k].hi where pieces[p].isWord { h = PhraseTable.combine(h, pieces[p].key) }
    return h
  }

  mutating func link() {
    var evidence: [Int: String] = [:]
    var before: [Int: [Int]] = [:], after: [Int: [Int]] = [:]
    for k in items.indices where items[k].kind == .official && !isShort(k) {
      var b = chainBefore(k)
      let a = chainAfter(k)
      if items[k].rule == "official.foreignName", k > 0 {
        if items[k - 1].kind == .title { b = [k - 1] } else if k > 1, items[k - 2].kind == .title { b = [k - 2, k - 1] }
      }
      before[k] = b; after[k] = a
      if items[k].rule == "official.foreignName" && !b.isEmpty { evidence[k] = "official.foreignName" }
      else if let f = b.last { evidence[k] = items[f].kind == .rank ? "official.rankBefore" : "official.titleBefore" }
      else if appositionHolds(k, a) { evidence[k] = "official.appositionTitle" }
      else if scan.cue(.personMarker, endingBefore: items[k].lo), comradeBefore(items[k].lo) { evidence[k] = "official.comrade" }
      else if items[k].rule == "official.knownName" { evidence[k] = "official.knownName" }
      else if roleAfter(k) { evidence[k] = "official.roleAfter" }
      else if veteranBefore(items[k].lo) { evidence[k] = "official.veteran" }
      else if let u = officeNounBefore(k) { evidence[k] = "official.officeNoun"; before[k] = [u] }
    }
    // official.titledShortForm: `Thứ trưởng Thành`, `Đại tá Toản` make the one full name ending in that given
    // name an official (`Nguyễn Văn Thành` said without a title elsewhere).
    // A foreign short form fits by its first or last group (`ông Raul làm …` → `Raul Castro`).
    // Full names indexed once by their last and (foreign) first group, so each short form is a lookup
    // rather than a pass over every item (a quadratic cost on very long documents).
    var byLastGroup: [UInt64: [Int]] = [:], byFirstForeign: [UInt64: [Int]] = [:]
    for f in items.indices where items[f].kind == .official && !isShort(f) {
      let g = groupKeys(f)
      byLastGroup[g.last, default: []].append(f)
      if isForeign(f) { byFirstForeign[g.first, default: []].append(f) }
    }
    for k in items.indices where items[k].kind == .official && isShort(k) && (!chainBefore(k).isEmpty || roleAfter(k)) {
      let key = groupKey(items[k].lo, items[k].hi)
      let foreign = isForeign(k)
      var full = byLastGroup[key] ?? []
      if foreign, let more = byFirstForeign[key] { full = Array(Set(full + more)).sorted() }
      if Set(full.map(nameKey)).count == 1 { for f in full where evidence[f] == nil { evidence[f] = "official.titledShortForm" } }
    }
    // official.listAfterTitle: one title for several names (`nguyên Tổng Bí thư Đỗ Mười, Lê Khả Phiêu`), or one
    // `các đồng chí` (`các đồng chí Nguyễn Văn An, Trần Văn Bình, Lê Văn Cường`); the list runs on name by name.
    for k in items.indices where items[k].kind == .official && !isShort(k) && evidence[k] == nil && k > 0 {
      let p = k - 1
      guard items[p].kind == .official, !isShort(p), let e = evidence[p],
            e == "official.titleBefore" || e == "official.rankBefore" || e == "official.comrade" || e == "official.listAfterTitle"
              || e == "official.foreignName" else { continue }
      let gap = items[p].hi..<items[k].lo
      if gap.count == 1 && (pieces[gap.lowerBound].isPunct(0x2C) || pieces[gap.lowerBound].exact == scan.keys.vaExact) {
        evidence[k] = "official.listAfterTitle"
      }
    }
    // Clusters from names with evidence; other occurrences of the same name join them.
    var byKey: [UInt64: Int] = [:]
    for k in items.indices where evidence[k] != nil {
      let key = nameKey(k)
      if byKey[key] == nil {
        byKey[key] = clusters.count
        let g = groupKeys(k)
        clusters.append(OfficialCluster(nameKey: key, lastKey: g.last, firstKey: isForeign(k) ? g.first : nil, name: scan.string(of: items[k])))
      }
    }
    for k in items.indices where items[k].kind == .official && !isShort(k) {
      guard let c = byKey[nameKey(k)] else { items[k].dropped = true; continue }
      if evidence[k] == nil { items[k].rule = "official.repeat" } else { items[k].rule = evidence[k]! }
      items[k].cluster = c
      clusters[c].mentions.append(k)
      attach(before[k] ?? [], to: c); attach(after[k] ?? [], to: c)
    }
    // Short forms: the given name of exactly one official; after a rank or title they stand alone too.
    for k in items.indices where items[k].kind == .official && isShort(k) {
      let key = groupKey(items[k].lo, items[k].hi)
      var fits = clusters.indices.filter { clusters[$0].lastKey == key }
      if fits.isEmpty && isForeign(k) { fits = clusters.indices.filter { clusters[$0].firstKey == key } }
      let b = chainBefore(k)
      if fits.count == 1 {
        items[k].cluster = fits[0]; clusters[fits[0]].mentions.append(k)
        attach(b, to: fits[0]); attach(chainAfter(k), to: fits[0])
      } else if fits.isEmpty && ((isForeign(k) && roleAfter(k)) || scan.r.givenNames.contains(key) && ((!b.isEmpty
        && (items[b.last!].kind == .rank || (items[k].hi < pieces.count && !pieces[items[k].hi].isWord))) || namedOfficer(k))) {
        clusters.append(OfficialCluster(nameKey: key, lastKey: key, name: scan.string(items[k].lo, items[k].hi)))
        items[k].cluster = clusters.count - 1; clusters[clusters.count - 1].mentions.append(k)
        attach(b, to: clusters.count - 1)
      } else {
        items[k].dropped = true
      }
    }
    bareShortForms()
    promotions()
  }
}
