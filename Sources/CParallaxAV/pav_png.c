#include "pav_internal.h"

#include <stdlib.h>
#include <string.h>

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

int pav_png_write(const char *path, int channels, const uint8_t *pixels, int width, int height,
                  char *error, size_t error_size) {
    if (channels != 1 && channels != 3 && channels != 4) return pav_fail(PAV_EINVALID, error, error_size, "channels must be 1, 3 or 4");
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = (png_uint_32)width;
    image.height = (png_uint_32)height;
    image.format = format_for(channels);
    // Fast zlib settings: step images are written hundreds of times per project.
    image.flags = PNG_IMAGE_FLAG_FAST;
    if (!png_image_write_to_file(&image, path, 0, pixels, 0, NULL))
        return pav_fail(PAV_EPNG, error, error_size, "cannot write PNG: %s", image.message);
    return 0;
}
