import VNCore
import VNExtract
import VNOutput
import VNTokenize

/// Serialises annotated documents as vnmine's JSONL schema (see README "Output schema").
public enum RecordWriter {
  public static let schema = "vnmine/1"

  /// Appends one record (no trailing newline) to `w`.
  public static func write(_ record: AnnotatedDocument, into w: inout JSONWriter) {
    let doc = record.document
    w.beginObject()
    w.key("schema"); w.string(schema)
    w.key("id"); w.string(record.failure?.recordID ?? doc.id)
    w.key("source"); w.string(doc.location.path)
    if let line = doc.location.line { w.key("line"); w.int(line) }
    if let failure = record.failure {
      w.key("error"); w.beginObject()
      w.key("kind"); w.string(failure.kind.rawValue)
      w.key("message"); w.string(failure.message)
      w.key("line"); if let l = failure.location.line { w.int(l) } else { w.null() }
      w.key("byte"); if let b = failure.location.byte { w.int(b) } else { w.null() }
      w.endObject()
      w.endObject()
      return
    }
    for (key, json) in doc.metadata { w.key(key); w.raw(json) }
    w.key("text"); w.string(doc.text)
    w.key("entities"); w.beginArray()
    for e in record.extraction.entities { write(e, into: &w) }
    w.endArray()
    w.key("officials"); w.beginArray()
    for o in record.extraction.officials {
      w.beginObject()
      w.key("id"); w.string(o.id)
      w.key("name"); w.string(o.name)
      w.key("rank"); if let r = o.rank { w.string(r) } else { w.null() }
      w.key("titles"); w.beginArray(); for t in o.titles { w.string(t) }; w.endArray()
      w.key("units"); w.beginArray(); for u in o.units { w.string(u) }; w.endArray()
      w.key("mentions"); w.beginArray(); for m in o.mentions { w.string(m) }; w.endArray()
      w.endObject()
    }
    w.endArray()
    if let t = record.tokens { writeTokens(t, ScalarText(doc.text), into: &w) }
    w.endObject()
  }

  /// The `sentences` and `tokens` members (offsets into the input text), as `vnmine tokenize` and
  /// `vnmine extract --tokens` write them.
  public static func writeTokens(_ t: TokenizedText, _ scalars: ScalarText, into w: inout JSONWriter) {
    w.key("sentences"); w.beginArray()
    for s in t.sentences {
      w.beginObject(); w.key("start"); w.int(s.start); w.key("end"); w.int(s.end); w.endObject()
    }
    w.endArray()
    w.key("tokens"); w.beginArray()
    for k in t.tokens {
      w.beginObject()
      w.key("start"); w.int(k.start); w.key("end"); w.int(k.end)
      w.key("kind"); w.string(k.kind.rawValue)
      w.key("text"); w.string(scalars: scalars.scalars[k.start..<k.end])
      w.endObject()
    }
    w.endArray()
  }

  static func write(_ e: Entity, into w: inout JSONWriter) {
    w.beginObject()
    w.key("id"); w.string(e.id)
    w.key("label"); w.string(e.kind.rawValue)
    w.key("start"); w.int(e.start)
    w.key("end"); w.int(e.end)
    w.key("text"); w.string(e.text)
    w.key("canonical"); if let c = e.canonical { w.string(c) } else { w.null() }
    w.key("attrs"); w.beginObject()
    for (k, v) in e.attributes {
      w.key(k)
      switch v {
      case .string(let s): w.string(s)
      case .int(let i): w.int(i)
      case .bool(let b): w.bool(b)
      case .strings(let a): w.beginArray(); for s in a { w.string(s) }; w.endArray()
      case .null: w.null()
      }
    }
    w.endObject()
    w.key("rule"); w.string(e.rule)
    w.endObject()
  }
}
