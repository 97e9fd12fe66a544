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

/// Running the built `vnmine` executable from tests (end-to-end CLI tests).
public enum CLI {
  /// The `vnmine` built next to the test bundle (`swift test` builds every product).
  public static var binary: String {
    var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = dir.appendingPathComponent("vnmine").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      dir.deleteLastPathComponent()
    }
    return SharedData.repoRoot.appendingPathComponent(".build/debug/vnmine").path
  }

  public struct Result {
    public let status: Int32
    public let stdout: Data
    public let stderr: String
    public var lines: [String] { String(decoding: stdout, as: UTF8.self).split(separator: "\n").map(String.init) }
  }

  /// Runs vnmine with `arguments` (and `stdin` bytes) from the repository root, waiting for it to end.
  public static func run(_ arguments: [String], stdin: Data? = nil) throws -> Result {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: binary)
    p.arguments = arguments
    p.currentDirectoryURL = SharedData.repoRoot
    let out = Pipe()
    // Standard error goes to a file, so neither pipe can fill up and block the child.
    let errURL = temporaryRoot.appendingPathComponent("stderr-\(UUID().uuidString)")
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let errHandle = try FileHandle(forWritingTo: errURL)
    p.standardOutput = out
    p.standardError = errHandle
    let input = Pipe()
    p.standardInput = input
    try p.run()
    if let stdin { input.fileHandleForWriting.write(stdin) }
    try input.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    try errHandle.close()
    let errData = (try? Data(contentsOf: errURL)) ?? Data()
    try? FileManager.default.removeItem(at: errURL)
    return Result(status: p.terminationStatus, stdout: outData, stderr: String(decoding: errData, as: UTF8.self))
  }

  /// This test process's temporary folder, `vnmine-tests-<pid>`. Folders of earlier test processes that have
  /// exited are removed when it is first used: a run writes some 100 MB of databases and outputs, which used to
  /// stay in the temporary directory.
  public static let temporaryRoot: URL = {
    let fm = FileManager.default
    let tmp = fm.temporaryDirectory
    let prefix = "vnmine-tests-"
    for name in (try? fm.contentsOfDirectory(atPath: tmp.path)) ?? [] where name.hasPrefix(prefix) {
      if let pid = Int32(name.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
        try? fm.removeItem(at: tmp.appendingPathComponent(name))
      }
    }
    let root = tmp.appendingPathComponent(prefix + String(getpid()))
    try? fm.createDirectory(at: root, withIntermediateDirectories: true)
    return root
  }()

  /// A fresh temporary folder (under `temporaryRoot`).
  public static func temporaryFolder(_ name: String) throws -> URL {
    let url = temporaryRoot.appendingPathComponent("\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
