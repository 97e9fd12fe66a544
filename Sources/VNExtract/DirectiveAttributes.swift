import VNCore

extension Extractor {
  /// Issuer, date and quoted title from the words after a directive, in the same sentence (rules
  /// `directive.issuerOf`: `của Ban Bí thư`; `directive.date`: `ngày 05/3/2020`, `ngày 05 tháng 3 năm 2020`,
  /// `ngày 1-12-2011`; `directive.quotedTitle`: `về “Tăng cường …”`). A short form (`Chỉ thị 09`) with no
  /// issuer takes the issuer of the one fuller reference with the same type and number (`directive.resolved`).
  func completeDirectives(_ scan: DocumentScan, _ items: inout [Item]) {
    let p = scan.pieces
    for k in items.indices where items[k].kind == .directive {
      guard case .directive(var d) = items[k].payload else { continue }
      var j = items[k].hi
      var next = k + 1
      let limit = min(p.count, j + 60)
      while j < limit {
        if p[j].isWord && p[j].flags.contains(.sentenceStart) { break }
        if next < items.count && items[next].lo == j && items[next].kind == .directive { break }
        if p[j].isWord && p[j].key == scan.keys.cua && d.issuer == nil || (p[j].isWord && p[j].key == scan.keys.cua && d.symbol?.contains("/TW") == true) {
          // `của` + unit, or title + unit (`của Thủ tướng Chính phủ`).
          while next < items.count && items[next].lo <= j { next += 1 }
          if next < items.count && items[next].lo == j + 1 && !items[next].dropped {
            var e = next
            if items[e].kind == .title, e + 1 < items.count, items[e + 1].kind == .unit, items[e + 1].lo == items[e].hi { e += 1 }
            if items[e].kind == .unit {
              d.issuer = items[next].kind == .unit ? unitCanonical(items[e]) : scan.string(items[next].lo, items[e].hi)
              j = items[e].hi; continue
            }
          }
        }
        if d.date == nil && p[j].isWord && p[j].key == scan.keys.ngay, let (date, e) = parseDate(scan, j + 1) {
          d.date = date; j = e; continue
        }
        if d.title == nil && !p[j].isWord && p[j].first == 0x22 {
          var e = j + 1
          while e < p.count && !(!p[e].isWord && p[e].first == 0x22) && !p[e].flags.contains(.lineBefore) && e - j < 80 { e += 1 }
          if e < p.count && !p[e].isWord && p[e].first == 0x22 && e > j + 1 {
            d.title = scan.string(j + 1, e)
            j = e + 1; break
          }
        }
        j += 1
      }
      items[k].payload = .directive(d)
    }
    // Short forms inherit the issuer of the one fuller reference with the same type and number.
    var issuers: [String: Set<String>] = [:]
    for it in items { if case .directive(let d) = it.payload, let n = d.number, let iss = d.issuer { issuers[d.type + "|" + n, default: []].insert(iss) } }
    for k in items.indices {
      guard case .directive(var d) = items[k].payload, let n = d.number else { continue }
      let key = d.type + "|" + n
      if d.issuer == nil, let set = issuers[key], set.count == 1 { d.issuer = set.first }
      if d.symbol == nil { d.key = [d.type, n, d.issuer ?? ""].joined(separator: "|") }
      items[k].payload = .directive(d)
    }
  }

  func unitCanonical(_ it: Item) -> String? {
    if case .unit(let u) = it.payload { return u.canonical }
    return nil
  }

  /// `05/3/2020`, `1-12-2011`, `06 / 7 /2005`, `05 tháng 3 năm 2020` from piece `i`; ISO when complete,
  /// else `--mm-dd` is not invented: an incomplete date returns nil.
  func parseDate(_ scan: DocumentScan, _ i: Int) -> (String, Int)? {
    let p = scan.pieces
    func num(_ k: Int) -> Int? { k < p.count && p[k].flags.contains(.digitsOnly) ? Int(scan.string(k, k + 1)) : nil }
    guard let d = num(i) else { return nil }
    var k = i + 1
    var m: Int?, y: Int?
    if k < p.count && !p[k].isWord && (p[k].first == 0x2F || p[k].first == 0x2D || p[k].first == 0x2E) {
      m = num(k + 1); k += 2
      if m != nil, k < p.count, !p[k].isWord, p[k].first == p[k - 2].first { y = num(k + 1); if y != nil { k += 2 } }
    } else if k < p.count && p[k].isWord && p[k].key == scan.keys.thang {
      m = num(k + 1); k += 2
      if m != nil, k < p.count, p[k].isWord, p[k].key == scan.keys.nam { y = num(k + 1); if y != nil { k += 2 } }
    }
    guard let m, let y, (1...31).contains(d), (1...12).contains(m), (1900...2100).contains(y) else { return nil }
    func pad(_ v: Int, _ w: Int) -> String { let s = String(v); return String(repeating: "0", count: max(0, w - s.count)) + s }
    let iso = pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    return (iso, k)
  }
}
