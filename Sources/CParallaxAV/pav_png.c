#include "pav_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

// The step images' PNG setting (bench/step_png.sh measures the choices).
#define PAV_STEP_PNG_LEVEL 0
#define PAV_STEP_PNG_FILTER PNG_FILTER_NONE
#define PAV_STEP_PNG_STRATEGY Z_DEFAULT_STRATEGY

void pav_free(void *pointer) { free(pointer); }

static png_uint_32 format_for(int channels) {
    return channels == 1 ? PNG_FORMAT_GRAY : channels == 4 ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB;
}

int pav_png_read(const char *path, int channels, uint8_t **pixels, int *width, int *height,
                 char *error, size_t error_size) {
    *pixels = NULL;
    if (channels != 1 && channels != 3 && channels != 4) return pav_fail(PAV_EINVALID, error, error_size, "channels must be 1, 3 or 4");
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&image, path))
        return pav_fail(PAV_EPNG, error, error_size, "not a readable PNG: %s", image.message);
    image.format = format_for(channels);
    // 16-bit files from other tools (and the renderer) are sRGB like 8-bit ones, not linear
    // light as libpng assumes without a gAMA chunk: read them as round(v/257).
    image.flags |= PNG_IMAGE_FLAG_16BIT_sRGB;
    size_t size = PNG_IMAGE_SIZE(image);
    uint8_t *buffer = malloc(size);
    if (!buffer) {
        png_image_free(&image);
        return pav_fail(AVERROR(ENOMEM), error, error_size, "allocating %zu bytes", size);
    }
    png_color black = {0, 0, 0};
    if (!png_image_finish_read(&image, &black, buffer, 0, NULL)) {
        free(buffer);
        return pav_fail(PAV_EPNG, error, error_size, "not a readable PNG: %s", image.message);
    }
    *pixels = buffer;
    *width = (int)image.width;
    *height = (int)image.height;
    return 0;
}

// libpng reports errors by longjmp from its error callback: keep the message for the caller.
typedef struct {
    char message[256];
} png_failure;

static void write_failed(png_structp png, png_const_charp message) {
    png_failure *failure = png_get_error_ptr(png);
    snprintf(failure->message, sizeof failure->message, "%s", message);
    png_longjmp(png, 1);
}

static void write_warned(png_structp png, png_const_charp message) {
    (void)png;
    (void)message;
}

// The step images' writer: libpng's full API, so the zlib level and the row filter are ours. The
// file holds IHDR, sRGB, IDAT and IEND, as the compact writer's do; its bytes depend only on the
// pixels, so a resumed step loop writes the same files.
static int write_quick_to_decode(const char *path, int channels, const uint8_t *pixels, int width,
                                 int height, char *error, size_t error_size) {
    FILE *file = fopen(path, "wb");
    if (!file) return pav_fail(PAV_EPNG, error, error_size, "cannot write PNG: %s", strerror(errno));
    png_failure failure = {""};
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &failure, write_failed, write_warned);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    if (!info) {
        png_destroy_write_struct(&png, NULL);
        fclose(file);
        return pav_fail(AVERROR(ENOMEM), error, error_size, "cannot write PNG: out of memory");
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        fclose(file);
        return pav_fail(PAV_EPNG, error, error_size, "cannot write PNG: %s", failure.message);
    }
    int type = channels == 1 ? PNG_COLOR_TYPE_GRAY : channels == 4 ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB;
    png_init_io(png, file);
    png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8, type, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
    png_set_sRGB(png, info, PNG_sRGB_INTENT_PERCEPTUAL);
    // Measured in bench/RESULTS.md (step-png): see docs/step-folder.md for the choice.
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PAV_STEP_PNG_FILTER);
    png_set_compression_level(png, PAV_STEP_PNG_LEVEL);
    png_set_compression_strategy(png, PAV_STEP_PNG_STRATEGY);
    png_write_info(png, info);
    size_t stride = (size_t)width * (size_t)channels;
    for (int row = 0; row < height; row++) png_write_row(png, pixels + (size_t)row * stride);
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    if (fclose(file) != 0) return pav_fail(PAV_EPNG, error, error_size, "cannot write PNG: %s", strerror(errno));
    return 0;
}

int pav_png_write(const char *path, int channels, const uint8_t *pixels, int width, int height,
                  int encoding, char *error, size_t error_size) {
    if (channels != 1 && channels != 3 && channels != 4) return pav_fail(PAV_EINVALID, error, error_size, "channels must be 1, 3 or 4");
    if (encoding == PAV_PNG_QUICK_TO_DECODE)
        return write_quick_to_decode(path, channels, pixels, width, height, error, error_size);
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = (png_uint_32)width;
    image.height = (png_uint_32)height;
    image.format = format_for(channels);
    // Fast zlib settings (no row filter, level 3): masks and pictures nobody decodes per frame.
    image.flags = PNG_IMAGE_FLAG_FAST;
    if (!png_image_write_to_file(&image, path, 0, pixels, 0, NULL))
        return pav_fail(PAV_EPNG, error, error_size, "cannot write PNG: %s", image.message);
    return 0;
}
