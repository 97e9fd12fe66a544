import Foundation
import VNCore
import VNText

/// How input files are read.
public struct ReaderOptions: Sendable {
  public enum Format: String, Sendable, CaseIterable { case auto, text, jsonl }
  public var format: Format = .auto
  /// JSONL field holding the text, and the id.
  public var textField = "text"
  public var idField = "id"
  /// Plain text: the first line is also passed through as `title`.
  public var titleFirstLine = false
  /// Larger documents become `too_large` error records.
  public var maxDocumentBytes = 64 << 20
  /// Input encoding of plain-text files (JSONL lines are always UTF-8, else Windows-1258 where it fits).
  public var encoding: InputDecoder.Encoding = .auto

  public init() {}
}


/// Expands the user's input paths into the files to read, in a stable order.
///
/// Folders are walked recursively in sorted order, keeping `.txt`, `.jsonl`, `.ndjson`, `.json` files and
/// their `.gz` forms; symbolic links to folders already being walked (loops) are skipped with a warning.
/// A path that does not exist is kept so that reading it produces an `unreadable` error record.
public enum InputSpec {
  public static let extensions = ["txt", "jsonl", "ndjson", "json"]

  public static func expand(_ paths: [String], warn: (String) -> Void) -> [String] {
    var out: [String] = []
    let fm = FileManager.default
    for p in paths.isEmpty ? ["-"] : paths {
      var isDir: ObjCBool = false
      if p != "-", fm.fileExists(atPath: p, isDirectory: &isDir), isDir.boolValue {
        var seen: Set<String> = []
        walk(p, &out, &seen, warn)
      } else {
        out.append(p)
      }
    }
    return out
  }

  private static func walk(_ dir: String, _ out: inout [String], _ seen: inout Set<String>, _ warn: (String) -> Void) {
    let real = URL(fileURLWithPath: dir).resolvingSymlinksInPath().path
    guard seen.insert(real).inserted else { warn("\(dir): symbolic link loop, skipped"); return }
    defer { seen.remove(real) }
    let fm = FileManager.default
    guard let names = try? fm.contentsOfDirectory(atPath: dir) else { out.append(dir); return }
    for name in names.sorted() where !name.hasPrefix(".") {
      let path = dir.hasSuffix("/") ? dir + name : dir + "/" + name
      var isDir: ObjCBool = false
      guard fm.fileExists(atPath: path, isDirectory: &isDir) else { out.append(path); continue }
      if isDir.boolValue { walk(path, &out, &seen, warn); continue }
      let base = name.hasSuffix(".gz") ? String(name.dropLast(3)) : name
      if let ext = base.split(separator: ".").last, extensions.contains(ext.lowercased()) { out.append(path) }
    }
  }

  /// The format of a file from its name, or nil when the name does not tell.
  public static func format(ofName path: String) -> ReaderOptions.Format? {
    let base = path.hasSuffix(".gz") ? String(path.dropLast(3)) : path
    let ext = base.split(separator: ".").last.map { $0.lowercased() } ?? ""
    switch ext {
    case "jsonl", "ndjson", "json": return .jsonl
    case "txt": return .text
    default: return nil
    }
  }
}
