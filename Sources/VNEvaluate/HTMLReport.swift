import Foundation
import VNCore

/// The error browser (`--html`): one self-contained page (inline CSS, a few lines of inline script, no
/// external resources) with the score tables and every document's gold and predicted spans highlighted
/// side by side.
///
/// Spans are coloured by label; a span involved in a strict-scheme error is outlined in red with a wavy
/// underline and its error kind in the tooltip, and each document lists its errors under the texts.
/// Documents with errors come open; a checkbox hides the error-free ones.
public enum HTMLReport {
  public static func render(_ r: EvaluationReport, sources: ReportSources) -> String {
    var h = """
    <!DOCTYPE html>
    <html lang="vi"><head><meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>vnmine eval: \(escape(sources.gold.joined(separator: ", ")))</title>
    <style>\(css(r.labels))</style></head><body>
    <h1>vnmine eval</h1>
    <p class="src">gold: <code>\(escape(sources.gold.joined(separator: ", ")))</code> · predictions: <code>\(escape(sources.predictions))</code>
    · \(r.documents.count) documents</p>

    """
    h += summary(r)
    h += "<p class=\"legend\">" + r.labels.map { "<mark class=\"\(labelClass($0))\">\(escape($0))</mark>" }.joined(separator: " ")
      + " <mark class=\"err\">error</mark> <span class=\"hint\">hover a span for its label and error kind</span></p>\n"
    h += "<label class=\"filter\"><input type=\"checkbox\" id=\"only-errors\"> show only documents with errors</label>\n"
    for d in r.documents { h += document(d) }
    h += """
    <script>
    document.getElementById('only-errors').addEventListener('change', function (e) {
      document.querySelectorAll('details.doc.clean').forEach(function (d) { d.hidden = e.target.checked; });
    });
    </script>
    </body></html>

    """
    return h
  }

  static func summary(_ r: EvaluationReport) -> String {
    var h = "<table class=\"scores\"><tr><th>scheme</th><th>COR</th><th>INC</th><th>PAR</th><th>MIS</th><th>SPU</th>"
      + "<th>POS</th><th>ACT</th><th>precision</th><th>recall</th><th>F1</th><th>F1 \(Int((r.bootstrap.confidence * 100).rounded()))% CI</th><th>macro F1</th></tr>\n"
    for s in r.schemes {
      let c = s.counts
      h += "<tr><td>\(s.scheme.rawValue)</td>" + [c.correct, c.incorrect, c.partial, c.missed, c.spurious, c.possible, c.actual]
        .map { "<td>\($0)</td>" }.joined()
      h += [s.micro.precision, s.micro.recall, s.micro.f1].map { "<td>\(fmt($0))</td>" }.joined()
      h += "<td>" + (s.f1Interval.map { "\(fmt($0.lower))–\(fmt($0.upper))" } ?? "—") + "</td><td>\(fmt(s.macro.f1))</td></tr>\n"
    }
    h += "</table>\n<table class=\"scores\"><tr><th>label (strict)</th><th>COR</th><th>INC</th><th>MIS</th><th>SPU</th>"
      + "<th>precision</th><th>recall</th><th>F1</th><th>F1 ent_type</th></tr>\n"
    let strict = r.scheme(.strict), type = r.scheme(.entType)
    for label in r.usedLabels {
      let c = strict.labels[label] ?? Counts(), s = c.scores(.strict)
      h += "<tr><td><mark class=\"\(labelClass(label))\">\(escape(label))</mark></td><td>\(c.correct)</td><td>\(c.incorrect)</td>"
        + "<td>\(c.missed)</td><td>\(c.spurious)</td><td>\(fmt(s.precision))</td><td>\(fmt(s.recall))</td><td>\(fmt(s.f1))</td>"
        + "<td>\(fmt((type.labels[label] ?? Counts()).scores(.entType).f1))</td></tr>\n"
    }
    h += "</table>\n"
    if let o = r.officials {
      h += "<p class=\"officials\">officials: gold \(o.gold), predicted \(o.predicted), matched \(o.matched) · precision \(fmt(o.precision))"
        + " · recall \(fmt(o.recall)) · F1 \(fmt(o.f1))"
        + (o.matched > 0 ? " · rank \(fmt(o.rankAccuracy)) · titles \(fmt(o.titlesAccuracy)) · units \(fmt(o.unitsAccuracy))" : "") + "</p>\n"
    }
    let notes = TableReport.notes(r).trimmingCharacters(in: .whitespacesAndNewlines)
    if !notes.isEmpty { h += "<pre class=\"notes\">\(escape(notes))</pre>\n" }
    return h
  }

  static func document(_ d: DocumentEvaluation) -> String {
    var goldError: [Int: EntityError.Kind] = [:], predError: [Int: EntityError.Kind] = [:]
    for e in d.errors {
      if let g = e.gold { goldError[g] = e.kind }
      if let p = e.predicted { predError[p] = e.kind }
    }
    let hasErrors = !d.errors.isEmpty || d.status != .predicted
    let c = d.counts[.strict] ?? Counts(), s = c.scores(.strict)
    var status = ""
    switch d.status {
    case .predicted: break
    case .missing: status = " <span class=\"bad\">no prediction</span>"
    case .failed(let m): status = " <span class=\"bad\">prediction failed: \(escape(m))</span>"
    }
    var h = "<details class=\"doc\(hasErrors ? "" : " clean")\"\(hasErrors ? " open" : "")><summary><b>\(escape(d.id))</b>"
      + " · gold \(d.gold.count) · predicted \(d.predicted.count) · errors \(d.errors.count) · strict F1 \(fmt(s.f1))\(status)</summary>\n"
    h += "<div class=\"cols\"><div><h3>gold</h3><div class=\"text\">\(highlight(d.text, d.gold, goldError))</div></div>"
    h += "<div><h3>predicted</h3><div class=\"text\">\(highlight(d.text, d.predicted, predError))</div></div></div>\n"
    if !d.errors.isEmpty {
      h += "<table class=\"errors\"><tr><th>error</th><th>gold</th><th>predicted</th></tr>\n"
      for e in d.errors {
        h += "<tr><td class=\"kind\">\(e.kind.rawValue.replacingOccurrences(of: "_", with: " "))</td>"
          + "<td>\(e.gold.map { spanCell(d.gold[$0], d.text) } ?? "")</td><td>\(e.predicted.map { spanCell(d.predicted[$0], d.text) } ?? "")</td></tr>\n"
      }
      h += "</table>\n"
    }
    let officialErrors = d.officialsPairs.filter { $0.gold == nil || $0.predicted == nil || !($0.rankCorrect && $0.titlesCorrect && $0.unitsCorrect) }
    if !officialErrors.isEmpty {
      h += "<table class=\"errors\"><tr><th>official</th><th>gold</th><th>predicted</th></tr>\n"
      for p in officialErrors {
        let kind = p.gold == nil ? "spurious" : p.predicted == nil ? "missed" : "wrong attributes"
        h += "<tr><td class=\"kind\">\(kind)</td><td>\(p.gold.map(officialCell) ?? "")</td><td>\(p.predicted.map(officialCell) ?? "")</td></tr>\n"
      }
      h += "</table>\n"
    }
    return h + "</details>\n"
  }

  /// The text with `spans` as `<mark>`s; a span overlapping an earlier one on the same side is not drawn
  /// inline (it still appears in the error table).
  static func highlight(_ text: String, _ spans: [Span], _ errors: [Int: EntityError.Kind]) -> String {
    let scalars = ScalarText(text)
    let order = spans.indices.sorted { (spans[$0].start, spans[$0].end) < (spans[$1].start, spans[$1].end) }
    var h = ""
    var cursor = 0
    for i in order {
      let s = spans[i]
      guard s.start >= cursor, s.end <= scalars.count else { continue }
      h += escape(scalars.slice(cursor, s.start))
      let kind = errors[i]
      let title = s.label + (kind.map { " · " + $0.rawValue.replacingOccurrences(of: "_", with: " ") } ?? " · correct")
      h += "<mark class=\"\(labelClass(s.label))\(kind == nil ? "" : " err")\" title=\"\(escape(title))\">"
        + escape(scalars.slice(s.start, s.end)) + "<sub>\(escape(s.label))</sub></mark>"
      cursor = s.end
    }
    return h + escape(scalars.slice(cursor, scalars.count))
  }

  static func spanCell(_ s: Span, _ text: String) -> String {
    let surface = s.text ?? ""
    return "<mark class=\"\(labelClass(s.label))\">\(escape(surface))<sub>\(escape(s.label))</sub></mark> <span class=\"off\">\(s.start)–\(s.end)</span>"
  }

  static func officialCell(_ o: OfficialEntry) -> String {
    var parts = [escape(o.name)]
    if let r = o.rank { parts.append("rank: " + escape(r)) }
    if !o.titles.isEmpty { parts.append("titles: " + escape(o.titles.joined(separator: "; "))) }
    if !o.units.isEmpty { parts.append("units: " + escape(o.units.joined(separator: "; "))) }
    return parts.joined(separator: "<br>")
  }

  static let palette = ["#fde68a", "#bfdbfe", "#fbcfe8", "#bbf7d0", "#ddd6fe", "#fed7aa", "#a5f3fc", "#e5e7eb", "#d9f99d", "#fecdd3"]
  static let fixedColours = ["RANK": 0, "TITLE": 1, "OFFICIAL": 2, "UNIT": 3, "DIRECTIVE": 4]

  static func labelClass(_ label: String) -> String {
    "l-" + String(label.unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) ? Character($0) : "_" })
  }

  static func css(_ labels: [String]) -> String {
    var css = """
    body{font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:24px;color:#111;background:#fafafa}
    h1{font-size:22px;margin:0 0 4px}h3{margin:4px 0;font-size:13px;text-transform:uppercase;color:#555;letter-spacing:.05em}
    .src{color:#444;margin-top:0}code{font-size:13px}
    table{border-collapse:collapse;margin:8px 0 14px;background:#fff}td,th{border:1px solid #ddd;padding:3px 8px;text-align:right;font-size:13px}
    th{background:#f0f0f0}td:first-child,th:first-child{text-align:left}
    table.errors td,table.errors th{text-align:left}td.kind{color:#b91c1c;white-space:nowrap}.off{color:#888;font-size:11px}
    mark{border-radius:3px;padding:0 2px;color:inherit}mark sub{font-size:9px;color:#555;margin-left:2px;vertical-align:baseline}
    mark.err{outline:2px solid #dc2626;text-decoration:underline wavy #dc2626;text-underline-offset:3px}
    .legend mark.err{background:#fff}.hint{color:#777;font-size:12px}
    details.doc{background:#fff;border:1px solid #ddd;border-radius:6px;margin:10px 0;padding:6px 12px}
    details.doc summary{cursor:pointer}.bad{color:#b91c1c;font-weight:600}
    .cols{display:grid;grid-template-columns:1fr 1fr;gap:18px}.text{white-space:pre-wrap;border-top:1px solid #eee;padding-top:4px}
    .notes{background:#fff7ed;border:1px solid #fed7aa;padding:6px 10px;white-space:pre-wrap}.filter{display:block;margin:8px 0}

    """
    var next = fixedColours.count
    for label in labels {
      let index = fixedColours[label] ?? { defer { next += 1 }; return next }()
      css += "mark.\(labelClass(label)){background:\(palette[index % palette.count])}\n"
    }
    return css
  }

  static func fmt(_ v: Double) -> String { String(format: "%.3f", v) }

  static func escape(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for c in s.unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }
}
