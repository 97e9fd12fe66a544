#include "cicushim.h"
#include <stdlib.h>
#include <unicode/utypes.h>
#include <unicode/unorm2.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>

int32_t vn_nfc(const uint16_t *src, int32_t len, uint16_t *dst, int32_t cap, vn_status *status) {
  UErrorCode err = U_ZERO_ERROR;
  const UNormalizer2 *n = unorm2_getNFCInstance(&err);
  if (U_FAILURE(err)) { *status = err; return 0; }
  int32_t out = unorm2_normalize(n, (const UChar *)src, len, (UChar *)dst, cap, &err);
  *status = (err == U_BUFFER_OVERFLOW_ERROR) ? U_ZERO_ERROR : err;
  return out;
}

int32_t vn_nfd(const uint16_t *src, int32_t len, uint16_t *dst, int32_t cap, vn_status *status) {
  UErrorCode err = U_ZERO_ERROR;
  const UNormalizer2 *n = unorm2_getNFDInstance(&err);
  if (U_FAILURE(err)) { *status = err; return 0; }
  int32_t out = unorm2_normalize(n, (const UChar *)src, len, (UChar *)dst, cap, &err);
  *status = (err == U_BUFFER_OVERFLOW_ERROR) ? U_ZERO_ERROR : err;
  return out;
}

int32_t vn_is_nfc(const uint16_t *src, int32_t len) {
  UErrorCode err = U_ZERO_ERROR;
  const UNormalizer2 *n = unorm2_getNFCInstance(&err);
  if (U_FAILURE(err)) return 0;
  UNormalizationCheckResult q = unorm2_quickCheck(n, (const UChar *)src, len, &err);
  if (U_FAILURE(err)) return 0;
  if (q == UNORM_YES) return 1;
  if (q == UNORM_NO) return 0;
  err = U_ZERO_ERROR;
  UBool ok = unorm2_isNormalized(n, (const UChar *)src, len, &err);
  return (U_SUCCESS(err) && ok) ? 1 : 0;
}

struct vn_breaker { UBreakIterator *it; };

vn_breaker *vn_breaker_open(int32_t kind, vn_status *status) {
  UErrorCode err = U_ZERO_ERROR;
  UBreakIterator *it = ubrk_open(kind == VN_BREAK_SENTENCE ? UBRK_SENTENCE : UBRK_WORD, "", NULL, 0, &err);
  if (U_FAILURE(err)) { *status = err; return NULL; }
  vn_breaker *b = (vn_breaker *)malloc(sizeof(vn_breaker));
  if (!b) { ubrk_close(it); *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
  b->it = it;
  *status = U_ZERO_ERROR;
  return b;
}

void vn_breaker_close(vn_breaker *b) {
  if (!b) return;
  ubrk_close(b->it);
  free(b);
}

int32_t vn_breaker_run(vn_breaker *b, const uint16_t *text, int32_t len,
                       int32_t *pos, int32_t *status_out, int32_t cap, vn_status *status) {
  UErrorCode err = U_ZERO_ERROR;
  ubrk_setText(b->it, (const UChar *)text, len, &err);
  if (U_FAILURE(err)) { *status = err; return 0; }
  int32_t n = 0;
  ubrk_first(b->it);
  for (int32_t p = ubrk_next(b->it); p != UBRK_DONE; p = ubrk_next(b->it)) {
    if (n < cap) {
      pos[n] = p;
      if (status_out) status_out[n] = ubrk_getRuleStatus(b->it);
    }
    n++;
  }
  /* Detach the text so the iterator holds no pointer into the caller's buffer. */
  static const UChar empty[1] = {0};
  err = U_ZERO_ERROR;
  ubrk_setText(b->it, empty, 0, &err);
  *status = U_ZERO_ERROR;
  return n <= cap ? n : -n;
}

int32_t vn_sentence_break_class(uint32_t c) {
  return u_getIntPropertyValue((UChar32)c, UCHAR_SENTENCE_BREAK);
}

int32_t vn_word_break_class(uint32_t c) {
  return u_getIntPropertyValue((UChar32)c, UCHAR_WORD_BREAK);
}
