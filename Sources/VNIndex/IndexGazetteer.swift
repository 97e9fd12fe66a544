import VNCore
import VNText

/// What the index borrows from `models/gazetteers`: rank seniority and force, and unit names with their
/// known abbreviations.
///
/// Both are optional: the extractor's attributes (`RANK.order`, `RANK.force`, `UNIT.canonical`) come first
/// and the tables only fill gaps, so an index built without `models/` still resolves, with fewer merges
/// (`BCA` and `Bộ Công an` stay apart unless the extractor canonicalised `BCA`).
public struct IndexGazetteer: Sendable {
  /// A rank's canonical name, seniority (`Thiếu úy` 6 … `Đại tướng` 17) and force (`army`, `navy` or `any`).
  struct Rank: Sendable {
    var canonical: String
    var order: Int
    var force: String
  }

  /// A unit's canonical name and parent body.
  struct Unit: Sendable {
    var canonical: String
    var parent: String?
  }

  /// Folded surface → rank.
  var ranks: [String: Rank]
  /// Folded surface (full name, abbreviation, code) → unit.
  var units: [String: Unit]
  /// Folded canonical unit name → every surface listed for it (`Bộ Công an` → `BCA`, `Bộ Công an`).
  var unitSurfaces: [String: [String]]

  public static let empty = IndexGazetteer(ranks: nil, units: nil)

  /// Builds the lookups from `ranks.tsv` (surface, canonical, force, order) and `units.tsv` (surface,
  /// canonical, parent); malformed rows are skipped (the models checker reports them).
  public init(ranks: TSVTable?, units: TSVTable?) {
    let folder = SearchKeyFolder()
    var r: [String: Rank] = [:]
    for row in ranks?.rows ?? [] where row.fields.count >= 4 {
      guard let order = Int(row.fields[3]) else { continue }
      r[folder.key(row.fields[0])] = Rank(canonical: row.fields[1], order: order, force: row.fields[2])
    }
    var u: [String: Unit] = [:]
    var surfaces: [String: [String]] = [:]
    for row in units?.rows ?? [] where row.fields.count >= 2 {
      let parent = row.fields.count > 2 && row.fields[2] != "-" ? row.fields[2] : nil
      u[folder.key(row.fields[0])] = Unit(canonical: row.fields[1], parent: parent)
      surfaces[folder.key(row.fields[1]), default: []].append(row.fields[0])
    }
    self.ranks = r; self.units = u; self.unitSurfaces = surfaces
  }

  /// Loads `gazetteers/ranks.tsv` and `gazetteers/units.tsv` from a models folder.
  public static func load(from models: ModelDirectory) throws(IndexError) -> IndexGazetteer {
    do {
      return IndexGazetteer(ranks: try models.table("gazetteers/ranks.tsv"), units: try models.table("gazetteers/units.tsv"))
    } catch {
      throw .unreadableInput(path: models.path + "/gazetteers", message: "\(error)")
    }
  }
}
