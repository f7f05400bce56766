// Helpers shared by the shim's files; not part of the public header.
#ifndef PAV_INTERNAL_H
#define PAV_INTERNAL_H

#include "pav.h"
#include "../CFFmpeg/ffmpeg.h"
#include "pav_compat.h"

// Writes "<what>: <libav error text> (<last libav log line>)" into error.
int pav_fail(int code, char *error, size_t error_size, const char *format, ...)
    __attribute__((format(printf, 4, 5)));

// Starts capturing libav's log: nothing is printed, the last error line is kept for messages.
void pav_capture_log(void);

// Parses "key=value" lines into a dictionary without any escape processing.
int pav_dict_from_lines(AVDictionary **dict, const char *lines);

// Makes glibc return freed multi-MB pictures to the system instead of keeping them (process-wide).
void pav_release_freed_frames(void);

#endif
