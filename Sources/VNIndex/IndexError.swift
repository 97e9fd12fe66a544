/// Why an index operation failed.
///
/// Messages read like a compiler's and name the database file: `x.sqlite: index schema version 2, this
/// vnmine reads version 1; rebuild it with vnmine index --db NEW.sqlite`.
public enum IndexError: Error, Sendable, Equatable, CustomStringConvertible {
  /// SQLite refused an operation: the database path, the SQLite result code and message, the statement.
  case sqlite(path: String, code: Int32, message: String, sql: String?)
  /// The file is a SQLite database but not a vnmine index (it has tables, none of them ours).
  case notAnIndex(path: String)
  /// The index was written by another schema version.
  case schemaVersion(path: String, found: Int, expected: Int)
  /// The database does not exist (search and show never create one).
  case missingDatabase(path: String)
  /// An input line could not be read as a vnmine/1 record.
  case badRecord(source: String, line: Int, message: String)
  /// An input file could not be opened.
  case unreadableInput(path: String, message: String)

  public var description: String {
    switch self {
    case .sqlite(let path, let code, let message, let sql):
      let stmt = sql.map { " in `\($0.split(separator: "\n").first.map(String.init) ?? $0)`" } ?? ""
      return "\(path): SQLite error \(code): \(message)\(stmt)"
    case .notAnIndex(let path):
      return "\(path): not a vnmine index (a SQLite database without a vnmine_schema table); choose another --db path"
    case .schemaVersion(let path, let found, let expected):
      return "\(path): index schema version \(found), this vnmine reads version \(expected); "
        + "rebuild it into a new file with `vnmine index --db NEW.sqlite`"
    case .missingDatabase(let path):
      return "\(path): no such index; build one with `vnmine index FILE.jsonl --db \(path)`"
    case .badRecord(let source, let line, let message):
      return "\(source):\(line): \(message)"
    case .unreadableInput(let path, let message):
      return "\(path): \(message)"
    }
  }
}
