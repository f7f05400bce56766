// Rewrites PNG files with a chosen zlib level, PNG row filter and zlib strategy, timing the
// writes: the measuring tool behind bench/step_png.sh (which step-PNG setting to write) and
// bench/run.sh (the steps each binary under test would have written).
//
//   step_png OUT_DIR SETTING FILE...    prints "<bytes> <write CPU seconds>" for all files
//
// SETTING is `simplified-fast` (libpng's simplified API with PNG_IMAGE_FLAG_FAST: the bytes
// parallax wrote before issue #10) or LEVEL:FILTER[:STRATEGY] through libpng's full API, with
// FILTER one of none, sub, up, avg, paeth, adaptive and STRATEGY one of default, rle, filtered.
// Pixels are read with the simplified API in the file's own layout (gray, RGB or RGBA, 8 bits).
// `0:none` gives the bytes parallax's step writer (pav_png.c, quick to decode) gives.
#include <png.h>
#include <zlib.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double cpu_seconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return (double)now.tv_sec + (double)now.tv_nsec * 1e-9;
}

static int filter_named(const char *name) {
    if (!strcmp(name, "none")) return PNG_FILTER_NONE;
    if (!strcmp(name, "sub")) return PNG_FILTER_SUB;
    if (!strcmp(name, "up")) return PNG_FILTER_UP;
    if (!strcmp(name, "avg")) return PNG_FILTER_AVG;
    if (!strcmp(name, "paeth")) return PNG_FILTER_PAETH;
    if (!strcmp(name, "adaptive")) return PNG_ALL_FILTERS;
    return -1;
}

static int strategy_named(const char *name) {
    if (!strcmp(name, "default")) return Z_DEFAULT_STRATEGY;
    if (!strcmp(name, "rle")) return Z_RLE;
    if (!strcmp(name, "filtered")) return Z_FILTERED;
    return -1;
}

static int write_full(const char *path, const png_image *image, const png_byte *pixels,
                      int level, int filter, int strategy) {
    FILE *file = fopen(path, "wb");
    if (!file) return -1;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    if (!info || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        fclose(file);
        return -1;
    }
    int channels = PNG_IMAGE_SAMPLE_CHANNELS(image->format);
    int type = channels == 1 ? PNG_COLOR_TYPE_GRAY : channels == 4 ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB;
    png_init_io(png, file);
    png_set_IHDR(png, info, image->width, image->height, 8, type, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
    png_set_sRGB(png, info, PNG_sRGB_INTENT_PERCEPTUAL);  // as both of parallax's writers
    png_set_filter(png, PNG_FILTER_TYPE_BASE, filter);
    png_set_compression_level(png, level);
    png_set_compression_strategy(png, strategy);
    png_write_info(png, info);
    size_t stride = (size_t)image->width * (size_t)channels;
    for (png_uint_32 row = 0; row < image->height; row++) png_write_row(png, pixels + row * stride);
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return fclose(file) == 0 ? 0 : -1;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: step_png OUT_DIR simplified-fast|LEVEL:FILTER[:STRATEGY] FILE...\n");
        return 2;
    }
    const char *directory = argv[1], *setting = argv[2];
    int simplified = !strcmp(setting, "simplified-fast");
    int level = 0, filter = 0, strategy = Z_DEFAULT_STRATEGY;
    if (!simplified) {
        char filter_name[32] = "", strategy_name[32] = "default";
        if (sscanf(setting, "%d:%31[a-z]:%31[a-z]", &level, filter_name, strategy_name) < 2 ||
            level < 0 || level > 9 || (filter = filter_named(filter_name)) < 0 ||
            (strategy = strategy_named(strategy_name)) < 0) {
            fprintf(stderr, "step_png: setting %s: want simplified-fast or LEVEL:FILTER[:STRATEGY]\n", setting);
            return 2;
        }
    }
    long long bytes = 0;
    double seconds = 0;
    for (int index = 3; index < argc; index++) {
        png_image image;
        memset(&image, 0, sizeof image);
        image.version = PNG_IMAGE_VERSION;
        if (!png_image_begin_read_from_file(&image, argv[index])) {
            fprintf(stderr, "step_png: %s: %s\n", argv[index], image.message);
            return 1;
        }
        image.format &= PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA;  // 8-bit, no palette
        png_bytep pixels = malloc(PNG_IMAGE_SIZE(image));
        if (!pixels || !png_image_finish_read(&image, NULL, pixels, 0, NULL)) {
            fprintf(stderr, "step_png: %s: %s\n", argv[index], pixels ? image.message : "out of memory");
            return 1;
        }
        const char *name = strrchr(argv[index], '/') ? strrchr(argv[index], '/') + 1 : argv[index];
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", directory, name);
        double start = cpu_seconds();
        int failed;
        if (simplified) {
            png_image out;
            memset(&out, 0, sizeof out);
            out.version = PNG_IMAGE_VERSION;
            out.width = image.width;
            out.height = image.height;
            out.format = image.format;
            out.flags = PNG_IMAGE_FLAG_FAST;
            failed = !png_image_write_to_file(&out, path, 0, pixels, 0, NULL);
        } else {
            failed = write_full(path, &image, pixels, level, filter, strategy) != 0;
        }
        seconds += cpu_seconds() - start;
        free(pixels);
        if (failed) {
            fprintf(stderr, "step_png: cannot write %s\n", path);
            return 1;
        }
        FILE *file = fopen(path, "rb");
        fseek(file, 0, SEEK_END);
        bytes += ftell(file);
        fclose(file);
    }
    printf("%lld %.4f\n", bytes, seconds);
    return 0;
}
