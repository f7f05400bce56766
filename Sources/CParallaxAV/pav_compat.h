// The FFmpeg releases the shim builds against, and every difference between them it relies on:
// the one place that reads the libraries' version macros.
//
// Supported: FFmpeg 5.1 (libavfilter 8.44, libavcodec 59.37, libavutil 57.28) and newer. The shim
// uses only API that FFmpeg 7, 8 and 9 kept: AVChannelLayout (ch_layout, never the channels /
// channel_layout fields 7.0 removed), av_buffersink_get_type/get_ch_layout, frames without
// key_frame/pkt_duration, filter pads only through avfilter_link (never the AVFilterContext pad
// arrays). ShimTests checks the sources for the removed names.
#ifndef PAV_COMPAT_H
#define PAV_COMPAT_H

#include <libavfilter/version.h>
#include <libavcodec/version.h>
#include <libavutil/version.h>

#if LIBAVFILTER_VERSION_INT < AV_VERSION_INT(8, 44, 100) || LIBAVUTIL_VERSION_INT < AV_VERSION_INT(57, 28, 100)
#error "parallax needs FFmpeg 5.1 or newer (av_buffersink_get_ch_layout, AVChannelLayout)"
#endif

// avcodec_close() is deprecated from FFmpeg 7.1 and gone later; the shim frees contexts instead.
// Nothing else differs between 5.1 and today's releases for the calls made here; a future
// difference gets its macro below, next to the version that introduced it.

#endif
