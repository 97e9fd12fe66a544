import VNCore
import VNOutput

/// The error list (`--errors`): JSONL, one line per strict-scheme error, officials error or missing
/// prediction, in document order then text order.
///
/// `{"id", "kind", "gold": {"start","end","label","text"} | null, "predicted": … | null,
///   "context": {"start", "end", "text"}}`; the context is the ±40 characters around both spans.
/// Officials errors have kinds `official_missed`, `official_spurious`, `official_attributes` (with
/// `"wrong": ["rank", "titles", "units"]`) and records `{"name","rank","titles","units"}`;
/// a gold document without prediction gives one `missing_prediction` (or `failed_prediction`) line first.
public enum ErrorsReport {
  public static let contextWidth = 40

  public static func render(_ r: EvaluationReport) -> [UInt8] {
    var w = JSONWriter(capacity: 1 << 16)
    for d in r.documents {
      let text = ScalarText(d.text)
      switch d.status {
      case .predicted: break
      case .missing:
        w.beginObject(); w.key("id"); w.string(d.id); w.key("kind"); w.string("missing_prediction"); w.endObject(); w.newline()
      case .failed(let message):
        w.beginObject(); w.key("id"); w.string(d.id); w.key("kind"); w.string("failed_prediction")
        w.key("message"); w.string(message); w.endObject(); w.newline()
      }
      for e in d.errors {
        let g = e.gold.map { d.gold[$0] }, p = e.predicted.map { d.predicted[$0] }
        w.beginObject()
        w.key("id"); w.string(d.id)
        w.key("kind"); w.string(e.kind.rawValue)
        w.key("gold"); span(g, text, into: &w)
        w.key("predicted"); span(p, text, into: &w)
        let lo = min(g?.start ?? .max, p?.start ?? .max), hi = max(g?.end ?? 0, p?.end ?? 0)
        let cs = max(0, min(lo, text.count) - contextWidth), ce = min(text.count, hi + contextWidth)
        w.key("context"); w.beginObject()
        w.key("start"); w.int(cs); w.key("end"); w.int(ce); w.key("text"); w.string(cs < ce ? text.slice(cs, ce) : "")
        w.endObject()
        w.endObject(); w.newline()
      }
      for pair in d.officialsPairs {
        let kind: String
        var wrong: [String] = []
        switch (pair.gold, pair.predicted) {
        case (_?, nil): kind = "official_missed"
        case (nil, _?): kind = "official_spurious"
        default:
          if !pair.rankCorrect { wrong.append("rank") }
          if !pair.titlesCorrect { wrong.append("titles") }
          if !pair.unitsCorrect { wrong.append("units") }
          guard !wrong.isEmpty else { continue }
          kind = "official_attributes"
        }
        w.beginObject()
        w.key("id"); w.string(d.id)
        w.key("kind"); w.string(kind)
        w.key("gold"); official(pair.gold, into: &w)
        w.key("predicted"); official(pair.predicted, into: &w)
        if !wrong.isEmpty { w.key("wrong"); w.beginArray(); for x in wrong { w.string(x) }; w.endArray() }
        w.endObject(); w.newline()
      }
    }
    return w.bytes
  }

  static func span(_ s: Span?, _ text: ScalarText, into w: inout JSONWriter) {
    guard let s else { w.null(); return }
    w.beginObject()
    w.key("start"); w.int(s.start); w.key("end"); w.int(s.end); w.key("label"); w.string(s.label)
    w.key("text")
    if let t = s.text { w.string(t) } else if s.end <= text.count { w.string(text.slice(s.start, s.end)) } else { w.null() }
    w.endObject()
  }

  static func official(_ o: OfficialEntry?, into w: inout JSONWriter) {
    guard let o else { w.null(); return }
    w.beginObject()
    w.key("name"); w.string(o.name)
    w.key("rank"); if let r = o.rank { w.string(r) } else { w.null() }
    w.key("titles"); w.beginArray(); for t in o.titles { w.string(t) }; w.endArray()
    w.key("units"); w.beginArray(); for u in o.units { w.string(u) }; w.endArray()
    w.endObject()
  }
}
