import Foundation

/// Locating the repository and `../shared` from a test, and reading real data from it.
///
/// Tests that need `../shared` (real articles, the UD treebank) call `SharedData.locate()`; when it is
/// absent they record a visible skip reason instead of passing silently.
public enum SharedData {
  /// The repository root (the folder holding Package.swift), found from this source file's path.
  public static let repoRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  }()

  /// `../shared` beside the repository, or nil.
  public static var shared: URL? {
    let url = repoRoot.deletingLastPathComponent().appendingPathComponent("shared")
    return FileManager.default.fileExists(atPath: url.appendingPathComponent("data").path) ? url : nil
  }

  public static var modelsPath: String { repoRoot.appendingPathComponent("models").path }

  /// The `text` fields of the first `limit` records of a gzipped JSONL archive under `shared/data`
  /// (read with the system `gzip`, as Foundation on Linux has no gzip).
  public static func texts(archive relative: String, limit: Int) throws -> [String] {
    guard let shared else { return [] }
    let path = shared.appendingPathComponent("data").appendingPathComponent(relative).path
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/sh")
    p.arguments = ["-c", "gzip -dc '\(path)' | head -n \(limit)"]
    let pipe = Pipe()
    p.standardOutput = pipe
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    var out: [String] = []
    for line in data.split(separator: UInt8(ascii: "\n")) {
      if let obj = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any], let t = obj["text"] as? String {
        out.append(t)
      }
    }
    return out
  }
}
