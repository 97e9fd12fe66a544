import VNCore

/// Reads CoNLL-style BIO columns (the form of VLSP NER data) and rebuilds text and offsets.
///
/// One token per line, its tag in the last column, a blank line between sentences:
/// ```
/// Trung_tướng   B-RANK          (tab- or space-separated; the token is the first column)
/// Nguyễn Văn Khảo	B-OFFICIAL      (with tabs, a token may hold spaces)
/// ```
/// Syllables joined by `_` become words joined by spaces; tokens are joined by one space and sentences
/// by a newline, and every span is re-counted in Unicode code points of that text. Tags are IOB2
/// (`B-X` begins), IOB1 (`I-X` after `O` or another type begins), or BIOES/BILOU (`S-`/`U-` single,
/// `E-`/`L-` last). Documents: the parts between `-DOCSTART-` lines when the file has any, else each
/// sentence. An id comes from a preceding `# id = …`, `# doc_id = …` or `# sent_id = …` comment, else
/// `<file stem>-<n>` (1-based). A `#` line is a comment unless its last column is a tag (`# O` is a token).
public struct ConllReader: Sendable {
  public init() {}

  private struct Token { var text: String; var tag: Tag; var line: Int }
  private enum Tag: Equatable { case outside; case begin(String), inside(String), end(String), single(String) }

  public func read(path: String, bytes: [UInt8]) throws(EvalError) -> [GoldDocument] {
    let content = String(decoding: bytes, as: UTF8.self)
    let lines = content.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
    }
    let hasDocStart = lines.contains { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).first == "-DOCSTART-" }
    let stem = Self.stem(path)
    var documents: [GoldDocument] = []
    var seen: [String: SourceLocation] = [:]
    var sentences: [[Token]] = []
    var sentence: [Token] = []
    var pendingID: String?
    var docID: String?
    var docLine = 0

    func flushSentence() {
      if !sentence.isEmpty { sentences.append(sentence); sentence = [] }
    }
    func flushDocument() throws(EvalError) {
      flushSentence()
      guard !sentences.isEmpty else { return }
      let id = docID ?? "\(stem)-\(documents.count + 1)"
      let location = SourceLocation(path: path, line: docLine)
      if let first = seen[id] { throw .duplicateID(location, id: id, first: first) }
      seen[id] = location
      documents.append(try Self.build(id: id, sentences: sentences, location: location))
      sentences = []; docID = nil
    }

    for (i, line) in lines.enumerated() {
      let number = i + 1
      let trimmed = line.trimmingSpaces()
      if trimmed.isEmpty {
        flushSentence()
        if !hasDocStart { try flushDocument() }
        continue
      }
      let fields = Self.fields(line)
      if fields[0] == "-DOCSTART-" {
        try flushDocument()
        pendingID = nil
        docID = fields.count > 1 && Self.tag(fields[fields.count - 1]) == nil ? fields[1...].joined(separator: " ") : nil
        docLine = number + 1
        continue
      }
      if trimmed.hasPrefix("#") && (fields.count < 2 || Self.tag(fields[fields.count - 1]) == nil) {
        if let id = Self.commentID(trimmed) { pendingID = id }
        continue
      }
      guard fields.count >= 2 else {
        throw .malformed(SourceLocation(path: path, line: number), "expected a token and a tag, got \"\(line)\"")
      }
      guard let tag = Self.tag(fields[fields.count - 1]) else {
        throw .malformed(SourceLocation(path: path, line: number),
                         "\"\(fields[fields.count - 1])\" is not a BIO tag (O, B-X, I-X, E-X, S-X)")
      }
      if sentences.isEmpty && sentence.isEmpty {
        if let p = pendingID { docID = p; pendingID = nil }
        if !hasDocStart || docLine == 0 { docLine = number }
      }
      sentence.append(Token(text: Self.words(fields[0]), tag: tag, line: number))
    }
    try flushDocument()
    return documents
  }

  /// Text and spans of one document.
  private static func build(id: String, sentences: [[Token]], location: SourceLocation) throws(EvalError) -> GoldDocument {
    var text = ""
    var offset = 0
    var spans: [Span] = []
    var open: (label: String, start: Int)?
    var lastEnd = 0
    func close() { if let o = open { spans.append(Span(label: o.label, start: o.start, end: lastEnd)); open = nil } }
    for (s, sentence) in sentences.enumerated() {
      if s > 0 { close(); text += "\n"; offset += 1 }
      for (t, token) in sentence.enumerated() {
        if t > 0 { text += " "; offset += 1 }
        let start = offset
        text += token.text
        offset += token.text.unicodeScalars.count
        switch token.tag {
        case .outside: close()
        case .begin(let label): close(); open = (label, start)
        case .single(let label): close(); spans.append(Span(label: label, start: start, end: offset))
        case .inside(let label), .end(let label):
          if open?.label != label { close(); open = (label, start) }
          if case .end = token.tag { lastEnd = offset; close(); continue }
        }
        lastEnd = offset
      }
    }
    close()
    let scalars = ScalarText(text)
    for i in spans.indices { spans[i].text = scalars.slice(spans[i].start, spans[i].end) }
    return GoldDocument(id: id, text: text, entities: spans, officials: nil, location: location)
  }

  private static func fields(_ line: String) -> [String] {
    if line.contains("\t") {
      return line.split(separator: "\t", omittingEmptySubsequences: true).map { String($0).trimmingSpaces() }
        .filter { !$0.isEmpty }
    }
    return line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
  }

  private static func tag(_ s: String) -> Tag? {
    if s == "O" { return .outside }
    let parts = s.split(separator: "-", maxSplits: 1)
    guard parts.count == 2, !parts[1].isEmpty else { return nil }
    let label = String(parts[1])
    switch parts[0] {
    case "B": return .begin(label)
    case "I": return .inside(label)
    case "E", "L": return .end(label)
    case "S", "U": return .single(label)
    default: return nil
    }
  }

  /// `Nguyễn_Văn_Khảo` → `Nguyễn Văn Khảo`; a token made only of underscores stays as it is.
  private static func words(_ token: String) -> String {
    token.allSatisfy({ $0 == "_" }) ? token : token.replacingAll("_", with: " ")
  }

  private static func commentID(_ line: String) -> String? {
    let body = line.drop(while: { $0 == "#" }).trimmingSpaces()
    for key in ["id", "doc_id", "sent_id"] {
      let prefix = key + " ="
      if body.hasPrefix(prefix) {
        let value = body.dropFirst(prefix.count).trimmingSpaces()
        return value.isEmpty ? nil : value
      }
    }
    return nil
  }

  private static func stem(_ path: String) -> String {
    var name = path.split(separator: "/").last.map(String.init) ?? path
    if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
    return name
  }
}

extension StringProtocol {
  func trimmingSpaces() -> String {
    String(self.drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
  }

  func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    for c in self { if c == target { out += replacement } else { out.append(c) } }
    return out
  }
}
