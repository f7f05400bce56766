// Drives every path of the C shim (render, composite only, bad graph, bad option, cancel, PNG
// read/write and a damaged PNG) several times in one process, for AddressSanitizer and
// LeakSanitizer. Built by scripts/asan.sh straight from Sources/CParallaxAV, with no Swift
// runtime in the process, so every leak report is the shim's or FFmpeg's own.
//
//   shim_driver GRAPH.lavfi OUTPUT.mp4 STEP.png DAMAGED.png
#include "pav.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;

static void expect(int condition, const char *what, const char *detail) {
    if (condition) return;
    fprintf(stderr, "shim_driver: %s (%s)\n", what, detail);
    failures++;
}

static char *read_text(const char *path) {
    FILE *file = fopen(path, "rb");
    if (!file) return NULL;
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    char *text = malloc((size_t)size + 1);
    size_t got = fread(text, 1, (size_t)size, file);
    text[got] = 0;
    fclose(file);
    return text;
}

static int cancel_at_ten(void *context, int64_t frames) {
    (void)context;
    return frames == 10;
}

static int render(const char *graph, const char *output, int encode, const char *options, pav_progress_fn progress,
                  char *error, size_t error_size) {
    pav_stream_spec stream = {.sink_label = "vout", .encoder = "libx264", .encoder_options = options};
    pav_render_spec spec = {
        .graph_text = graph, .output_path = output, .format_name = NULL,
        .muxer_options = "movflags=+faststart", .streams = &stream, .stream_count = 1,
        .encode = encode, .filter_threads = 0, .progress = progress, .progress_context = NULL,
    };
    return pav_render(&spec, error, error_size);
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: shim_driver GRAPH.lavfi OUTPUT.mp4 STEP.png DAMAGED.png\n");
        return 2;
    }
    char *graph = read_text(argv[1]);
    if (!graph) { perror(argv[1]); return 2; }
    char error[1024];
    for (int round = 0; round < 3; round++) {
        expect(render(graph, argv[2], 1, "crf=18\npreset=ultrafast", NULL, error, sizeof error) == 0, "render", error);
        expect(render(graph, NULL, 0, "", NULL, error, sizeof error) == 0, "composite only", error);
        expect(render("nullsrc,nosuchfilter[vout]", argv[2], 1, "", NULL, error, sizeof error) < 0, "bad graph refused", error);
        expect(render(graph, argv[2], 1, "crf=18\nno_such_option=1", NULL, error, sizeof error) < 0, "bad option refused", error);
        expect(render(graph, "/nonexistent-folder/x.mp4", 1, "crf=18", NULL, error, sizeof error) < 0, "bad path refused", error);
        pav_reset_cancel();
        expect(render(graph, argv[2], 1, "crf=18\npreset=ultrafast", cancel_at_ten, error, sizeof error) == PAV_ECANCELLED,
               "cancel", error);
        pav_reset_cancel();

        uint8_t *pixels = NULL;
        int width = 0, height = 0;
        expect(pav_png_read(argv[3], 3, &pixels, &width, &height, error, sizeof error) == 0, "png read", error);
        expect(pav_png_write(argv[2], 3, pixels, width, height, PAV_PNG_COMPACT, error, sizeof error) == 0, "png write", error);
        expect(pav_png_write(argv[2], 3, pixels, width, height, PAV_PNG_QUICK_TO_DECODE, error, sizeof error) == 0,
               "png write quick to decode", error);
        // libpng refuses a zero width from inside png_set_IHDR (a longjmp out of the writer).
        expect(pav_png_write(argv[2], 3, pixels, 0, height, PAV_PNG_QUICK_TO_DECODE, error, sizeof error) < 0,
               "png write of no pixels refused", error);
        expect(pav_png_write("/nonexistent-folder/x.png", 3, pixels, width, height, PAV_PNG_QUICK_TO_DECODE, error,
                             sizeof error) < 0, "png write to a bad path refused", error);
        pav_free(pixels);
        expect(pav_png_read(argv[3], 1, &pixels, &width, &height, error, sizeof error) == 0, "png read gray", error);
        pav_free(pixels);
        pixels = NULL;
        expect(pav_png_read(argv[4], 3, &pixels, &width, &height, error, sizeof error) < 0, "damaged png refused", error);
        pav_free(pixels);

        char value[256];
        expect(pav_graph_option_value("nullsrc,metadata@probe=mode=add:key=k:value='a\\,b'[out]", "probe", "value",
                                      value, sizeof value, error, sizeof error) == 0, "option value", error);
    }
    free(graph);
    remove(argv[2]);
    if (failures) return 1;
    printf("shim_driver: all shim paths ran 3 times\n");
    return 0;
}
