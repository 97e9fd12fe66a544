import ArgumentParser
import Foundation
import VNIndex

struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show the profile of an official, unit or directive from the index.",
    discussion: """
      vnmine show official "nguyen van thanh" | vnmine show official 12 | vnmine show unit "Bộ Công an" | \
      vnmine show directive 09-CT/TW. Names match after folding (case, marks, đ); homonyms are all shown.
      """
  )

  @Argument(help: "official, unit or directive.")
  var kind: IndexedKind
  @Argument(help: "A name (official, unit), a key or name (directive), or a numeric id.")
  var name: [String]
  @OptionGroup var database: IndexDatabaseOption
  @Option(help: "Maximum rows per list (documents, co-mentions).")
  var limit: Int = 20
  @Flag(help: "Print the profile(s) as JSON.")
  var json = false

  func run() throws {
    let reader = try IndexReader(path: database.path)
    let q = name.joined(separator: " ")
    let enc = JSONEncoder()
    enc.keyEncodingStrategy = .convertToSnakeCase
    enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var text: [String] = []
    let exact: Bool
    let data: Data
    switch kind {
    case .official:
      let r = try reader.officials(matching: q, limit: limit)
      (exact, data) = (r.exact, try enc.encode(r.profiles))
      text = r.profiles.map(ProfileText.official)
    case .unit:
      let r = try reader.units(matching: q, limit: limit)
      (exact, data) = (r.exact, try enc.encode(r.profiles))
      text = r.profiles.map(ProfileText.unit)
    case .directive:
      let r = try reader.directives(matching: q, limit: limit)
      (exact, data) = (r.exact, try enc.encode(r.profiles))
      text = r.profiles.map(ProfileText.directive)
    }
    if json {
      print(String(decoding: data, as: UTF8.self))
      return
    }
    guard !text.isEmpty else { throw ValidationError("no \(kind.rawValue) matches \"\(q)\" in \(database.path)") }
    if !exact { print("(no \(kind.rawValue) named \"\(q)\"; closest match)\n") }
    if text.count > 1 { print("\(text.count) \(kind.rawValue)s named \"\(q)\" (kept apart: their facts conflict)\n") }
    print(text.joined(separator: "\n"), terminator: "")
  }
}

/// Plain-text rendering of profiles.
enum ProfileText {
  static func seen(_ first: String?, _ last: String?) -> String {
    guard let first else { return "undated" }
    return first == last || last == nil ? first : "\(first) … \(last!)"
  }

  static func docs(_ n: Int) -> String { count(n, "document") }

  static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }

  static func pad(_ s: String, _ width: Int) -> String { s.count >= width ? s + "  " : s + String(repeating: " ", count: width - s.count) }

  static func spans(_ title: String, _ spans: [FactSpan], into out: inout String) {
    guard !spans.isEmpty else { return }
    out += "\(title)\n"
    for s in spans { out += "  \(pad(s.value, 28))\(pad(seen(s.firstSeen, s.lastSeen), 26))\(docs(s.documents))\n" }
  }

  static func mentions(_ title: String, _ list: [CoMention], into out: inout String) {
    guard !list.isEmpty else { return }
    out += "\(title)\n"
    for m in list { out += "  #\(m.id) \(pad(m.name, 40))\(docs(m.documents))\n" }
  }

  static func documents(_ list: [DocumentRef], total: Int, into out: inout String) {
    guard !list.isEmpty else { return }
    out += "Documents (latest first\(total > list.count ? ", \(list.count) of \(total)" : ""))\n"
    for d in list {
      out += "  \(pad(d.date ?? "undated", 11))\(d.id)"
      if let t = d.title { out += "  \(t)" }
      out += "  (\(d.mentions) mention\(d.mentions == 1 ? "" : "s"))\n"
    }
  }

  static func official(_ p: OfficialProfile) -> String {
    var out = "\(p.name)  (official #\(p.id)\(p.force.map { ", " + $0 } ?? ""))\n"
    out += "  \(count(p.mentions, "mention")) in \(docs(p.documentCount)); seen \(seen(p.firstSeen, p.lastSeen))\n"
    spans("Ranks", p.ranks, into: &out)
    spans("Titles", p.titles, into: &out)
    spans("Units", p.units, into: &out)
    if p.names.count > 1 { spans("Names used", p.names, into: &out) }
    mentions("Directives cited alongside", p.directives, into: &out)
    mentions("Officials named alongside", p.coMentionedOfficials, into: &out)
    documents(p.documents, total: p.documentCount, into: &out)
    return out
  }

  static func unit(_ p: UnitProfile) -> String {
    var out = "\(p.name)  (unit #\(p.id)\(p.code.map { ", " + $0 } ?? ""))\n"
    if let parent = p.parent { out += "  part of \(parent)\n" }
    out += "  \(count(p.mentions, "mention")) in \(docs(p.documentCount)); seen \(seen(p.firstSeen, p.lastSeen))\n"
    spans("Written as", p.aliases, into: &out)
    mentions("Officials", p.officials, into: &out)
    mentions("Directives cited alongside", p.directives, into: &out)
    documents(p.documents, total: p.documentCount, into: &out)
    return out
  }

  static func directive(_ p: DirectiveProfile) -> String {
    var out = "\(p.name)  (directive #\(p.id)\(p.key.map { ", " + $0 } ?? ""))\n"
    let fields: [(String, String?)] = [
      ("type", p.type), ("number", p.number), ("year", p.year.map(String.init)), ("symbol", p.symbol),
      ("issuer", p.issuer), ("issued", p.issued), ("title", p.title),
    ]
    for (k, v) in fields { if let v { out += "  \(pad(k + ":", 8))\(v)\n" } }
    out += "  \(count(p.mentions, "mention")) in \(docs(p.documentCount)); seen \(seen(p.firstSeen, p.lastSeen))\n"
    spans("Written as", p.aliases, into: &out)
    mentions("Officials named alongside", p.officials, into: &out)
    mentions("Units named alongside", p.units, into: &out)
    documents(p.documents, total: p.documentCount, into: &out)
    return out
  }
}
