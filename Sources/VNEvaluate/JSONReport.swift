import VNOutput

/// The machine-readable report (`--json`): one object, keys always present and always in this order.
///
/// `{"schema": "vnmine-eval/1", "gold", "predictions", "labels", "min_overlap", "bootstrap",
///   "documents": {"gold", "predicted", "missing", "failed", "extra"}, "ignored_labels",
///   "schemes": {"strict"|"exact"|"partial"|"ent_type": {"micro", "macro", "labels": {LABEL: …}}},
///   "officials": {…} or null}`; counts are `correct, incorrect, partial, missed, spurious, possible,
/// actual`, scores `precision, recall, f1` in [0, 1]; `micro` adds `f1_ci` `[lower, upper]` or null.
public enum JSONReport {
  public static let schema = "vnmine-eval/1"

  public static func render(_ r: EvaluationReport, sources: ReportSources) -> [UInt8] {
    var w = JSONWriter(capacity: 4096)
    w.beginObject()
    w.key("schema"); w.string(schema)
    w.key("gold"); w.beginArray(); for g in sources.gold { w.string(g) }; w.endArray()
    w.key("predictions"); w.string(sources.predictions)
    w.key("labels"); w.beginArray(); for l in r.labels { w.string(l) }; w.endArray()
    w.key("min_overlap"); w.double(r.minOverlap)
    w.key("bootstrap"); w.beginObject()
    w.key("resamples"); w.int(r.bootstrap.resamples)
    w.key("seed"); w.int(Int(truncatingIfNeeded: r.bootstrap.seed))
    w.key("confidence"); w.double(r.bootstrap.confidence)
    w.endObject()

    w.key("documents"); w.beginObject()
    w.key("gold"); w.int(r.documents.count)
    w.key("predicted"); w.int(r.documents.filter { $0.status == .predicted }.count)
    w.key("missing"); w.beginArray(); for id in r.missing { w.string(id) }; w.endArray()
    w.key("failed"); w.beginArray()
    for f in r.failed { w.beginObject(); w.key("id"); w.string(f.id); w.key("message"); w.string(f.message); w.endObject() }
    w.endArray()
    w.key("extra"); w.beginArray(); for id in r.extra { w.string(id) }; w.endArray()
    w.endObject()

    w.key("ignored_labels"); w.beginObject()
    for (name, table) in [("gold", r.ignoredGoldLabels), ("predicted", r.ignoredPredictedLabels)] {
      w.key(name); w.beginObject()
      for (label, n) in table.sorted(by: { $0.key < $1.key }) { w.key(label); w.int(n) }
      w.endObject()
    }
    w.endObject()

    w.key("schemes"); w.beginObject()
    for s in r.schemes {
      w.key(s.scheme.rawValue); w.beginObject()
      w.key("micro"); w.beginObject()
      counts(s.counts, into: &w); scores(s.micro, into: &w)
      w.key("f1_ci")
      if let ci = s.f1Interval { w.beginArray(); w.double(ci.lower); w.double(ci.upper); w.endArray() } else { w.null() }
      w.endObject()
      w.key("macro"); w.beginObject(); scores(s.macro, into: &w); w.endObject()
      w.key("labels"); w.beginObject()
      for label in r.usedLabels {
        let c = s.labels[label] ?? Counts()
        w.key(label); w.beginObject(); counts(c, into: &w); scores(c.scores(s.scheme), into: &w); w.endObject()
      }
      w.endObject()
      w.endObject()
    }
    w.endObject()

    w.key("officials")
    if let o = r.officials {
      w.beginObject()
      w.key("gold"); w.int(o.gold)
      w.key("predicted"); w.int(o.predicted)
      w.key("matched"); w.int(o.matched)
      w.key("precision"); w.double(o.precision)
      w.key("recall"); w.double(o.recall)
      w.key("f1"); w.double(o.f1)
      w.key("rank_accuracy"); w.double(o.rankAccuracy)
      w.key("titles_accuracy"); w.double(o.titlesAccuracy)
      w.key("units_accuracy"); w.double(o.unitsAccuracy)
      w.key("predictions_have_officials"); w.bool(r.predictionsHaveOfficials)
      w.endObject()
    } else {
      w.null()
    }
    w.endObject()
    w.newline()
    return w.bytes
  }

  static func counts(_ c: Counts, into w: inout JSONWriter) {
    w.key("correct"); w.int(c.correct)
    w.key("incorrect"); w.int(c.incorrect)
    w.key("partial"); w.int(c.partial)
    w.key("missed"); w.int(c.missed)
    w.key("spurious"); w.int(c.spurious)
    w.key("possible"); w.int(c.possible)
    w.key("actual"); w.int(c.actual)
  }

  static func scores(_ s: Scores, into w: inout JSONWriter) {
    w.key("precision"); w.double(s.precision)
    w.key("recall"); w.double(s.recall)
    w.key("f1"); w.double(s.f1)
  }
}
