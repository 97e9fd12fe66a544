import Foundation
import VNTestSupport

/// A fresh folder for one test's files (under `CLI.temporaryRoot`).
struct TemporaryFolder {
  let url: URL

  init() throws {
    url = CLI.temporaryRoot.appendingPathComponent("vnevaluate-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// Writes `contents` to `name` and returns its path.
  @discardableResult
  func write(_ name: String, _ contents: String) throws -> String {
    let path = url.appendingPathComponent(name).path
    try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  func remove() { try? FileManager.default.removeItem(at: url) }
}
