import VNCore
import VNText

/// Entities and officials records found in one document.
public struct Extraction: Sendable {
  public var entities: [Entity]
  public var officials: [OfficialRecord]
  public init(entities: [Entity] = [], officials: [OfficialRecord] = []) {
    self.entities = entities; self.officials = officials
  }
}

/// Finds RANK, TITLE, OFFICIAL, UNIT and DIRECTIVE entities and builds the officials records.
///
/// `Trung tướng Nguyễn Văn Khảo, Cục trưởng Cục V28` → `[Trung tướng]RANK [Nguyễn Văn Khảo]OFFICIAL,
/// [Cục trưởng]TITLE [Cục V28]UNIT` and the record {Nguyễn Văn Khảo, Trung tướng, [Cục trưởng], [Cục V28]}.
/// Works on the normalised text (classic tone placement, NFC) through its own piece scan and folded keys,
/// so `Đại uý`, NFD input and `Bô Công an` match; every span is mapped back to the original text. The
/// tokenizer's output is not needed by the rules (its sentences and word grouping are not used).
public struct Extractor: Sendable {
  let resources: ExtractorResources

  init(resources: ExtractorResources) { self.resources = resources }

  /// Loads the gazetteers from `models` and the user's overlay folder (same file names and columns; an
  /// overlay row replaces the base rows with the same first column, other rows are added).
  public static func load(from models: ModelDirectory, overlay: ModelDirectory? = nil) throws -> Extractor {
    Extractor(resources: try ExtractorResources.load(from: models, overlay: overlay))
  }

  /// Extraction from the normalised text (the document's text and its alignment to the original).
  public func extract(_ normalized: NormalizedText) -> Extraction {
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(normalized.text.utf8.count)
    for s in normalized.text.unicodeScalars { scalars.append(s) }
    let scan = DocumentScan(resources: resources, text: scalars)
    var items = scan.items()
    scan.dropClassLists(&items)
    validateTitles(scan, &items)
    var linker = OfficialLinker(scan: scan, items: items)
    linker.link()
    linker.sortItems()
    items = linker.items
    keepCompanyTitles(&items, linker)
    completeDirectives(scan, &items)
    return ExtractionWriter(scan: scan, items: items, clusters: linker.clusters, normalized: normalized).write()
  }
}

extension Extractor {
  /// Bare and lower-case titles (rules `title.needsBody`, `title.lowercase`) and heads of companies,
  /// hospitals and schools (rule `title.nonUnitBody`, decided after linking).
  func validateTitles(_ scan: DocumentScan, _ items: inout [Item]) {
    for k in items.indices where items[k].kind == .title {
      guard case .title(let idx, _) = items[k].payload else { continue }
      let entry = resources.titles[idx]
      let it = items[k]
      let next = k + 1 < items.count && items[k + 1].lo == it.hi ? items[k + 1] : nil
      // A body named after the title, also when it is a place or a class of bodies (`chủ tịch Hà Nội`,
      // `chủ tịch tỉnh`, `chủ tịch UBND các tỉnh`, `thủ trưởng các cơ quan`).
      let bodyAfter = scan.place(at: it.hi) != nil || scan.hits(at: it.hi).contains { $0.source == .unitHead && $0.marks == 0 }
        || (scan.isWord(it.hi) && scan.pieces[it.hi].key == scan.keys.cac && scan.hits(at: it.hi + 1).contains { $0.source == .unitHead || $0.source == .cue })
      let unitAfter = next?.kind == .unit || (bodyAfter && !entry.strict)
      let nameAfter = next?.kind == .official
      let words = (it.lo..<it.hi).filter { scan.pieces[$0].isWord }.count
      let cap = scan.pieces[it.lo].isCap
      if (entry.strict || (!cap && (words == 1 || (entry.needsUnit && words <= 2)))) && !unitAfter && !nameAfter {
        items[k].dropped = true; items[k].rule = entry.strict ? "title.needsBody" : "title.lowercase"; continue
      }
      // The company may follow a capitalised qualifier (`Giám đốc Điều hành Tập đoàn Vamed`).
      // `Phó giám đốc công ty TNHH …`: the company may be written in lower case.
      var companyAfter = scan.isWord(it.hi) && !scan.pieces[it.hi].isCap && scan.cue(.nonUnitBody, at: it.hi) != nil
      if scan.isCapWord(it.hi) {
        for p in it.hi..<(it.hi + 4) {
          if p > it.hi && scan.isPunct(p, ",") { continue }   // `Trưởng ban Bạn đọc, Báo …`
          guard scan.isWord(p), !scan.pieces[p].flags.contains(.sentenceStart) || p == it.hi else { break }
          // A listed state body is no company even when it starts like one (`Phó Thống đốc Ngân hàng Nhà nước`).
          if scan.hits(at: p).contains(where: { $0.source == .unit && $0.marks == 0 }) { break }
          if scan.cue(.nonUnitBody, at: p) != nil { companyAfter = true; break }
          if scan.hits(at: p).contains(where: { $0.source == .unit || $0.source == .unitHead || $0.source == .title }) { break }
        }
      }
      if companyAfter || (it.lo..<it.hi).contains(where: { scan.cue(.nonUnitBody, at: $0) != nil }) {
        items[k].rule = "title.nonUnitBody"
      }
    }
    // `Chủ tịch kiêm Giám đốc Điều hành Tập đoàn …`: a title joined by `kiêm` to a company head's is one too.
    for k in items.indices.reversed() where items[k].kind == .title && items[k].rule != "title.nonUnitBody" && k + 1 < items.count {
      let n = items[k + 1]
      guard n.kind == .title, n.rule == "title.nonUnitBody", n.lo == items[k].hi + 1,
            scan.pieces[items[k].hi].isWord, scan.cue(.appositionLink, at: items[k].hi) == n.lo else { continue }
      items[k].rule = "title.nonUnitBody"
    }
  }

  /// A title heading a company, hospital or school stands only when its person holds a rank or another office.
  func keepCompanyTitles(_ items: inout [Item], _ linker: OfficialLinker) {
    var holders: [Int: Bool] = [:]
    for (c, cl) in linker.clusters.enumerated() {
      holders[c] = !cl.ranks.isEmpty || cl.titles.contains { items[$0].rule != "title.nonUnitBody" }
    }
    for k in items.indices where items[k].kind == .title && items[k].rule == "title.nonUnitBody" {
      let owner = linker.clusters.indices.first { linker.clusters[$0].titles.contains(k) }
      if let owner, holders[owner] == true { continue }
      items[k].dropped = true
    }
  }
}
