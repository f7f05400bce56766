// What the running CPU offers, as libavutil detects it (the same test libx264 makes).
#include "pav_internal.h"

#include <libavutil/cpu.h>

int pav_cpu_has_avx512(void) { return (av_get_cpu_flags() & AV_CPU_FLAG_AVX512) != 0; }
