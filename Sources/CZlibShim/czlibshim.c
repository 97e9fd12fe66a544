#include "czlibshim.h"
#include <zlib.h>
#include <stdlib.h>
#include <unistd.h>

struct vn_gz { gzFile f; };

vn_gz *vn_gz_open(const char *path) {
  gzFile f = path ? gzopen(path, "rb") : gzdopen(dup(STDIN_FILENO), "rb");
  if (!f) return NULL;
  gzbuffer(f, 1 << 17);
  vn_gz *g = (vn_gz *)malloc(sizeof(vn_gz));
  if (!g) { gzclose(f); return NULL; }
  g->f = f;
  return g;
}

int64_t vn_gz_read(vn_gz *g, uint8_t *buf, int64_t len) {
  if (len > (1 << 30)) len = 1 << 30;
  int n = gzread(g->f, buf, (unsigned)len);
  return n < 0 ? -1 : (int64_t)n;
}

const char *vn_gz_error(vn_gz *g) {
  int code = 0;
  return gzerror(g->f, &code);
}

void vn_gz_close(vn_gz *g) {
  if (!g) return;
  gzclose(g->f);
  free(g);
}
