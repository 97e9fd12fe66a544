import VNCore
import VNText

/// A problem loading the extractor's data files, reported like a compiler (`path:line: message`).
public enum ExtractError: Error, Sendable, CustomStringConvertible {
  case missingFile(String)
  case badRow(DataFileError)

  public var description: String {
    switch self {
    case .missingFile(let p): return "\(p): missing data file"
    case .badRow(let e): return e.description
    }
  }
}

/// Rows of the gazetteers the extractor uses, in the columns of `models/gazetteers/*.tsv`.
struct RankEntry: Sendable { var surface: String; var canonical: String; var force: String?; var order: Int }
struct TitleEntry: Sendable { var title: String; var kind: String; var needsUnit: Bool; var strict: Bool }
struct UnitHeadEntry: Sendable {
  var head: String; var kind: String
  var takesName: Bool; var takesPlace: Bool; var takesCode: Bool; var complete: Bool
}
struct UnitEntry: Sendable { var surface: String; var canonical: String; var parent: String? }
struct AbbreviationEntry: Sendable { var abbr: String; var expansion: String; var role: String }
struct DirectiveTypeEntry: Sendable { var surface: String; var type: String; var code: String? }
struct PlaceEntry: Sendable { var name: String; var type: String; var full: String }
struct CueEntry: Sendable { var role: CueRole; var phrase: String }

/// The roles of `models/extract/cue-words.tsv`: the small closed word classes the grammar rules use.
enum CueRole: String, Sendable, CaseIterable {
  /// `ông`, `bà`, `đồng chí`: a person follows (a short mention links only after one of these, a rank or a title).
  case personMarker = "person-marker"
  /// `nguyên`, `cựu`: former holder; outside the TITLE span.
  case modifierFormer = "modifier-former"
  /// `quyền`: acting holder; outside the TITLE span.
  case modifierActing = "modifier-acting"
  /// `phong`, `thăng`: a rank that follows is a promotion.
  case promotionVerb = "promotion-verb"
  /// `tỉnh`, `huyện`, `TP`: the type word before a place name.
  case placeType = "place-type"
  /// `Công ty`, `Bệnh viện`: a body that is not a UNIT; its head gets no TITLE unless the person holds office.
  case nonUnitBody = "non-unit-body"
  /// `cơ quan`, `lực lượng`: a following bare `Công an`/`Nhà nước` is generic, not a UNIT.
  case genericBefore = "generic-before"
  /// `đường`, `phố`, `số`: a following name is a street or place, not a person.
  case personBlocker = "person-blocker"
  /// Lower-case words that continue a unit's descriptive name (`giao thông`, `hình sự`, `cửa khẩu`).
  case unitNameWord = "unit-name-word"
  /// Words that end a law's descriptive name (`của`, `đã`, `năm`).
  case nameStop = "name-stop"
  /// Connectors allowed between a person and the titles in apposition (`,`, `-`, `kiêm`, `là`).
  case appositionLink = "apposition-link"
  /// Route and branch qualifiers (`đường sắt`, `đường thủy`): the only lower-case words that continue a unit
  /// name after an abbreviation (`Phòng CSGT đường sắt`, not `Tổng cục TDTT tham mưu`).
  case unitQualifier = "unit-qualifier"
  /// `công an`, `cảnh sát`, `cán bộ`: an officer named by `tên` + given name (`một công an phường tên Nam`).
  case policeNoun = "police-noun"
  /// `là`, `làm`, `giữ chức`, `được bổ nhiệm`: a name, this verb and a title say the person holds the office.
  case roleVerb = "role-verb"
  /// `Văn`, `Thị`, `Hữu`: common middle names (a person name with an unlisted surname, `Chế Thị Lan`).
  case middleName = "middle-name"
  /// `người phát ngôn`, `đại diện`, `lãnh đạo`: before a body and a name, the person speaks for the body.
  case officeNoun = "office-noun"
  /// `hai`, `ba`: before a body, several bodies (no UNIT).
  case thingBefore = "thing-before"
  /// `Trước`, `Sau`, `Theo`: capitalised, they open a sentence and end a person name before them.
  case sentenceOpener = "sentence-opener"
  /// `Nhân dân`, `Hội đồng`: capitalised common words whose first syllable is also a given name; no bare short form
  /// of an official starts one.
  case commonWord = "common-word"
}

/// Everything the extractor reads from `models/`, compiled once at load.
struct ExtractorResources: Sendable {
  var ranks: [RankEntry] = []
  var titles: [TitleEntry] = []
  var heads: [UnitHeadEntry] = []
  var units: [UnitEntry] = []
  var abbreviations: [AbbreviationEntry] = []
  var directiveTypes: [DirectiveTypeEntry] = []
  var places: [PlaceEntry] = []
  var cues: [CueEntry] = []
  /// `cues[i].role`, apart: read at most words of every document (a `CueEntry` copy retains its phrase).
  var cueRoles: [CueRole] = []
  var knownOfficials: [String] = []
  /// Type codes in document symbols (`NĐ` → `Nghị định`), case-sensitive.
  var directiveCodes: [String: String] = [:]
  /// Issuer codes in document symbols (`TTg` → `Thủ tướng Chính phủ`), case-sensitive.
  var issuers: [String: String] = [:]
  /// Exact keys (lower case, marks kept) of surnames, the first syllable of a person name: `Tô` is a
  /// surname, `Tổ` is not.
  var surnames = KeySet()
  /// Exact keys of given-name syllables (a one-word short form with no antecedent must be one).
  var givenNames = KeySet()
  /// Exact keys of words that end a law's descriptive name (`từ` ends it, `tư` in `Đầu tư` does not).
  var nameStops = KeySet()
  /// Names of codes and laws after their type word (law-names.tsv): name, type.
  var lawNames: [(name: String, type: String)] = []
  /// Folded keys of the expansion of unit abbreviations by their exact abbreviation text.
  var abbreviationByText: [String: String] = [:]
  /// Ministry portfolio (`Công an`, `Y tế`): `Bộ trưởng Y tế` names the Bộ Y tế without `Bộ`.
  var portfolios = PhraseTable()
  var table = PhraseTable()
  let scanner = PieceScanner()
  let keys: FixedKeys
  init() { keys = FixedKeys(scanner) }
}

extension ExtractorResources {
  /// Reads the gazetteers, applying the overlay's rows (same file name, same columns) on top: an overlay
  /// row replaces every base row with the same first column, other rows are added.
  static func load(from models: ModelDirectory, overlay: ModelDirectory?) throws -> ExtractorResources {
    var r = ExtractorResources()
    func rows(_ name: String, columns: Int, optional: Bool = false) throws -> [TSVTable.Row] {
      var base: [TSVTable.Row] = []
      if models.exists(name) {
        base = try models.table(name).rows
      } else if !optional {
        throw ExtractError.missingFile("models/" + name)
      }
      if let overlay, overlay.exists(name) {
        let extra = try overlay.table(name)
        for row in extra.rows where row.fields.count < columns {
          throw ExtractError.badRow(DataFileError(path: overlay.path + "/" + name, line: row.line,
                                                  message: "expected \(columns) columns, got \(row.fields.count)"))
        }
        let replaced = Set(extra.rows.map { $0.fields[0] })
        base = base.filter { !replaced.contains($0.fields[0]) } + extra.rows
      }
      for row in base where row.fields.count < columns {
        throw ExtractError.badRow(DataFileError(path: "models/" + name, line: row.line,
                                                message: "expected \(columns) columns, got \(row.fields.count)"))
      }
      return base
    }
    func dash(_ s: String) -> String? { s == "-" ? nil : s }
    let normalizer = TextNormalizer()
    func norm(_ s: String) -> String { normalizer.normalize(s).text }

    for row in try rows("gazetteers/ranks.tsv", columns: 4) {
      let f = row.fields
      r.ranks.append(RankEntry(surface: norm(f[0]), canonical: f[1], force: f[2] == "any" ? nil : f[2], order: Int(f[3]) ?? 0))
    }
    for row in try rows("gazetteers/titles.tsv", columns: 3) {
      r.titles.append(TitleEntry(title: norm(row.fields[0]), kind: row.fields[1], needsUnit: row.fields[2] != "no", strict: row.fields[2] == "strict"))
    }
    for row in try rows("gazetteers/unit-heads.tsv", columns: 3) {
      let takes = Set(row.fields[2].split(separator: ",").map(String.init))
      r.heads.append(UnitHeadEntry(head: norm(row.fields[0]), kind: row.fields[1], takesName: takes.contains("name"),
                                   takesPlace: takes.contains("place"), takesCode: takes.contains("code"),
                                   complete: takes.contains("none")))
    }
    for row in try rows("gazetteers/units.tsv", columns: 3) {
      r.units.append(UnitEntry(surface: norm(row.fields[0]), canonical: row.fields[1], parent: dash(row.fields[2])))
    }
    for row in try rows("gazetteers/abbreviations.tsv", columns: 3) {
      r.abbreviations.append(AbbreviationEntry(abbr: row.fields[0], expansion: row.fields[1], role: row.fields[2]))
      r.abbreviationByText[row.fields[0]] = row.fields[1]
    }
    for row in try rows("gazetteers/directive-types.tsv", columns: 3) {
      r.directiveTypes.append(DirectiveTypeEntry(surface: norm(row.fields[0]), type: row.fields[1], code: dash(row.fields[2])))
    }
    for row in try rows("gazetteers/directive-codes.tsv", columns: 2) { r.directiveCodes[row.fields[0]] = row.fields[1] }
    for row in try rows("gazetteers/issuers.tsv", columns: 2) { r.issuers[row.fields[0]] = row.fields[1] }
    for file in ["gazetteers/provinces.tsv", "gazetteers/districts.tsv"] {
      for row in try rows(file, columns: 3) {
        r.places.append(PlaceEntry(name: norm(row.fields[0]), type: row.fields[1], full: row.fields[2]))
      }
    }
    for row in try rows("extract/cue-words.tsv", columns: 2) {
      guard let role = CueRole(rawValue: row.fields[0]) else {
        throw ExtractError.badRow(DataFileError(path: "models/extract/cue-words.tsv", line: row.line,
                                                message: "unknown role \"\(row.fields[0])\""))
      }
      r.cues.append(CueEntry(role: role, phrase: norm(row.fields[1])))
    }
    for row in try rows("extract/countries.tsv", columns: 2, optional: true) {
      r.places.append(PlaceEntry(name: norm(row.fields[0]), type: row.fields[1], full: row.fields[0]))
    }
    for row in try rows("extract/law-names.tsv", columns: 2, optional: true) { r.lawNames.append((norm(row.fields[0]), row.fields[1])) }
    for row in try rows("extract/known-officials.tsv", columns: 2, optional: true) { r.knownOfficials.append(norm(row.fields[0])) }
    for row in try rows("lexicon/surnames.txt", columns: 1) {
      if let p = r.scanner.pieces(of: norm(row.fields[0])).first { r.surnames.insert(p.exact) }
    }
    for row in try rows("gazetteers/given-names.txt", columns: 1) {
      if let p = r.scanner.pieces(of: norm(row.fields[0])).first { r.givenNames.insert(p.exact) }
    }
    r.compile()
    return r
  }

  /// Builds the phrase table and the word sets.
  mutating func compile() {
    var t = PhraseTable()
    let s = scanner
    for (i, e) in ranks.enumerated() { t.add(s.pieces(of: e.surface), source: .rank, index: i) }
    for (i, e) in titles.enumerated() { t.add(s.pieces(of: e.title), source: .title, index: i) }
    for (i, e) in heads.enumerated() { t.add(s.pieces(of: e.head), source: .unitHead, index: i) }
    for (i, e) in units.enumerated() { t.add(s.pieces(of: e.surface), source: .unit, index: i) }
    for (i, e) in abbreviations.enumerated() { t.add(s.pieces(of: e.abbr), source: .abbreviation, index: i) }
    for (i, e) in directiveTypes.enumerated() { t.add(s.pieces(of: e.surface), source: .directiveType, index: i) }
    for (i, e) in places.enumerated() { t.add(s.pieces(of: e.name), source: .place, index: i) }
    // Lower-case runs of the bodies' full names continue descriptive unit names too (`tội phạm sử dụng công nghệ cao`).
    for u in units {
      let ps = s.pieces(of: u.canonical)
      var run: [String] = []
      func flush() { if !run.isEmpty { cues.append(CueEntry(role: .unitNameWord, phrase: run.joined(separator: " "))); run = [] } }
      for (k, p) in ps.enumerated() {
        let w = u.canonical.unicodeScalars.dropFirst(Int(p.start)).prefix(Int(p.end - p.start))
        let word = String(String.UnicodeScalarView(w))
        if p.isWord && !p.isCap && !p.flags.contains(.hasDigit) && word != "và" && word != "về" && word != "của" {
          if run.isEmpty, k > 0, ps[k - 1].isWord, ps[k - 1].isCap, !ps[k - 1].flags.contains(.allUpper) {
            let w0 = u.canonical.unicodeScalars.dropFirst(Int(ps[k - 1].start)).prefix(Int(ps[k - 1].end - ps[k - 1].start))
            run.append(String(String.UnicodeScalarView(w0)).lowercased())
          }
          run.append(word)
        } else { flush() }
      }
      flush()
    }
    for (i, e) in cues.enumerated() {
      switch e.role {
      case .nameStop: for p in s.pieces(of: e.phrase) where p.isWord { nameStops.insert(p.exact) }
      default: t.add(s.pieces(of: e.phrase), source: .cue, index: i)
      }
    }
    for (i, name) in knownOfficials.enumerated() { t.add(s.pieces(of: name), source: .knownOfficial, index: i) }
    for (i, law) in lawNames.enumerated() {
      t.add(s.pieces(of: law.name), source: .lawName, index: i)
      // The press often drops the comma of the title (`Luật phòng chống tham nhũng` for `Phòng, chống tham nhũng`).
      if law.name.contains(",") { t.add(s.pieces(of: law.name.replacingOccurrences(of: ",", with: "")), source: .lawName, index: i) }
    }
    var portfolio = PhraseTable()
    for (i, u) in units.enumerated() where u.surface.hasPrefix("Bộ ") && u.parent == "Chính phủ" {
      let tail = s.pieces(of: String(u.surface.dropFirst(3)))
      if tail.first?.flags.contains(.allUpper) == false { portfolio.add(tail, source: .unit, index: i) }
    }
    portfolio.freeze(); t.freeze()
    cueRoles = cues.map(\.role)
    portfolios = portfolio
    table = t
  }

  func cueRole(_ hit: PhraseTable.Hit) -> CueRole? { hit.source == .cue ? cueRoles[Int(hit.index)] : nil }
}
