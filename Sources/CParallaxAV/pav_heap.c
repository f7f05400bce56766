// How the render's heap gives memory back. libavfilter copies and frees pictures of several MB
// every step (framesync's writable copies in overlay, decoded steps, packets). By default glibc
// raises its mmap threshold to the largest block freed, so after the first such picture the
// next ones come from the heap, and what is freed there stays part of the render's peak. Fixed
// thresholds keep multi-MB pictures in their own mappings, returned when freed (measured in
// docs/rendering.md).
#include "pav_internal.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

void pav_release_freed_frames(void) {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
    mallopt(M_TRIM_THRESHOLD, 1 << 20);
#endif
}
