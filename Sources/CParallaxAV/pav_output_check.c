#include "pav_internal.h"

#include <stdio.h>

// Checks, without opening anything, that libavformat has a container for `format_name` (or for
// `output_path`'s extension when it is NULL) and libavcodec has `encoder`.
int pav_check_output(const char *format_name, const char *output_path, const char *encoder,
                     char *error, size_t error_size) {
    pav_capture_log();
    const AVOutputFormat *format = av_guess_format(format_name, format_name ? NULL : output_path, NULL);
    if (!format || (format_name && !av_guess_format(format_name, NULL, NULL))) {
        if (format_name)
            snprintf(error, error_size, "no container named \"%s\" in this FFmpeg", format_name);
        else
            snprintf(error, error_size, "no container for this file name's extension (give --container)");
        return PAV_EINVALID;
    }
    if (encoder && !avcodec_find_encoder_by_name(encoder)) {
        snprintf(error, error_size, "this FFmpeg has no encoder %s", encoder);
        return PAV_EINVALID;
    }
    return 0;
}
