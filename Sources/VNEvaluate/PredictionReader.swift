import VNCore

/// Reads predictions: vnmine's JSONL output (`schema` `vnmine/1`, error records included) or any JSONL
/// whose lines have `id` and `entities` (`start`, `end`, `label`; other fields ignored).
///
/// An error record `{"id", "error": {"message", …}}` becomes a failed prediction, scored as all missed.
public struct PredictionReader: Sendable {
  public init() {}

  public func read(path: String, bytes: [UInt8]) throws(EvalError) -> [PredictedDocument] {
    var out: [PredictedDocument] = []
    var seen: [String: SourceLocation] = [:]
    try JSONLines(path: path, bytes: bytes).forEach { (location, object) throws(EvalError) in
      let id = try object.string("id")
      if let first = seen[id] { throw .duplicateID(location, id: id, first: first) }
      seen[id] = location
      if object.has("error") {
        let error = object.object("error")
        let message = (error?.values["message"] as? String) ?? (object.values["error"] as? String) ?? "error record"
        let kind = error?.values["kind"] as? String
        out.append(PredictedDocument(id: id, entities: [], failure: kind.map { "\($0): \(message)" } ?? message,
                                     location: location))
        return
      }
      guard let entityObjects = try object.objects("entities", itemName: "entity") else {
        throw object.fail("missing \"entities\" (a prediction line needs \"id\" and \"entities\", or \"error\")")
      }
      var entities: [Span] = []
      for e in entityObjects {
        let label = try e.string("label")
        let start = try e.int("start"), end = try e.int("end")
        guard start >= 0, start < end else { throw e.fail("needs 0 <= start < end, got start \(start), end \(end)") }
        entities.append(Span(label: label, start: start, end: end, text: try e.optionalString("text")))
      }
      out.append(PredictedDocument(id: id, text: try object.optionalString("text"), entities: entities,
                                   officials: try GoldReader.officials(object), location: location))
    }
    return out
  }
}
