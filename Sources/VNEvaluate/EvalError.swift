import VNCore

/// Why an evaluation could not run: unreadable or malformed inputs, and gold text that does not match.
///
/// Messages read like a compiler's and name the file and 1-based line:
/// `corpora/gold/dev.jsonl:3: entity 2: "end" 120 is past the end of the text (118 characters)`.
public enum EvalError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A file that cannot be opened or decompressed.
  case unreadable(path: String, reason: String)
  /// A line that does not follow its format.
  case malformed(SourceLocation, String)
  /// The same document id twice in one input.
  case duplicateID(SourceLocation, id: String, first: SourceLocation)
  /// A stand-off gold line whose text cannot be found.
  case missingText(SourceLocation, id: String, hint: String)
  /// A stand-off gold line whose text was found but hashes differently.
  case checksumMismatch(SourceLocation, id: String, textFrom: String, expected: String, actual: String)
  /// A command-line value that cannot be used (`--map`, `--labels`, formats).
  case invalidOption(String)

  public var description: String {
    switch self {
    case .unreadable(let path, let reason): return "\(path): \(reason)"
    case .malformed(let loc, let message): return "\(loc): \(message)"
    case .duplicateID(let loc, let id, let first): return "\(loc): duplicate id \"\(id)\" (first at \(first))"
    case .missingText(let loc, let id, let hint): return "\(loc): no text for stand-off document \"\(id)\": \(hint)"
    case .checksumMismatch(let loc, let id, let from, let expected, let actual):
      return "\(loc): sha256 mismatch for \"\(id)\": the gold line expects \(expected), the text from \(from) hashes to \(actual)"
        + " (the archive holds another version of the document)"
    case .invalidOption(let message): return message
    }
  }
}
