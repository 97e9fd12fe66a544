import VNCore

/// The format of a gold or prediction file: the guidelines' JSONL or CoNLL BIO columns.
public enum InputFormat: String, Sendable, CaseIterable {
  /// `.jsonl`/`.json`/`.gz`, or a first non-blank line starting with `{`, is JSONL; anything else CoNLL.
  case auto
  case jsonl
  case conll

  func resolved(path: String, bytes: [UInt8]) -> InputFormat {
    guard self == .auto else { return self }
    if path.hasSuffix(".jsonl") || path.hasSuffix(".json") || path.hasSuffix(".gz") { return .jsonl }
    let first = bytes.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
    return first == UInt8(ascii: "{") ? .jsonl : .conll
  }
}

/// Reads gold and prediction files in any supported format into documents.
public struct InputLoader: Sendable {
  public var reader: FileBytesReader

  public init(reader: FileBytesReader = FileBytesReader()) { self.reader = reader }

  /// Reads gold files, resolving stand-off texts from `textFrom` archives and then from `fallback`
  /// (texts carried by the predictions); ids must be unique across all files.
  public func gold(_ paths: [String], format: InputFormat = .auto, textFrom: [String] = [],
                   fallback: [String: (text: String, from: String)] = [:]) throws(EvalError) -> [GoldDocument] {
    var documents: [GoldDocument] = []
    var seen: [String: SourceLocation] = [:]
    var records: [GoldReader.Record] = []
    var conll: [GoldDocument] = []
    var order: [(isRecord: Bool, index: Int)] = []
    for path in paths {
      let bytes = try reader.read(path)
      switch format.resolved(path: path, bytes: bytes) {
      case .conll:
        for d in try ConllReader().read(path: path, bytes: bytes) { order.append((false, conll.count)); conll.append(d) }
      default:
        for r in try GoldReader().records(path: path, bytes: bytes) { order.append((true, records.count)); records.append(r) }
      }
    }
    let needed = Set(records.filter { $0.text == nil }.map(\.id))
    let archive = needed.isEmpty ? TextArchive(paths: textFrom)
      : try TextArchive.load(textFrom, ids: needed, reader: reader)
    let resolved = try GoldReader().resolve(records, archives: archive, fallback: fallback)
    for (isRecord, index) in order {
      let d = isRecord ? resolved[index] : conll[index]
      if let first = seen[d.id] { throw .duplicateID(d.location, id: d.id, first: first) }
      seen[d.id] = d.location
      documents.append(d)
    }
    return documents
  }

  /// Reads a prediction file (JSONL, or CoNLL columns read like gold).
  public func predictions(_ path: String, format: InputFormat = .auto) throws(EvalError) -> [PredictedDocument] {
    let bytes = try reader.read(path)
    switch format.resolved(path: path, bytes: bytes) {
    case .conll:
      return try ConllReader().read(path: path, bytes: bytes).map {
        PredictedDocument(id: $0.id, text: $0.text, entities: $0.entities, location: $0.location)
      }
    default:
      return try PredictionReader().read(path: path, bytes: bytes)
    }
  }
}
