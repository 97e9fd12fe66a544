/// One input document as read: where it came from, its text and the metadata to pass through.
public struct Document: Sendable {
  /// Stable id: the input's own id, else `path:line` (JSONL) or the path (text files).
  public var id: String
  /// File path (or `<stdin>`) and, for JSONL, the 1-based line.
  public var location: SourceLocation
  /// The text exactly as read (UTF-8 decoded, nothing normalised).
  public var text: String
  /// Metadata passed through to the output: `title`, `url`, `date` and any other input fields, in input
  /// order, each value as raw JSON bytes.
  public var metadata: [(key: String, json: [UInt8])]

  public init(id: String, location: SourceLocation, text: String, metadata: [(key: String, json: [UInt8])] = []) {
    self.id = id; self.location = location; self.text = text; self.metadata = metadata
  }
}

/// A place in an input: file, 1-based line (JSONL) and 0-based byte offset of that line or of the problem.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
  public var path: String
  public var line: Int?
  public var byte: Int?

  public init(path: String, line: Int? = nil, byte: Int? = nil) { self.path = path; self.line = line; self.byte = byte }

  public var description: String {
    var s = path
    if let line { s += ":\(line)" }
    if let byte { s += " (byte \(byte))" }
    return s
  }
}

/// Why a document produced an error record instead of an annotation.
public struct DocumentFailure: Error, Sendable, Equatable {
  public enum Kind: String, Sendable {
    case invalidJSON = "invalid_json", missingText = "missing_text", invalidUTF8 = "invalid_utf8"
    case binary, empty, unreadable, tooLarge = "too_large", internalError = "internal"
  }
  public var kind: Kind
  public var message: String
  public var location: SourceLocation
  /// The document's id when it could be read (a JSON line with an id but no text), else nil.
  public var documentID: String?

  public init(kind: Kind, message: String, location: SourceLocation, documentID: String? = nil) {
    self.kind = kind; self.message = message; self.location = location; self.documentID = documentID
  }

  /// The id of the error record: the document's own id, else `path:line`, else the path.
  public var recordID: String {
    if let documentID { return documentID }
    if let line = location.line { return "\(location.path):\(line)" }
    return location.path
  }
}
