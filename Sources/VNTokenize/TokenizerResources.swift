import VNCore
import VNText

extension Tokenizer {
  /// Loads the tokenizer's resources from `models/`: the lexicon (`lexicon/words.tsv`, and
  /// `lexicon/ud-vtb-words.tsv` when present), surnames, segmenter parameters and abbreviations,
  /// plus the user's own word list (one word per line; syllables separated by spaces or `_`).
  public static func load(from models: ModelDirectory, userWords: String? = nil) throws -> Tokenizer {
    var lexicon = Lexicon()
    if models.exists("lexicon/params.tsv") {
      lexicon.params = try SegmenterParameters(table: models.table("lexicon/params.tsv"))
    }
    try lexicon.load(models.table("lexicon/words.tsv"), as: .news)
    for (file, kind) in [("lexicon/ud-vtb-words.tsv", Lexicon.CountKind.vtb), ("lexicon/ud-vtb-splits.tsv", .splits)]
    where models.exists(file) {
      try lexicon.load(models.table(file), as: kind)
    }
    for line in try models.read("lexicon/surnames.txt").split(separator: "\n") where !line.hasPrefix("#") && !line.isEmpty {
      lexicon.addSurname(String(line.split(separator: "\t").first ?? line))
    }
    if let userWords { lexicon.addUserWords(userWords) }
    lexicon.finish()
    var abbreviations: [String] = []
    if models.exists("tokenize/abbreviations.txt") {
      for line in try models.read("tokenize/abbreviations.txt").split(separator: "\n") where !line.hasPrefix("#") && !line.isEmpty {
        abbreviations.append(String(line).lowercased())
      }
    }
    return Tokenizer(lexicon: lexicon, abbreviations: AbbreviationList(words: abbreviations))
  }
}

extension SegmenterParameters {
  init(table: TSVTable) throws(TokenizeError) {
    self.init()
    for row in table.rows {
      guard row.fields.count == 2, let v = Double(row.fields[1]) else {
        throw .badData(path: table.path, line: row.line, message: "expected name<TAB>number")
      }
      switch row.fields[0] {
      case "alpha": alpha = v
      case "vtb_weight": vtbWeight = v
      case "len_penalty": lengthPenalty = v
      case "unk_penalty": unknownPenalty = v
      case "name_cost": nameCost = Float(v)
      case "cap_span_cost": capSpanCost = Float(v)
      case "split_weight": splitWeight = v
      case "split_prior": splitPrior = v
      case "max_word_len":
        guard Int(v) == Lexicon.maxWordLength else {
          throw .badData(path: table.path, line: row.line, message: "max_word_len must be \(Lexicon.maxWordLength)")
        }
      default: continue
      }
    }
  }
}
