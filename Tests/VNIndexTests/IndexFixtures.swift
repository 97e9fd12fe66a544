import Foundation
import VNCore
import VNTestSupport
import VNText
@testable import VNIndex

/// Fixture files, temporary databases and the gazetteer for the index tests.
enum IndexFixtures {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

  /// The seed press release annotated by hand (offsets from the gold file, officials records, attrs).
  static var seed: String { folder.appendingPathComponent("seed.jsonl").path }
  /// Invented but realistic articles: two Nguyễn Văn Thành (police, army), two Đặng Văn Nam (same
  /// date, incompatible ranks), a keyless and a keyed Chỉ thị 05/CT-BCA, `BCA` with no canonical, a line
  /// without officials records or attrs, and one extraction error record.
  static var homonyms: String { folder.appendingPathComponent("homonyms.jsonl").path }

  static let gazetteer: IndexGazetteer = {
    (try? IndexGazetteer.load(from: ModelDirectory(path: SharedData.modelsPath))) ?? .empty
  }()

  /// A fresh database path in its own temporary folder (under `CLI.temporaryRoot`).
  static func databasePath(_ name: String = "index.sqlite") -> String {
    let dir = CLI.temporaryRoot.appendingPathComponent("index-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent(name).path
  }

  /// Indexes `files` into a new database and returns its path and the run report.
  @discardableResult
  static func build(_ files: [String], at path: String = databasePath(), gazetteer: IndexGazetteer = gazetteer,
                    batchSize: Int = 500) throws -> (path: String, report: JSONLIndexer.Report) {
    let writer = try IndexWriter(path: path, gazetteer: gazetteer)
    let report = try JSONLIndexer(writer: writer, batchSize: batchSize).index(paths: files)
    return (path, report)
  }

  /// `n` generated documents (three officials each, units, a directive), written as vnmine/1 JSONL.
  static func generated(count n: Int) throws -> String {
    let given = ["An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hải", "Hùng", "Khánh", "Long", "Minh", "Nam",
                 "Phong", "Quân", "Sơn", "Thắng", "Tuấn", "Việt"]
    let surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đặng", "Bùi", "Đỗ"]
    let ranks = [("Thiếu tá", 10), ("Trung tá", 11), ("Thượng tá", 12), ("Đại tá", 13), ("Thiếu tướng", 14)]
    var out = ""
    for i in 0..<n {
      var text = ""
      var entities: [[String: Any]] = []
      var officials: [[String: Any]] = []
      func add(_ label: String, _ surface: String, _ attrs: [String: Any]) -> String {
        let start = text.unicodeScalars.count
        text += surface
        let id = "e\(entities.count + 1)"
        entities.append(["id": id, "label": label, "start": start, "end": text.unicodeScalars.count, "text": surface,
                         "canonical": surface, "attrs": attrs, "rule": "generated"])
        return id
      }
      for k in 0..<3 {
        let name = "\(surnames[(i + k) % surnames.count]) Văn \(given[(i * 7 + k * 5) % given.count])"
        let (rank, order) = ranks[(i / 40 + k) % ranks.count]
        let unit = "Công an tỉnh \(["Bắc Ninh", "Hà Nam", "Nghệ An", "Lào Cai"][(i + k) % 4])"
        _ = add("RANK", rank, ["force": "any", "order": order]); text += " "
        let m = add("OFFICIAL", name, ["rank": rank, "titles": ["Giám đốc"], "units": [unit]]); text += ", "
        _ = add("TITLE", "Giám đốc", [:]); text += " "
        _ = add("UNIT", unit, ["parent": "Bộ Công an"]); text += " chủ trì hội nghị triển khai "
        _ = add("DIRECTIVE", "Chỉ thị số \(10 + i % 30)", ["type": "Chỉ thị", "number": "\(10 + i % 30)", "issuer": "Bộ Công an"])
        text += " về bảo đảm an ninh trật tự trên địa bàn.\n\n"
        officials.append(["id": "o\(k + 1)", "name": name, "rank": rank, "titles": ["Giám đốc"], "units": [unit], "mentions": [m]])
      }
      let month = 1 + i % 12, day = 1 + i % 28
      let doc: [String: Any] = [
        "schema": "vnmine/1", "id": "gen-\(i)", "source": "generated", "title": "Hội nghị số \(i)",
        "date": String(format: "2018-%02d-%02d", month, day), "text": text, "entities": entities, "officials": officials,
      ]
      out += String(decoding: try JSONSerialization.data(withJSONObject: doc), as: UTF8.self) + "\n"
    }
    let path = databasePath("generated.jsonl")
    try out.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// The built `vnmine` executable beside the test bundle (built by `swift test`), or nil.
  static var vnmineBinary: String? {
    var candidates: [URL] = []
    if let exe = Bundle.main.executableURL { candidates.append(exe.deletingLastPathComponent()) }
    let arg0 = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
    candidates.append(arg0.deletingLastPathComponent())
    candidates.append(arg0.deletingLastPathComponent().deletingLastPathComponent())
    candidates.append(SharedData.repoRoot.appendingPathComponent(".build/debug"))
    for dir in candidates {
      let p = dir.appendingPathComponent("vnmine").path
      if FileManager.default.isExecutableFile(atPath: p) { return p }
    }
    return nil
  }
}
