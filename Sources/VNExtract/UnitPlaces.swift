import VNCore

/// Places after a unit's head: the listed and unlisted place phrases (`tỉnh Nghệ An`, `TP.HCM`, `phường Tam
/// Bình`), bare level words and `Nhà nước`.
extension DocumentScan {
  /// `tỉnh`, `huyện`, `xã`, `thành phố` at `k` with no place name, number or `thành` after it: the end of the level word.
  func bareLevelEnd(at k: Int) -> Int? {
    let key = pieces[k].key
    var e = k + 1
    if key == keys.thanh {
      guard isWord(k + 1), pieces[k + 1].key == keys.pho else { return nil }
      e = k + 2
    } else if key != keys.tinh, key != keys.huyen, key != keys.xa {
      return nil
    }
    guard e < pieces.count, pieces[e].isWord else { return e }
    let next = pieces[e]
    if next.isCap || next.key == keys.thanh || next.flags.contains(.hasDigit) { return nil }
    return e
  }

  func hasPlace(at k: Int) -> Bool {
    for h in hits(at: k) where h.source == .place { return true }
    return false
  }

  struct PlacePhrase { var end: Int; var bare: Bool; var commune: Bool; var listed = true }

  /// A place after a head: `tỉnh Nghệ An`, `TP.Hà Nội`, `TP.HCM`, `quận 1`, `Quảng Nam` (a province or
  /// district name alone), or a type word alone (`bare`: `Công an phường`).
  func place(at j: Int) -> PlacePhrase? {
    guard isWord(j) else { return nil }
    let hs = hits(at: j)
    // TP.HCM, TPHCM, TP HCM.
    if let h = hs.filter({ $0.source == .abbreviation && r.abbreviations[Int($0.index)].expansion.hasPrefix("Thành phố") })
      .max(by: { $0.length < $1.length }) {
      return PlacePhrase(end: j + Int(h.length), bare: false, commune: false)
    }
    if pieces[j].isCap, let h = hs.filter({ $0.source == .place }).max(by: { $0.length < $1.length }) {
      // `Ban Pháp chế`: a place name that is the first syllable of a unit-name word is that word.
      if let e = cue(.unitNameWord, at: j), e > j + Int(h.length) { return nil }
      return PlacePhrase(end: j + Int(h.length), bare: false, commune: false)
    }
    guard let t = cue(.placeType, at: j) else { return nil }
    let commune = pieces[j].key == keys.xa
    var k = t
    // `TP.Hà Nội`, and `TP. Đà Nẵng` with a space after the dot.
    if isPunct(k, ".") && isCapWord(k + 1) && (!pieces[k + 1].flags.contains(.spaceBefore) || hits(at: k + 1).contains { $0.source == .place }) { k += 1 }
    let hk = hits(at: k)
    if isCapWord(k), let h = hk.filter({ $0.source == .place }).max(by: { $0.length < $1.length }) {
      return PlacePhrase(end: k + Int(h.length), bare: false, commune: commune)
    }
    // An unlisted commune or ward: a capitalised run (`phường Tam Bình`) or a number (`Quận 1`).
    var e = k
    while e < k + 4 && isWord(e) && (pieces[e].isCap || pieces[e].flags.contains(.digitsOnly))
      && (!pieces[e].flags.contains(.sentenceStart) || e == k && isPunct(k - 1, ".")) && !pieces[e].flags.contains(.allUpper)
      && (!startsOther(e) || (e == k && twoWordPlace(k)) || (e > k && !isCapWord(e + 1) && !pieces[e].flags.contains(.allUpper)
          && !hits(at: e).contains { $0.source == .title || $0.source == .rank })) {
      e += 1
      if pieces[e - 1].flags.contains(.digitsOnly) { break }
    }
    // Provinces and cities are listed: an unlisted run after `tỉnh`/`TP` that starts with a surname is a person
    // (`Phó Chủ tịch UBND tỉnh Trần Châu`); wards named after people stay places (`phường Trần Phú`).
    if e > k && (pieces[j].key == keys.tinh || pieces[j].key == keys.tp) && r.surnames.contains(pieces[k].exact) {
      return PlacePhrase(end: t, bare: true, commune: commune)
    }
    if e > k { return PlacePhrase(end: e, bare: false, commune: commune, listed: false) }
    return PlacePhrase(end: t, bare: true, commune: commune)
  }

  /// `xã Bạch Lưu`: after a place type, exactly two capitalised words, no title or unit, are the place's name.
  func twoWordPlace(_ k: Int) -> Bool {
    isCapWord(k + 1) && !isCapWord(k + 2) && !hits(at: k).contains { $0.source == .title || $0.source == .unitHead || $0.source == .unit || $0.source == .rank }
  }

  /// `Nhà nước` at `k`.
  func isNhaNuoc(_ k: Int) -> Bool {
    isCapWord(k) && isWord(k + 1) && pieces[k].key == keys.nha && pieces[k + 1].key == keys.nuoc
  }
}
