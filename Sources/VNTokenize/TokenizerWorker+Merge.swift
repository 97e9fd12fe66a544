import VNCore

/// Merge rules: tokens ICU splits but readers see as one.
///
/// - `144/2021/NĐ-CP`, `759/QĐ-TTg`, `09-CT/TW`, `1670/BCA-V28` → one `symbol`
///   (number, optional `/year`, then code words joined by `-` or `/`);
/// - `QĐ-TTg`, `NĐ-CP`, `ND-CP` → one `symbol` (two or more acronyms joined by `-`);
/// - `15/3/2024`, `15/3`, `1-12-2011` → one `date` (day ≤ 31, month ≤ 12; `-` needs the year).
/// - `...` → one punctuation token.
/// Unit codes (`PC45`, `A05`), dotted abbreviations (`TP.HCM`) and decimals (`1.245`, `3,5`) already
/// come whole from ICU and are only classified. Merges require the parts to touch (no space between).
extension TokenizerWorker {
  func mergeTokens() {
    guard raw.count > 1 else { return }
    var out = takeScratch()
    var i = 0
    while i < raw.count {
      if isChar(i, Units.dot), touches(i, i + 1), isChar(i + 1, Units.dot) {
        // An ellipsis written as dots (`...`) is one punctuation token.
        var end = i + 1
        while end + 1 < raw.count, touches(end, end + 1), isChar(end + 1, Units.dot) { end += 1 }
        out.append(RawToken(start: raw[i].start, end: raw[end].end, kind: .punctuation))
        i = end + 1
      } else if let end = matchSymbol(i) ?? matchDate(i) ?? matchAcronymSymbol(i) {
        let kind: TokenKind = isDateMatch(i, end) ? .date : .symbol
        out.append(RawToken(start: raw[i].start, end: raw[end - 1].end, kind: kind))
        i = end
      } else {
        out.append(raw[i])
        i += 1
      }
    }
    swap(&raw, &out)
    scratch = out
  }

  @inline(__always) private func touches(_ a: Int, _ b: Int) -> Bool { b < raw.count && raw[a].end == raw[b].start }

  @inline(__always) private func isChar(_ k: Int, _ u: UInt16) -> Bool {
    k < raw.count && raw[k].end - raw[k].start == 1 && units[Int(raw[k].start)] == u
  }

  @inline(__always) private func isSeparator(_ k: Int) -> Bool {
    isChar(k, Units.slash) || isChar(k, Units.hyphen) || isChar(k, Units.enDash)
  }

  private func digitCount(_ k: Int) -> Int? {
    guard k < raw.count, raw[k].kind == .number else { return nil }
    for p in Int(raw[k].start)..<Int(raw[k].end) where !Units.isDigit(units[p]) { return nil }
    return Int(raw[k].end - raw[k].start)
  }

  /// A code word of a document symbol: starts upper case, and is all capitals except trailing lower-case
  /// letters (`TTg`, `QĐi`), with at least two capitals unless it is one capital letter; or a unit code.
  func isCodeWord(_ k: Int) -> Bool {
    guard k < raw.count else { return false }
    let t = raw[k]
    if t.kind == .code { return Units.isUpper(units[Int(t.start)]) }
    guard t.kind == .word, t.end - t.start <= 10 else { return false }
    var upper = 0, lowerSeen = false
    for p in Int(t.start)..<Int(t.end) {
      let u = units[p]
      if Units.isUpper(u) { if lowerSeen { return false }; upper += 1 } else { lowerSeen = true }
    }
    guard Units.isUpper(units[Int(t.start)]) else { return false }
    return upper >= 2 || (upper == 1 && t.end - t.start == 1)
  }

  private func isSingleLetter(_ k: Int) -> Bool { raw[k].end - raw[k].start == 1 }

  /// number (`/` year)? (`/`|`-`) code (`-`|`/` code)* — returns the end index (exclusive).
  private func matchSymbol(_ i: Int) -> Int? {
    guard raw[i].kind == .number, touches(i, i + 1), isSeparator(i + 1), digitCount(i) != nil else { return nil }
    var k = i + 1
    if isChar(k, Units.slash), digitCount(k + 1) == 4, touches(k, k + 1), touches(k + 1, k + 2), isChar(k + 2, Units.slash) {
      k += 2
    }
    guard touches(k, k + 1), isCodeWord(k + 1) else { return nil }
    var end = k + 2
    var codes = 1
    while end + 1 < raw.count, touches(end - 1, end), isSeparator(end), touches(end, end + 1), isCodeWord(end + 1) {
      end += 2
      codes += 1
    }
    // A lone one-letter code (`5/A`) is not a symbol; `29/2015/L-CTN` is.
    if codes == 1 && isSingleLetter(k + 1) { return nil }
    return end
  }

  /// `QĐ-TTg`: acronym `-` acronym (`-`|`/` acronym)*, each of two letters or more.
  private func matchAcronymSymbol(_ i: Int) -> Int? {
    guard raw[i].kind == .word, touches(i, i + 1), isChar(i + 1, Units.hyphen), touches(i + 1, i + 2),
          isCodeWord(i), !isSingleLetter(i), isCodeWord(i + 2), !isSingleLetter(i + 2) else { return nil }
    var end = i + 3
    while end + 1 < raw.count, touches(end - 1, end), isSeparator(end), touches(end, end + 1), isCodeWord(end + 1) {
      end += 2
    }
    return end
  }

  /// `d/m/yyyy`, `d/m`, `d-m-yyyy`, `d.m.yyyy` (the last comes whole from ICU and is classified there).
  private func matchDate(_ i: Int) -> Int? {
    guard raw[i].kind == .number, touches(i, i + 1), let dd = digitCount(i), dd <= 2, isSeparator(i + 1), !isChar(i + 1, Units.enDash),
          let md = digitCount(i + 2), md <= 2, touches(i + 1, i + 2) else { return nil }
    let sep = units[Int(raw[i + 1].start)]
    let day = value(i), month = value(i + 2)
    guard (1...31).contains(day), (1...12).contains(month) else { return nil }
    if touches(i + 2, i + 3), isChar(i + 3, sep), touches(i + 3, i + 4), let yd = digitCount(i + 4), yd == 4 || yd == 2 {
      return i + 5
    }
    return sep == Units.slash && !(touches(i + 2, i + 3) && isSeparator(i + 3)) ? i + 3 : nil
  }

  private func value(_ k: Int) -> Int {
    var v = 0
    for p in Int(raw[k].start)..<Int(raw[k].end) { v = v * 10 + Int(units[p] - 0x30) }
    return v
  }

  private func isDateMatch(_ i: Int, _ end: Int) -> Bool {
    for k in i..<end where raw[k].kind != .number && !isSeparator(k) { return false }
    return true
  }
}
