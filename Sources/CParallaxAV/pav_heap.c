// How the render's heap gives memory back. libavfilter copies and frees pictures of several MB
// every step (framesync's writable copies in overlay, decoded steps, packets); glibc keeps what
// is freed at the top of its heaps until a threshold that by default grows with the largest
// block freed, so those pictures stayed part of the render's peak. A fixed 1 MB threshold gives
// them back (measured in docs/rendering.md).
#include "pav_internal.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

void pav_release_freed_frames(void) {
#if defined(__GLIBC__)
    mallopt(M_TRIM_THRESHOLD, 1 << 20);
#endif
}
