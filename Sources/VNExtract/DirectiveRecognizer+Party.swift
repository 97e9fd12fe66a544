import VNCore

/// Party resolutions named without a number or symbol: `Nghị quyết Đại hội XII`, `Nghị quyết Trung ương 4 khóa
/// XII`, `Nghị quyết TW4`, `Nghị quyết Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa XII`,
/// `Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVIII` (rules `directive.partyResolution`, `directive.partyCongress`).
extension DocumentScan {
  /// The end of a party resolution's name at `j`: `Đại hội` + ordinal, `Trung ương` + plenum number, `TW4`,
  /// then an optional term (`khóa XII`); nil without a number (`Nghị quyết Đại hội đã đề ra`).
  func partyResolution(at j: Int) -> Int? {
    guard isWord(j), !pieces[j].flags.contains(.lineBefore) else { return nil }
    // Lower case only for `trung ương` + plenum number (`Nghị quyết trung ương 5`).
    guard pieces[j].isCap || (pieces[j].key == keys.trung && isWord(j + 1) && pieces[j + 1].key == keys.uong) else { return nil }
    var k: Int
    if pieces[j].key == keys.dai, isWord(j + 1), pieces[j + 1].key == keys.hoi, isNumber(j + 2) { k = j + 3 }
    else if pieces[j].key == keys.dai, isWord(j + 1), pieces[j + 1].key == keys.hoi, let e = partyCongress(at: j + 2) { k = e }
    else if pieces[j].key == keys.trung, isWord(j + 1), pieces[j + 1].key == keys.uong, isNumber(j + 2) { k = j + 3 }
    else if pieces[j].flags.contains(.allUpper), pieces[j].flags.contains(.hasDigit), pieces[j].length <= 4,
            string(j, j + 1).hasPrefix("TW") || string(j, j + 1).hasPrefix("TƯ") { k = j + 1 }
    else if let e = plenum(at: j) { k = e }
    else { return nil }
    if isWord(k), pieces[k].key == keys.khoa, isNumber(k + 1) { k += 2 }
    // Rule `directive.termInBrackets`: the term in brackets (`Nghị quyết Trung ương 4 (Khóa XII)`) belongs to the name.
    // Near miss: another aside in brackets (`Nghị quyết Trung ương 4 (về xây dựng Đảng)`).
    else if isPunct(k, "("), isWord(k + 1), pieces[k + 1].key == keys.khoa, isNumber(k + 2), isPunct(k + 3, ")") { k += 4 }
    return k
  }

  /// Rule `directive.partyCongress`: after `Đại hội`, a Party organisation and its congress's ordinal
  /// (`Nghị quyết Đại hội Đảng toàn quốc lần thứ XII`, `Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVIII`,
  /// `… Đảng bộ Quân đội lần thứ 10`): one document (Decisions 16). Returns the end of the ordinal. Near miss: a
  /// congress of another body (`Nghị quyết Đại hội đồng cổ đông lần thứ 2`) or no ordinal.
  func partyCongress(at s: Int) -> Int? {
    guard isWord(s), pieces[s].isCap, pieces[s].key == keys.dang else { return nil }
    var k = s + 1
    while k < s + 10, isWord(k), !pieces[k].flags.contains(.sentenceStart), !pieces[k].flags.contains(.lineBefore) {
      if pieces[k].key == keys.lan, isWord(k + 1), pieces[k + 1].key == keys.thu,
         isNumber(k + 2) || (isWord(k + 2) && Self.ordinals.contains(string(k + 2, k + 3).lowercased())) {
        return k + 3
      }
      k += 1
    }
    return nil
  }

  /// Ordinal words after `lần thứ`.
  static let ordinals: Set<String> = ["nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười"]

  /// A plenum number or term: one or two digits, or a Roman numeral (`5`, `XII`).
  func isNumber(_ k: Int) -> Bool {
    guard isWord(k), !pieces[k].flags.contains(.lineBefore) else { return false }
    if pieces[k].flags.contains(.digitsOnly) { return pieces[k].length <= 2 }
    return pieces[k].flags.contains(.allUpper) && pieces[k].length <= 5 && string(k, k + 1).unicodeScalars.allSatisfy { "IVXL".unicodeScalars.contains($0) }
  }

  /// `Hội nghị lần thứ năm Ban Chấp hành Trung ương (Đảng)`: a plenum named by its ordinal, then the committee; it
  /// needs the term (`khóa XII`) after it to name one resolution. `Hội nghị Trung ương 4`: the plenum by its number
  /// (rule `directive.plenumNumber`; near miss: `Hội nghị Trung ương` without a number names no resolution).
  func plenum(at j: Int) -> Int? {
    guard isWord(j + 1), pieces[j].key == keys.hoi, pieces[j + 1].key == keys.nghi else { return nil }
    var k = j + 2
    if isWord(k + 1), pieces[k].key == keys.trung, pieces[k + 1].key == keys.uong, isNumber(k + 2) { return k + 3 }
    guard isWord(k), isWord(k + 1), isWord(k + 2), pieces[k].key == keys.lan, pieces[k + 1].key == keys.thu else { return nil }
    k += 2
    guard pieces[k].flags.contains(.digitsOnly) || Self.ordinals.contains(string(k, k + 1).lowercased()) else { return nil }
    k += 1
    if isWord(k) && pieces[k].key == keys.ban, let u = fixedCommittee(at: k) { k = u }
    guard isWord(k), pieces[k].key == keys.khoa else { return nil }
    return k
  }

  /// `Ban Chấp hành Trung ương (Đảng)` or `BCH TW` at `k`: its end.
  private func fixedCommittee(at k: Int) -> Int? {
    guard let h = hits(at: k).filter({ $0.source == .unit && r.units[Int($0.index)].canonical == "Ban Chấp hành Trung ương" })
      .max(by: { $0.length < $1.length }) else { return nil }
    var e = k + Int(h.length)
    if isCapWord(e), hits(at: e).contains(where: { $0.source == .unit && $0.length == 1 }) { e += 1 }   // `Đảng`
    return e
  }
}
