import Foundation
import Testing
import VNCore
@testable import VNEvaluate

@Suite("Evaluator: schemes, labels, missing documents, officials")
struct EvaluatorTests {
  static func gold(_ id: String, _ spans: [Span], officials: [OfficialEntry]? = nil) -> GoldDocument {
    GoldDocument(id: id, text: String(repeating: "x", count: 100), entities: spans, officials: officials,
                 location: SourceLocation(path: "gold.jsonl", line: 1))
  }
  static func pred(_ id: String, _ spans: [Span], officials: [OfficialEntry]? = nil, failure: String? = nil) -> PredictedDocument {
    PredictedDocument(id: id, entities: spans, officials: officials, failure: failure, location: SourceLocation(path: "pred.jsonl", line: 1))
  }

  @Test("the SemEval-2013 worked example: strict, exact, partial and ent_type counts")
  func semEvalExample() {
    // The five cases of the nervaluate README: one per outcome.
    let g = [Span(label: "PER", start: 0, end: 5), Span(label: "LOC", start: 10, end: 15), Span(label: "ORG", start: 20, end: 30),
             Span(label: "PER", start: 40, end: 45), Span(label: "ORG", start: 50, end: 60)]
    let p = [Span(label: "PER", start: 0, end: 5),       // correct everywhere
             Span(label: "ORG", start: 10, end: 15),     // wrong label, same bounds
             Span(label: "ORG", start: 22, end: 30),     // same label, wrong bounds
             Span(label: "LOC", start: 41, end: 45),     // wrong label and bounds
             Span(label: "MISC", start: 70, end: 75)]    // spurious; ORG 50-60 missed
    let r = Evaluator(options: EvaluationOptions(labels: ["PER", "LOC", "ORG", "MISC"], bootstrap: Bootstrap(resamples: 0)))
      .evaluate(gold: [Self.gold("d", g)], predictions: [Self.pred("d", p)])
    #expect(r.scheme(.strict).counts == Counts(correct: 1, incorrect: 3, partial: 0, missed: 1, spurious: 1))
    #expect(r.scheme(.exact).counts == Counts(correct: 2, incorrect: 2, partial: 0, missed: 1, spurious: 1))
    #expect(r.scheme(.partial).counts == Counts(correct: 2, incorrect: 0, partial: 2, missed: 1, spurious: 1))
    #expect(r.scheme(.entType).counts == Counts(correct: 2, incorrect: 2, partial: 0, missed: 1, spurious: 1))
    let partial = r.scheme(.partial).micro
    #expect(abs(partial.precision - 3.0 / 5.0) < 1e-12)   // (COR + 0.5 PAR) / ACT
    #expect(abs(partial.recall - 3.0 / 5.0) < 1e-12)
    #expect(r.documents[0].errors.map(\.kind) == [.wrongLabel, .wrongBoundary, .wrongLabelAndBoundary, .missed, .spurious])
  }

  @Test("--map relabels both sides; a target of nothing drops the label")
  func labelMapping() throws {
    let map = try LabelMap(parsing: "PER=OFFICIAL, ORG=UNIT,LOC=")
    let r = Evaluator(options: EvaluationOptions(map: map, bootstrap: Bootstrap(resamples: 0))).evaluate(
      gold: [Self.gold("d", [Span(label: "OFFICIAL", start: 0, end: 5), Span(label: "UNIT", start: 10, end: 20)])],
      predictions: [Self.pred("d", [Span(label: "PER", start: 0, end: 5), Span(label: "ORG", start: 10, end: 20),
                                    Span(label: "LOC", start: 30, end: 35), Span(label: "MISC", start: 40, end: 45)])])
    #expect(r.scheme(.strict).counts == Counts(correct: 2))
    #expect(r.ignoredPredictedLabels == ["MISC": 1])
    #expect(r.usedLabels == ["OFFICIAL", "UNIT"])
    #expect(throws: EvalError.self) { try LabelMap(parsing: "PER") }
    #expect(throws: EvalError.self) { try LabelMap(parsing: "PER=A,PER=B") }
  }

  @Test("--labels restricts both sides and the per-label table")
  func labelRestriction() {
    let r = Evaluator(options: EvaluationOptions(labels: ["RANK"], bootstrap: Bootstrap(resamples: 0))).evaluate(
      gold: [Self.gold("d", [Span(label: "RANK", start: 0, end: 5), Span(label: "UNIT", start: 10, end: 20)])],
      predictions: [Self.pred("d", [Span(label: "RANK", start: 0, end: 5), Span(label: "TITLE", start: 30, end: 35)])])
    #expect(r.scheme(.strict).counts == Counts(correct: 1))
    #expect(r.usedLabels == ["RANK"])
    #expect(r.ignoredGoldLabels == ["UNIT": 1])
    #expect(r.ignoredPredictedLabels == ["TITLE": 1])
  }

  @Test("gold documents without prediction count as all missed and are reported; extra ids are ignored")
  func missingDocuments() {
    let r = Evaluator(options: EvaluationOptions(bootstrap: Bootstrap(resamples: 0))).evaluate(
      gold: [Self.gold("a", [Span(label: "UNIT", start: 0, end: 5)]), Self.gold("b", [Span(label: "UNIT", start: 0, end: 5)]),
             Self.gold("c", [Span(label: "RANK", start: 0, end: 5)])],
      predictions: [Self.pred("a", [Span(label: "UNIT", start: 0, end: 5)]), Self.pred("c", [], failure: "empty: empty document"),
                    Self.pred("zzz", [Span(label: "UNIT", start: 0, end: 5)])])
    #expect(r.scheme(.strict).counts == Counts(correct: 1, missed: 2))
    #expect(r.missing == ["b"])
    #expect(r.failed.map(\.id) == ["c"])
    #expect(r.extra == ["zzz"])
    let table = TableReport.render(r, sources: ReportSources(gold: ["g"], predictions: "p"))
    #expect(table.contains("1 gold document(s) have no prediction, scored as all missed: b"))
    #expect(table.contains("1 prediction(s) are error records, scored as all missed: c (empty: empty document)"))
  }

  @Test("macro averages the per-label scores; micro pools the counts")
  func macroMicro() {
    let r = Evaluator(options: EvaluationOptions(bootstrap: Bootstrap(resamples: 0))).evaluate(
      gold: [Self.gold("d", [Span(label: "RANK", start: 0, end: 5), Span(label: "UNIT", start: 10, end: 15),
                             Span(label: "UNIT", start: 20, end: 25), Span(label: "UNIT", start: 30, end: 35)])],
      predictions: [Self.pred("d", [Span(label: "RANK", start: 0, end: 5)])])
    let strict = r.scheme(.strict)
    #expect(abs(strict.micro.recall - 0.25) < 1e-12)
    #expect(abs(strict.macro.recall - 0.5) < 1e-12)       // (1 + 0) / 2
    #expect(abs(strict.macro.precision - 0.5) < 1e-12)    // RANK 1, UNIT 0 (no predictions)
  }

  @Test("officials match after the search-key fold; rank, titles and units are scored on matches")
  func officials() {
    let gold = [OfficialEntry(name: "Nguyễn Văn Thành", rank: "Thượng tướng", titles: ["Thứ trưởng"], units: ["Bộ Công an"]),
                OfficialEntry(name: "Nguyễn Văn Khảo", rank: "Trung tướng", titles: ["Cục trưởng"], units: ["Cục V28"]),
                OfficialEntry(name: "Tô Lâm", rank: nil, titles: ["Bộ trưởng"], units: ["Bộ Công an"])]
    let pred = [OfficialEntry(name: "NGUYỄN VĂN THÀNH", rank: "thượng tướng", titles: ["Thứ trưởng"], units: ["Bộ Công an"]),
                OfficialEntry(name: "Nguyen Van Khao", rank: "Thiếu tướng", titles: ["Cục trưởng"], units: []),
                OfficialEntry(name: "Lê Văn Tâm")]
    let r = Evaluator(options: EvaluationOptions(bootstrap: Bootstrap(resamples: 0))).evaluate(
      gold: [Self.gold("d", [], officials: gold), Self.gold("e", [])],
      predictions: [Self.pred("d", [], officials: pred)])
    let o = try! #require(r.officials)
    #expect(o.gold == 3 && o.predicted == 3 && o.matched == 2)
    #expect(o.rankCorrect == 1 && o.titlesCorrect == 2 && o.unitsCorrect == 1)
    #expect(abs(o.recall - 2.0 / 3.0) < 1e-12)
    let lines = String(decoding: ErrorsReport.render(r), as: UTF8.self).split(separator: "\n")
    #expect(lines.filter { $0.contains("\"official_missed\"") }.count == 1)
    #expect(lines.filter { $0.contains("\"official_spurious\"") }.count == 1)
    #expect(lines.contains { $0.contains("\"official_attributes\"") && $0.contains(#""wrong":["rank","units"]"#) })
  }

  @Test("the bootstrap interval is seeded, ordered and contains the point estimate")
  func bootstrap() {
    var docs: [GoldDocument] = [], preds: [PredictedDocument] = []
    for i in 0..<30 {
      docs.append(Self.gold("d\(i)", [Span(label: "UNIT", start: 0, end: 5), Span(label: "RANK", start: 10, end: 15)]))
      preds.append(Self.pred("d\(i)", i % 3 == 0 ? [] : [Span(label: "UNIT", start: 0, end: 5), Span(label: "RANK", start: 10, end: 14)]))
    }
    let options = EvaluationOptions(bootstrap: Bootstrap(resamples: 500, seed: 7))
    let a = Evaluator(options: options).evaluate(gold: docs, predictions: preds).scheme(.strict)
    let b = Evaluator(options: options).evaluate(gold: docs, predictions: preds).scheme(.strict)
    let ci = try! #require(a.f1Interval)
    #expect(ci.lower == b.f1Interval?.lower && ci.upper == b.f1Interval?.upper)
    #expect(ci.lower < a.micro.f1 && a.micro.f1 < ci.upper)
    #expect(ci.lower > 0.2 && ci.upper < 0.6)
  }

  @Test("overlap is measured as nervaluate does: adjacent spans do not overlap")
  func adjacency() {
    let m = SpanMatcher()
    #expect(m.overlapPercent(Span(label: "A", start: 5, end: 10), Span(label: "A", start: 0, end: 5)) == 0)
    #expect(m.overlapPercent(Span(label: "A", start: 4, end: 10), Span(label: "A", start: 0, end: 5)) == 20)
    // 1 character of a 200-character span is 0.5% < the default 1%: not an overlap.
    #expect(!m.overlaps(Span(label: "A", start: 0, end: 1), Span(label: "A", start: 0, end: 200)))
  }
}
