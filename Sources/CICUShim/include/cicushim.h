#ifndef CICUSHIM_H
#define CICUSHIM_H
/// A thin C wrapper around system ICU. Its public surface uses only <stdint.h> types and an opaque
/// struct, because a module that exposes ICU headers clashes with Foundation's own ICU copy
/// (see ../shared/notes/swift-icu-sqlite.md). ICU is included only in cicushim.c.
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Error codes use ICU's UErrorCode values; <= 0 is success or a warning.
typedef int32_t vn_status;

/// NFC of `src` into `dst`. Returns the length needed; if > cap, nothing useful was written.
int32_t vn_nfc(const uint16_t *src, int32_t len, uint16_t *dst, int32_t cap, vn_status *status);
/// NFD of `src` into `dst`, as vn_nfc.
int32_t vn_nfd(const uint16_t *src, int32_t len, uint16_t *dst, int32_t cap, vn_status *status);
/// 1 when `src` is already NFC (ICU's full check after a quick check), 0 otherwise.
int32_t vn_is_nfc(const uint16_t *src, int32_t len);

typedef struct vn_breaker vn_breaker;
enum { VN_BREAK_WORD = 0, VN_BREAK_SENTENCE = 1 };
/// Opens a break iterator of the given kind for the root locale. Not thread-safe: one per worker.
vn_breaker *vn_breaker_open(int32_t kind, vn_status *status);
void vn_breaker_close(vn_breaker *b);
/// Runs the iterator over `text` and writes every boundary after 0 (ascending, the last is `len`)
/// into `pos`, with the rule status of the segment that ends there into `status_out` (may be NULL).
/// Returns the number of boundaries, or -needed when `cap` is too small.
int32_t vn_breaker_run(vn_breaker *b, const uint16_t *text, int32_t len,
                       int32_t *pos, int32_t *status_out, int32_t cap, vn_status *status);

/// ICU's Sentence_Break property value (USentenceBreak: 0 Other, 1 ATerm, 2 Close, 3 Format, 4 Lower,
/// 5 Numeric, 6 OLetter, 7 Sep, 8 Sp, 9 STerm, 10 Upper, 11 CR, 12 Extend, 13 LF, 14 SContinue) of `c`.
int32_t vn_sentence_break_class(uint32_t c);
/// ICU's Word_Break property value (UWordBreakValues: 0 Other, 1 ALetter, 2 Format, 3 Katakana, 4 MidLetter,
/// 5 MidNum, 6 Numeric, 7 ExtendNumLet, 8 CR, 9 Extend, 10 LF, 11 MidNumLet, 12 Newline, 13 Regional_Indicator,
/// 14 Hebrew_Letter, 15 Single_Quote, 16 Double_Quote, … 21 ZWJ, 22 WSegSpace) of `c`.
int32_t vn_word_break_class(uint32_t c);

#ifdef __cplusplus
}
#endif
#endif
