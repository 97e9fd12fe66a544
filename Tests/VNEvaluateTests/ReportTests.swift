import Foundation
import Testing
import VNCore
@testable import VNEvaluate

@Suite("Reports: JSON, errors, HTML, table")
struct ReportTests {
  /// The CoNLL fixture scored against the vnmine-output fixture (one wrong boundary, misses, an error record).
  static func report() throws -> EvaluationReport {
    let loader = InputLoader()
    let gold = try loader.gold([Fixtures.path("vlsp-sample.conll")])
    let preds = try loader.predictions(Fixtures.path("vnmine-output.jsonl"))
    return Evaluator(options: EvaluationOptions(bootstrap: Bootstrap(resamples: 200))).evaluate(gold: gold, predictions: preds)
  }
  static let sources = ReportSources(gold: ["vlsp-sample.conll"], predictions: "vnmine-output.jsonl")

  @Test("fixture scores: strict counts and classified errors")
  func fixtureScores() throws {
    let r = try Self.report()
    #expect(r.scheme(.strict).counts == Counts(correct: 3, incorrect: 1, partial: 0, missed: 5, spurious: 0))
    #expect(r.scheme(.partial).counts == Counts(correct: 3, incorrect: 0, partial: 1, missed: 5, spurious: 0))
    #expect(r.failed.map(\.id) == ["vlsp-2"])
    #expect(r.documents[0].errors.map(\.kind) == [.wrongBoundary, .missed, .missed, .missed])
  }

  @Test("the JSON report parses and keeps its keys in a fixed order")
  func json() throws {
    let bytes = JSONReport.render(try Self.report(), sources: Self.sources)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    #expect(object["schema"] as? String == "vnmine-eval/1")
    let text = String(decoding: bytes, as: UTF8.self)
    let keys = ["\"schema\"", "\"gold\"", "\"predictions\"", "\"labels\"", "\"min_overlap\"", "\"bootstrap\"", "\"documents\"",
                "\"ignored_labels\"", "\"schemes\"", "\"officials\""]
    let positions = keys.map { text.range(of: $0)!.lowerBound }
    #expect(positions == positions.sorted())
    let schemes = try #require(object["schemes"] as? [String: Any])
    #expect(Set(schemes.keys) == ["strict", "exact", "partial", "ent_type"])
    let strict = try #require((schemes["strict"] as? [String: Any])?["micro"] as? [String: Any])
    #expect(strict["correct"] as? Int == 3)
    #expect((strict["f1_ci"] as? [Double])?.count == 2)
    #expect(JSONReport.render(try Self.report(), sources: Self.sources) == bytes)
  }

  @Test("error lines carry kind, both spans and ±40 characters of context")
  func errors() throws {
    let r = try Self.report()
    let lines = String(decoding: ErrorsReport.render(r), as: UTF8.self).split(separator: "\n")
    let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    let boundary = try #require(objects.first { $0["kind"] as? String == "wrong_boundary" })
    #expect((boundary["gold"] as? [String: Any])?["text"] as? String == "Cục trưởng")
    #expect((boundary["predicted"] as? [String: Any])?["text"] as? String == "Cục trưởng Cục")
    let context = try #require(boundary["context"] as? [String: Any])
    #expect(context["start"] as? Int == 0 && context["end"] as? Int == 84)
    #expect(objects.contains { $0["kind"] as? String == "failed_prediction" && $0["id"] as? String == "vlsp-2" })
    #expect(objects.filter { $0["kind"] as? String == "missed" }.count == 5)
  }

  @Test("the HTML page is self-contained and highlights gold and predicted spans, errors marked")
  func html() throws {
    let page = HTMLReport.render(try Self.report(), sources: Self.sources)
    #expect(page.hasPrefix("<!DOCTYPE html>"))
    #expect(!page.contains("http://") && !page.contains("https://") && !page.contains("src="))
    #expect(page.contains(#"<mark class="l-TITLE err" title="TITLE · wrong boundary">Cục trưởng<sub>TITLE</sub></mark>"#))
    #expect(page.contains(#"<mark class="l-TITLE err" title="TITLE · wrong boundary">Cục trưởng Cục<sub>TITLE</sub></mark>"#))
    #expect(page.contains(#"<mark class="l-RANK" title="RANK · correct">Trung tướng<sub>RANK</sub></mark>"#))
    #expect(page.contains("prediction failed: empty: empty document"))
    #expect(HTMLReport.escape("<a & \"b\">") == "&lt;a &amp; &quot;b&quot;&gt;")
  }

  @Test("the table shows every scheme and label")
  func table() throws {
    let table = TableReport.render(try Self.report(), sources: Self.sources)
    for word in ["strict", "exact", "partial", "ent_type", "TITLE", "micro", "macro", "F1 95% CI"] { #expect(table.contains(word)) }
  }
}
