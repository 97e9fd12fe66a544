import VNCore

/// The passes after the names are linked: bare short forms of the officials found (`Đức` for `Nguyễn Anh Đức`),
/// the items back in text order, and promotions.
extension OfficialLinker {
  /// Rule `official.bareShortForm`: the given name of exactly one official named in full in the document, written
  /// alone without a marker, rank or title (`Thượng úy Nguyễn Anh Đức` … `Đức bị chảy máu não`, `xin cho Đức đi Hà
  /// Nội`), is a short form of that official (guidelines: short forms that refer to one are OFFICIAL, every
  /// occurrence). Near misses: inside a capitalised run (`bệnh viện Việt Đức`), at a sentence start (`Bình thường`),
  /// a place after a locative word (`sang Đức`, `quê Vinh`), a given name two officials share, no official
  /// named in full, a capitalised common word (`Nhân dân`), a word right after a title (`Chủ tịch Hội`). New items are appended; `Extractor` puts the items back in text order.
  mutating func bareShortForms() {
    var owner: [UInt64: Int] = [:]
    var shared: Set<UInt64> = []
    for c in clusters.indices where clusters[c].nameKey != clusters[c].lastKey && !clusters[c].mentions.isEmpty {
      let key = clusters[c].lastKey
      if let o = owner[key], o != c { shared.insert(key) } else { owner[key] = c }
    }
    for key in shared { owner[key] = nil }
    guard !owner.isEmpty else { return }
    let pieces = scan.pieces   // one retain for the loop below, not one per access
    var covered = [Bool](repeating: false, count: pieces.count)
    var droppedShort: [Int: Int] = [:]
    for k in items.indices {
      if items[k].dropped || (items[k].kind == .official && items[k].cluster == nil) {
        if items[k].kind == .official && isShort(k) && items[k].hi - items[k].lo == 1 { droppedShort[items[k].lo] = k }
        continue
      }
      for p in items[k].lo..<items[k].hi { covered[p] = true }
    }
    for p in 0..<min(pieces.count, scan.bylineStart) where !covered[p] && scan.isCapWord(p) {
      let piece = pieces[p]
      guard let c = owner[piece.exact], !piece.flags.contains(.allUpper), !piece.flags.contains(.hasDigit),
            !piece.flags.contains(.sentenceStart), !scan.isCapWord(p - 1), !scan.isCapWord(p + 1) else { continue }
      if scan.cue(.commonWord, at: p) != nil { continue }
      // Right after a title or rank the name rules have decided already (`Chủ tịch Hội`: the association).
      if p > 0, let prev = items.last(where: { $0.hi == p && !$0.dropped }), prev.kind == .title || prev.kind == .rank { continue }
      // A word joined to a neighbour without spaces (`Đức-Anh`, `Việt-Đức`, `Đức.com`) is no standalone name.
      if joined(pieces, p, p + 1) || joined(pieces, p - 1, p) { continue }
      if p > 0, scan.isWord(p - 1), scan.hasPlace(at: p), scan.r.keys.locatives.contains(pieces[p - 1].key) { continue }
      if let k = droppedShort[p] {
        items[k].dropped = false; items[k].cluster = c; items[k].rule = "official.bareShortForm"
        clusters[c].mentions.append(k)
      } else {
        var item = Item(kind: .official, lo: p, hi: p + 1, rule: "official.bareShortForm", payload: .name(short: true))
        item.cluster = c
        clusters[c].mentions.append(items.count)
        items.append(item)
      }
    }
  }

  /// Pieces `a` and `b` (`b = a + 1`) touch, and the one beyond them on that side is a word glued on too (or
  /// one of them is a word glued to the other): `Đức-Anh`, `Đức2`, not `Đức.` at a sentence end.
  private func joined(_ pieces: [Piece], _ a: Int, _ b: Int) -> Bool {
    guard a >= 0, b < pieces.count, !pieces[b].flags.contains(.spaceBefore) else { return false }
    if pieces[a].isWord && pieces[b].isWord { return true }
    if !pieces[b].isWord, b + 1 < pieces.count, pieces[b + 1].isWord, !pieces[b + 1].flags.contains(.spaceBefore) { return true }
    if !pieces[a].isWord, a - 1 >= 0, pieces[a - 1].isWord, !pieces[a].flags.contains(.spaceBefore) { return true }
    return false
  }

  /// Puts the items back in text order (after `bareShortForms` appended some), renumbering the clusters' item indices.
  mutating func sortItems() {
    let order = items.indices.sorted { (items[$0].lo, $0) < (items[$1].lo, $1) }
    guard order != Array(items.indices) else { return }
    var newIndex = [Int](repeating: 0, count: items.count)
    for (n, k) in order.enumerated() { newIndex[k] = n }
    items = order.map { items[$0] }
    for c in clusters.indices {
      clusters[c].mentions = clusters[c].mentions.map { newIndex[$0] }
      clusters[c].ranks = clusters[c].ranks.map { newIndex[$0] }
      clusters[c].titles = clusters[c].titles.map { newIndex[$0] }
      clusters[c].units = clusters[c].units.map { newIndex[$0] }
      clusters[c].promotedRank = clusters[c].promotedRank.map { newIndex[$0] }
    }
  }

  /// Rule `official.namedOfficer`: `một công an phường tên Nam`, `một người tên Liêm (Phòng Cảnh sát Điều tra
  /// PC44, …)`: a given name after `tên`, with a police noun or a unit in the few words before `tên`, or a unit
  /// right after the name in brackets or apposition (Decisions 17: officers named without a rank).
  func namedOfficer(_ k: Int) -> Bool {
    let lo = items[k].lo
    guard lo >= 2, pieces[lo - 1].exact == scan.keys.tenExact else { return false }
    for b in max(0, lo - 5)..<(lo - 1) where scan.cue(.policeNoun, at: b) != nil { return true }
    if k > 0, items[k - 1].kind == .unit, items[k - 1].hi >= lo - 4, sameSentence(items[k - 1].lo, lo) { return true }
    if k + 1 < items.count, items[k + 1].kind == .unit, items[k + 1].lo <= items[k].hi + 2 {
      let gap = items[k].hi..<items[k + 1].lo
      return gap.allSatisfy { pieces[$0].isPunct(0x28) || pieces[$0].isPunct(0x2C) }
    }
    return false
  }

  /// No sentence starts between pieces `a` and `b`.
  func sameSentence(_ a: Int, _ b: Int) -> Bool {
    guard a < b else { return true }
    return !(a + 1...b).contains { pieces[$0].flags.contains(.sentenceStart) }
  }

  /// `đồng chí` / `Đ/c` (not `ông`, `bà`: citizens are `ông`, `bà` too) right before position `i`.
  func comradeBefore(_ i: Int) -> Bool {
    guard i >= 2 else { return false }
    let s = scan.string(max(0, i - 3), i).lowercased()
    return s.hasSuffix("đồng chí") || s.hasSuffix("đ/c")
  }

  mutating func attach(_ chain: [Int], to c: Int) {
    for k in chain {
      switch items[k].kind {
      case .rank: clusters[c].ranks.append(k)
      case .title: clusters[c].titles.append(k)
      case .unit: clusters[c].units.append(k)
      default: break
      }
    }
  }

  /// Rule `official.promotion`: `được phong quân hàm Thượng tướng`, `thăng cấp bậc hàm từ Đại úy lên
  /// Thiếu tá`: the rank after the verb (after `lên` when there is one) is the person's rank from now on.
  /// The person is the nearest official named before it in the sentence, else the first after it.
  mutating func promotions() {
    for k in items.indices where items[k].kind == .rank && !items[k].dropped {
      let lo = items[k].lo
      var isPromotion = false
      if lo > 0 && pieces[lo - 1].isWord && pieces[lo - 1].key == scan.keys.len { isPromotion = true }
      else {
        for back in 1...4 where lo - back >= 0 {
          if let e = scan.cue(.promotionVerb, at: lo - back), e <= lo {
            // Only hàm/quân/cấp/bậc words between the verb and the rank (`phong quân hàm`), and not `từ X`.
            isPromotion = !(lo > 0 && pieces[lo - 1].exact == scan.keys.tuExact)
            break
          }
        }
      }
      guard isPromotion else { continue }
      var person: Int?
      var j = k - 1
      while j >= 0 {
        if items[j].kind == .official, let c = items[j].cluster {
          if sameSentence(items[j].lo, lo) { person = c }
          break
        }
        j -= 1
      }
      if person == nil {
        var j = k + 1
        while j < items.count && j < k + 4 {
          if items[j].kind == .official, let c = items[j].cluster { person = c; break }
          j += 1
        }
      }
      if let c = person { clusters[c].promotedRank = k }
    }
  }
}
