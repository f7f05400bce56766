#include "pav_internal.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static pthread_once_t log_once = PTHREAD_ONCE_INIT;
static _Thread_local char last_log_line[512];

static void capture_callback(void *avcl, int level, const char *format, va_list args) {
    (void)avcl;
    if (level > AV_LOG_ERROR) return;
    char line[512];
    vsnprintf(line, sizeof line, format, args);
    size_t length = strlen(line);
    while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == '\r')) line[--length] = 0;
    if (length > 0) memcpy(last_log_line, line, length + 1);
}

static void install_capture(void) { av_log_set_callback(capture_callback); }

void pav_capture_log(void) {
    pthread_once(&log_once, install_capture);
    last_log_line[0] = 0;
}

int pav_fail(int code, char *error, size_t error_size, const char *format, ...) {
    if (!error || error_size == 0) return code;
    va_list args;
    va_start(args, format);
    int used = vsnprintf(error, error_size, format, args);
    va_end(args);
    if (used < 0 || (size_t)used >= error_size) return code;
    char reason[AV_ERROR_MAX_STRING_SIZE] = "";
    if (code < 0 && code != PAV_EINVALID && code != PAV_ECANCELLED && code != PAV_EPNG)
        av_strerror(code, reason, sizeof reason);
    if (reason[0])
        used += snprintf(error + used, error_size - (size_t)used, ": %s", reason);
    if ((size_t)used < error_size && last_log_line[0])
        snprintf(error + used, error_size - (size_t)used, " (%s)", last_log_line);
    return code;
}

int pav_dict_from_lines(AVDictionary **dict, const char *lines) {
    if (!lines) return 0;
    const char *cursor = lines;
    while (*cursor) {
        const char *end = strchr(cursor, '\n');
        size_t length = end ? (size_t)(end - cursor) : strlen(cursor);
        const char *equals = memchr(cursor, '=', length);
        if (length > 0) {
            if (!equals) return PAV_EINVALID;
            char *key = av_strndup(cursor, (size_t)(equals - cursor));
            char *value = av_strndup(equals + 1, length - (size_t)(equals - cursor) - 1);
            if (!key || !value) { av_free(key); av_free(value); return AVERROR(ENOMEM); }
            int status = av_dict_set(dict, key, value, AV_DICT_DONT_STRDUP_KEY | AV_DICT_DONT_STRDUP_VAL);
            if (status < 0) return status;
        }
        cursor += length + (end ? 1 : 0);
    }
    return 0;
}
