/// Where the tone mark goes in the open-syllable nuclei `oa`, `oe` and `uy`, the only place the two
/// Vietnamese conventions differ (vietnamese-entities.md §6.4).
public enum ToneStyle: String, Sendable, CaseIterable {
  /// `hòa`, `khỏe`, `thủy`, `ủy`: the traditional placement most news sites and state documents use.
  case classic
  /// `hoà`, `khoẻ`, `thuỷ`, `uỷ`: the placement of the 1980s spelling rules (the "new" style).
  case modern
}
