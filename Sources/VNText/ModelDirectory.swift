import Foundation
import VNCore

/// The `models/` folder: where vnmine's data files are, and reading them as tables.
///
/// Found, in order: the folder given by the user (`--models DIR`); `models/` beside the executable or in
/// `share/vnmine/models` above it (an installed or shipped binary, e.g. on Spark executors); the nearest
/// `models/` with a `VERSION` file above the executable (a build inside the repository); `./models`.
public struct ModelDirectory: Sendable {
  public let path: String

  public init(path: String) { self.path = path }

  /// Locates the models folder; `explicit` wins when given.
  public static func locate(explicit: String? = nil) throws(NormalizeError) -> ModelDirectory {
    let fm = FileManager.default
    func ok(_ p: String) -> Bool { fm.fileExists(atPath: p + "/VERSION") }
    if let explicit {
      guard ok(explicit) else { throw .missingFile(explicit + "/VERSION") }
      return ModelDirectory(path: explicit)
    }
    var candidates: [String] = []
    let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
    candidates.append(exe.appendingPathComponent("models").path)
    candidates.append(exe.deletingLastPathComponent().appendingPathComponent("share/vnmine/models").path)
    var dir = exe
    for _ in 0..<6 {
      candidates.append(dir.appendingPathComponent("models").path)
      dir = dir.deletingLastPathComponent()
    }
    candidates.append(fm.currentDirectoryPath + "/models")
    for c in candidates where ok(c) { return ModelDirectory(path: c) }
    throw .missingFile("models/VERSION (pass --models DIR)")
  }

  public func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path + "/" + relative) }

  public func read(_ relative: String) throws(NormalizeError) -> String {
    let full = path + "/" + relative
    guard let data = FileManager.default.contents(atPath: full) else { throw .missingFile(full) }
    return String(decoding: data, as: UTF8.self)
  }

  public func table(_ relative: String) throws(NormalizeError) -> TSVTable {
    TSVTable(path: "models/" + relative, contents: try read(relative))
  }
}

extension LegacyDecoder {
  /// Loads `encodings/tcvn3.tsv` and `encodings/vni.tsv`.
  public static func load(from models: ModelDirectory) throws(NormalizeError) -> LegacyDecoder {
    func scalar(_ s: String, _ t: TSVTable, _ line: Int) throws(NormalizeError) -> Unicode.Scalar {
      let u = Array(s.unicodeScalars)
      guard u.count == 1 else { throw .badTable(path: t.path, line: line, message: "expected one character, got \"\(s)\"") }
      return u[0]
    }
    let tcvnTable = try models.table("encodings/tcvn3.tsv")
    var tcvn: [UInt32: [Unicode.Scalar]] = [:]
    for row in tcvnTable.rows {
      guard row.fields.count == 4 else { throw .badTable(path: tcvnTable.path, line: row.line, message: "expected 4 columns") }
      let seen = try scalar(row.fields[1], tcvnTable, row.line)
      tcvn[seen.value] = Array(row.fields[3].unicodeScalars)
    }
    let vniTable = try models.table("encodings/vni.tsv")
    var pairs: [UInt64: Unicode.Scalar] = [:]
    var singles: [UInt32: Unicode.Scalar] = [:]
    for row in vniTable.rows {
      guard row.fields.count == 3 else { throw .badTable(path: vniTable.path, line: row.line, message: "expected 3 columns") }
      let base = try scalar(row.fields[0], vniTable, row.line)
      let result = try scalar(row.fields[2], vniTable, row.line)
      if row.fields[1] == "NONE" { singles[base.value] = result }
      else { pairs[pairKey(base, try scalar(row.fields[1], vniTable, row.line))] = result }
    }
    return LegacyDecoder(tcvn3: tcvn, vniPairs: pairs, vniSingles: singles)
  }
}
