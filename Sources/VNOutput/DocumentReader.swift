import Foundation
import VNCore
import VNText

/// Reads documents from the expanded inputs, one at a time: each plain-text file is one document, each
/// JSONL line one document. Problems become `DocumentFailure` items, never exceptions, so every input
/// document yields exactly one item (and later exactly one output record).
public final class DocumentReader {
  public typealias Item = Result<Document, DocumentFailure>

  let files: [String]
  let options: ReaderOptions
  let decoder = InputDecoder()
  private var fileIndex = 0
  private var stream: ByteStream?
  private var streamFormat: ReaderOptions.Format = .text
  private var lineNumber = 0

  public init(files: [String], options: ReaderOptions) {
    self.files = files
    self.options = options
  }

  /// The next item, or nil when every input is read.
  public func next() -> Item? {
    while true {
      if let stream {
        if streamFormat == .jsonl {
          if let item = nextJSONLine(stream) { return item }
          self.stream = nil
          continue
        }
        self.stream = nil
        return readText(stream)
      }
      guard fileIndex < files.count else { return nil }
      let path = files[fileIndex]
      fileIndex += 1
      let name = displayName(path)
      do {
        let s = try ByteStream(path: path)
        var format = options.format
        if format == .auto {
          let first = try s.peekFirstNonBlank()
          format = InputSpec.format(ofName: path) ?? (first == UInt8(ascii: "{") ? .jsonl : .text)
        }
        stream = s
        streamFormat = format
        lineNumber = 0
      } catch {
        return .failure(DocumentFailure(kind: .unreadable, message: "\(name): cannot be opened: \(Self.reason(path))",
                                        location: SourceLocation(path: name), documentID: name))
      }
    }
  }

  private func displayName(_ path: String) -> String { path == "-" ? "<stdin>" : path }

  static func reason(_ path: String) -> String {
    var st = stat()
    if stat(path, &st) != 0 { return "no such file" }
    if (st.st_mode & S_IFMT) == S_IFDIR { return "is a directory" }
    return "permission denied"
  }

  private func readText(_ s: ByteStream) -> Item {
    let name = displayName(s.path)
    let loc = SourceLocation(path: name)
    do {
      let (bytes, truncated) = try s.readAll(limit: options.maxDocumentBytes)
      if truncated {
        return .failure(DocumentFailure(kind: .tooLarge, message: "\(name): document larger than \(options.maxDocumentBytes) bytes", location: loc, documentID: name))
      }
      switch decoder.decode(bytes, as: options.encoding) {
      case .failure(let f):
        let kind: DocumentFailure.Kind = if case .binary = f { .binary } else { .invalidUTF8 }
        let line = bytes.prefix(f.byte).reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        return .failure(DocumentFailure(kind: kind, message: "\(name):\(line): \(f.message)",
                                        location: SourceLocation(path: name, line: line, byte: f.byte), documentID: name))
      case .success(let (text, _)):
        var meta: [(key: String, json: [UInt8])] = []
        if options.titleFirstLine, let first = text.split(separator: "\n", maxSplits: 1).first {
          var w = JSONWriter()
          w.string(String(first).trimmingCharacters())
          meta.append((key: "title", json: w.bytes))
        }
        return .success(Document(id: name, location: loc, text: text, metadata: meta))
      }
    } catch {
      return .failure(DocumentFailure(kind: .unreadable, message: "\(name): read error: \(error)", location: loc, documentID: name))
    }
  }

  /// Output keys that input fields may not take; such input fields pass through as `input_<key>`.
  static let reserved: Set<String> = ["schema", "id", "source", "line", "text", "entities", "officials", "error"]

  private func nextJSONLine(_ s: ByteStream) -> Item? {
    let name = displayName(s.path)
    while true {
      let line: (bytes: [UInt8], offset: Int, truncated: Bool)
      do {
        guard let l = try s.nextLine(limit: options.maxDocumentBytes) else { return nil }
        line = l
      } catch {
        lineNumber += 1
        return .failure(DocumentFailure(kind: .unreadable, message: "\(name):\(lineNumber): read error: \(error)",
                                        location: SourceLocation(path: name, line: lineNumber)))
      }
      lineNumber += 1
      var bytes = line.bytes
      if bytes.last == 0x0D { bytes.removeLast() }
      // Blank lines are not documents.
      if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) && !line.truncated { continue }
      let loc = SourceLocation(path: name, line: lineNumber, byte: line.offset)
      let fallbackID = "\(name):\(lineNumber)"
      if line.truncated {
        return .failure(DocumentFailure(kind: .tooLarge, message: "\(name):\(lineNumber): line longer than \(options.maxDocumentBytes) bytes", location: loc))
      }
      return parse(bytes, loc, fallbackID, name)
    }
  }

  private func parse(_ raw: [UInt8], _ loc: SourceLocation, _ fallbackID: String, _ name: String) -> Item {
    var bytes = raw
    if let bad = InputDecoder.firstInvalidUTF8(raw[...]) {
      // Windows-1258 where it fits (then re-encoded as UTF-8), else an error at the exact byte.
      guard case .success(let (text, _)) = decoder.decode(raw, as: .auto) else {
        var l = loc; l.byte = (loc.byte ?? 0) + bad
        let kind: DocumentFailure.Kind = raw.contains(0) ? .binary : .invalidUTF8
        return .failure(DocumentFailure(kind: kind, message: "\(name):\(loc.line ?? 0): invalid UTF-8 at byte \(l.byte!)", location: l))
      }
      bytes = Array(text.utf8)
    }
    let fields: [JSONObjectScanner.Field]
    switch JSONObjectScanner.fields(bytes) {
    case .failure(let e):
      var l = loc; l.byte = (loc.byte ?? 0) + e.offset
      return .failure(DocumentFailure(kind: .invalidJSON, message: "\(name):\(loc.line ?? 0): invalid JSON at column \(e.offset + 1): \(e.message)", location: l))
    case .success(let f): fields = f
    }
    var id = fallbackID
    var text: String?
    var meta: [(key: String, json: [UInt8])] = []
    for f in fields {
      if f.key == options.idField {
        if let s = JSONObjectScanner.string(bytes, f.value) { id = s }
        else if bytes[f.value.lowerBound] != UInt8(ascii: "n") { id = String(decoding: bytes[f.value], as: UTF8.self) }
      } else if f.key == options.textField {
        text = JSONObjectScanner.string(bytes, f.value)
      } else {
        let key = Self.reserved.contains(f.key) ? "input_" + f.key : f.key
        meta.append((key: key, json: Array(bytes[f.value])))
      }
    }
    guard let text else {
      let failure = DocumentFailure(kind: .missingText, message: "\(name):\(loc.line ?? 0): no string field \"\(options.textField)\"", location: loc)
      return .failure(failure.with(id: id))
    }
    return .success(Document(id: id, location: loc, text: text, metadata: meta))
  }
}

extension DocumentFailure {
  /// Failures keep the document id when it is known (set via the message's location otherwise).
  func with(id: String) -> DocumentFailure { var f = self; f.documentID = id; return f }
}

extension String {
  func trimmingCharacters() -> String {
    var s = Substring(self)
    while let c = s.first, c.isWhitespace { s.removeFirst() }
    while let c = s.last, c.isWhitespace { s.removeLast() }
    return String(s)
  }
}
