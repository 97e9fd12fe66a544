#ifndef CZLIBSHIM_H
#define CZLIBSHIM_H
/// Reading files that may be gzip-compressed, through zlib (gzread reads plain files as they are).
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif
typedef struct vn_gz vn_gz;
/// Opens `path` (or standard input when path is NULL); NULL on failure (errno set).
vn_gz *vn_gz_open(const char *path);
/// Reads up to `len` bytes; returns the count, 0 at end, -1 on error (message in vn_gz_error).
int64_t vn_gz_read(vn_gz *f, uint8_t *buf, int64_t len);
const char *vn_gz_error(vn_gz *f);
void vn_gz_close(vn_gz *f);
#ifdef __cplusplus
}
#endif
#endif
