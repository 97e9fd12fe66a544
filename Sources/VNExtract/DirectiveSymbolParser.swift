/// Parses the number and symbol of a document reference, at the scalar level of the normalised text.
///
/// Shapes (domain reference §5): `144/2021/NĐ-CP` (normative: number/year/type-issuer), `37/2018/QH14`
/// (law: number/year/legislature), `01/2018/TTLT-BCA-BQP-TANDTC-VKSNDTC` (joint), `759/QĐ-TTg` and
/// `2398/QĐ-BCA-X01` (individual: no year), `1670/BCA-V28` (state Công văn: issuer-unit), `12-NQ/TW`
/// (party: number-type/issuer, also the typo `09/CT/TW`), `2148/QĐ-BCA (C11)` (bracketed unit), dirty forms
/// with spaces (`05/CT- BCA-V28`, `1206 /QĐ-HVTC`, `4058 QĐ-BCA`) and ASCII codes (`ND-CP`, `QD-TTg`).
/// A bare number (`Chỉ thị 09`) parses with no symbol. Dates (`15/3/2020`) do not parse: every part
/// after the number would be digits.
struct DirectiveSymbol: Sendable, Equatable {
  var number: String
  var year: Int?
  /// The type code as written (`NĐ`, `ND`, `QĐi`), when the symbol has one.
  var typeCode: String?
  /// Issuer codes in order (`BCA`, `BQP` …; `TW`; `QH` for `QH14`).
  var issuerCodes: [String] = []
  /// Unit codes after the issuer or in brackets (`X01`, `V28`, `C11`, `C46`, `P12`).
  var unitCodes: [String] = []
  /// The symbol as written without spaces (`144/2021/NĐ-CP`), nil for a bare number.
  var symbol: String?
  /// Party form (`N-TYPE/ISSUER`).
  var party = false
  /// End offset (normalised scalars, exclusive).
  var end: Int
}

struct DirectiveSymbolParser: Sendable {
  let typeCodes: [String: String]
  let issuerCodes: [String: String]

  @inline(__always) private func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
  @inline(__always) private func isSegChar(_ s: Unicode.Scalar) -> Bool {
    isDigit(s) || s.properties.isAlphabetic || s == "&"
  }
  @inline(__always) private func isSep(_ s: Unicode.Scalar) -> Bool {
    s == "/" || s == "-" || s == "\u{2013}" || s == "\u{2014}" || s == "\u{2011}"
  }

  /// Parses from `start` (the first digit of the number).
  func parse(_ t: [Unicode.Scalar], from start: Int) -> DirectiveSymbol? {
    var i = start
    while i < t.count && isDigit(t[i]) { i += 1 }
    guard i > start, i - start <= 5 else { return nil }
    // `961A/TB-LĐ`: one capital glued to the number, when a separator follows it.
    if i + 1 < t.count, t[i].value >= 0x41, t[i].value <= 0x5A, isSep(t[i + 1]) { i += 1 }
    let number = String(String.UnicodeScalarView(t[start..<i]))
    var segs: [String] = []
    var seps: [Character] = []
    var end = i
    var k = i
    // Segments separated by / or - with optional spaces around the separator.
    while true {
      var a = k
      while a < t.count && t[a] == " " { a += 1 }
      guard a < t.count, isSep(t[a]) else { break }
      let sep: Character = t[a] == "/" ? "/" : "-"
      var b = a + 1
      while b < t.count && t[b] == " " { b += 1 }
      var c = b
      while c < t.count && isSegChar(t[c]) { c += 1 }
      guard c > b else { break }
      // A dotted department code closes the symbol (`76/TTCP-C.I`): a dot between capitals, then at most four
      // capitals or digits. Near miss: `UBND.Theo` (a sentence run on without its space).
      if segs.count > 0, c + 1 < t.count, t[c] == ".", t[c - 1].properties.isUppercase {
        var d = c + 1
        while d < t.count && d - c <= 5 && (isDigit(t[d]) || (t[d].properties.isUppercase && t[d].properties.isAlphabetic)) { d += 1 }
        if d > c + 1 && d - c <= 5 && !(d < t.count && t[d].properties.isAlphabetic) { c = d }
      }
      let seg = String(String.UnicodeScalarView(t[b..<c]))
      // A segment starts with a capital or a digit; `- ông`, `/năm` end the symbol.
      guard let f = seg.unicodeScalars.first, isDigit(f) || f.properties.isUppercase else { break }
      // Spaces are tolerated only next to a separator inside a symbol (`05/CT- BCA`), not `09 - Nghị`.
      if b > a + 1 && !(segs.count > 0 || seg.unicodeScalars.contains(where: { $0.properties.isUppercase })) { break }
      segs.append(seg); seps.append(sep); end = c; k = c
    }
    // Space-tolerant fallback: `4058 QĐ-BCA` (a known type code after one space, then `-`).
    if segs.isEmpty, i + 1 < t.count, t[i] == " " {
      var c = i + 1
      while c < t.count && isSegChar(t[c]) { c += 1 }
      let seg = String(String.UnicodeScalarView(t[(i + 1)..<c]))
      if typeCodes[seg] != nil, c < t.count, isSep(t[c]), let rest = parse(t, fromSegment: c, into: &segs, &seps) {
        segs.insert(seg, at: 0); seps.insert("/", at: 0); end = rest
      }
    }
    if segs.isEmpty { return DirectiveSymbol(number: number, end: i) }
    // `Nghị định 23/2020`: number and year only.
    if segs.count == 1, seps[0] == "/", segs[0].count == 4, let y = Int(segs[0]), (1945...2100).contains(y) {
      return DirectiveSymbol(number: number, year: y, symbol: number + "/" + segs[0], end: end)
    }
    if segs.allSatisfy({ $0.unicodeScalars.allSatisfy(isDigit) }) { return nil }   // a date or a range
    var sym = DirectiveSymbol(number: number, end: end)
    // Bracketed unit code: `(C11)`, ` (P12)`.
    var a = end
    while a < t.count && t[a] == " " { a += 1 }
    if a < t.count && t[a] == "(" {
      var c = a + 1
      while c < t.count && isSegChar(t[c]) { c += 1 }
      let seg = String(String.UnicodeScalarView(t[(a + 1)..<c]))
      if c < t.count, t[c] == ")", seg.count <= 5, seg.unicodeScalars.first?.properties.isUppercase == true,
         seg.unicodeScalars.contains(where: isDigit) {
        sym.unitCodes.append(seg); sym.end = c + 1
      }
    }
    var rest = segs[...]
    var restSeps = seps[...]
    if seps[0] == "/", let y = Int(segs[0]), segs[0].count == 4 {
      sym.year = y; rest = rest.dropFirst(); restSeps = restSeps.dropFirst()
    }
    if seps[0] == "-", let slash = restSeps.firstIndex(of: "/") {
      // Party: N-TYPE/ISSUER.
      sym.party = true
      sym.typeCode = segs[0]
      sym.issuerCodes = Array(segs[slash...])
    } else if let first = rest.first {
      var codes = Array(rest)
      // Typo `09/CT/TW`: a slash where the party form has a dash.
      if typeCodes[first] != nil && Array(restSeps).dropFirst().contains("/") && sym.year == nil { sym.party = true }
      if typeCodes[first] != nil { sym.typeCode = first; codes.removeFirst() }
      for c in codes {
        if let q = legislature(c) { sym.issuerCodes.append(q) }
        else if issuerCodes[c] != nil { sym.issuerCodes.append(c) }
        else if c.unicodeScalars.contains(where: isDigit) { sym.unitCodes.append(c) }
        else { sym.issuerCodes.append(c) }
      }
    }
    // The symbol as written, spaces dropped.
    var s = number
    for (n, seg) in segs.enumerated() { s.append(seps[n]); s += seg }
    sym.symbol = s
    return sym
  }

  private func parse(_ t: [Unicode.Scalar], fromSegment c: Int, into segs: inout [String], _ seps: inout [Character]) -> Int? {
    var tmpSegs: [String] = [], tmpSeps: [Character] = []
    var k = c, end: Int?
    while k < t.count, isSep(t[k]) {
      let sep: Character = t[k] == "/" ? "/" : "-"
      var e = k + 1
      while e < t.count && isSegChar(t[e]) { e += 1 }
      guard e > k + 1 else { break }
      tmpSegs.append(String(String.UnicodeScalarView(t[(k + 1)..<e]))); tmpSeps.append(sep)
      end = e; k = e
    }
    segs += tmpSegs; seps += tmpSeps
    return end
  }

  /// `QH14` → `QH`, `UBTVQH14` → `UBTVQH` (the legislature's term is dropped before lookup).
  func legislature(_ code: String) -> String? {
    let letters = String(code.unicodeScalars.filter { !isDigit($0) }.map(Character.init))
    guard letters.count < code.count, letters == "QH" || letters == "UBTVQH" else { return nil }
    return letters
  }
}
