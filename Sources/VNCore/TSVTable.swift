/// A parsed data file from `models/`: `#` comments and blank lines skipped, TAB-separated fields.
///
/// Every row remembers its line number so loaders can report `file:line: message` like a compiler.
public struct TSVTable: Sendable {
  public struct Row: Sendable {
    public let line: Int
    public let fields: [String]
  }

  public let path: String
  public let rows: [Row]

  public init(path: String, contents: String) {
    self.path = path
    var rows: [Row] = []
    var lineNo = 0
    for raw in contents.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNo += 1
      let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
      if line.isEmpty || line.first == "#" { continue }
      rows.append(Row(line: lineNo, fields: line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)))
    }
    self.rows = rows
  }
}

/// A problem in a data file, reported as `path:line: message`.
public struct DataFileError: Error, Sendable, CustomStringConvertible {
  public let path: String
  public let line: Int
  public let message: String
  public init(path: String, line: Int, message: String) {
    self.path = path; self.line = line; self.message = message
  }
  public var description: String { line > 0 ? "\(path):\(line): \(message)" : "\(path): \(message)" }
}
