// Which containers this FFmpeg can write, by name or by a file's extension.
#include "pav_internal.h"

int pav_muxer_exists(const char *name) { return name && av_guess_format(name, NULL, NULL) != NULL; }

int pav_muxer_for_file(const char *path) { return path && av_guess_format(NULL, path, NULL) != NULL; }
