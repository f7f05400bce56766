// pav: the thin C shim between Swift and FFmpeg's libraries (and libpng).
//
// Every function returns 0 on success or a negative PAV_E* / AVERROR code, and on failure writes
// a readable one-line message into the caller's `error` buffer. No libav type crosses this header.
#ifndef PAV_H
#define PAV_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum {
    PAV_OK = 0,
    PAV_ECANCELLED = -1001,   // Ctrl-C or pav_request_cancel() stopped the job
    PAV_EINVALID = -1002,     // a caller error: bad spec, missing sink, bad option
    PAV_EPNG = -1003,         // libpng could not read or write an image
};

// One output stream: frames pulled from the open graph output `sink_label` and encoded.
typedef struct pav_stream_spec {
    const char *sink_label;        // open output label of the graph, without brackets
    const char *encoder;           // e.g. "libx264", "aac"; NULL when not encoding
    const char *encoder_options;   // "key=value" lines separated by '\n', taken verbatim
} pav_stream_spec;

// Called after each video frame; a non-zero return stops this job as cancelled (the global
// interrupt flag below stops every job).
typedef int (*pav_progress_fn)(void *context, int64_t video_frames_done);

typedef struct pav_render_spec {
    const char *graph_text;        // filter graph text; its open outputs are the sinks
    const char *output_path;       // where the muxer writes (callers pass a temporary name)
    const char *format_name;       // muxer short name ("mp4", "image2"); NULL guesses by name
    const char *muxer_options;     // "key=value" lines, e.g. "movflags=+faststart"
    const pav_stream_spec *streams;
    int stream_count;
    int encode;                    // 0: pull and discard frames (compositing only, no file)
    int filter_threads;            // 0: libavfilter's default
    pav_progress_fn progress;      // may be NULL; called after each video frame, may stop the job
    void *progress_context;
    const char *metadata;          // "key=value" lines written as container metadata; may be NULL
} pav_render_spec;

// Runs the graph to its end, encoding and muxing each stream. Returns frames done via progress.
int pav_render(const pav_render_spec *spec, char *error, size_t error_size);

// Starts argv[0] (looked up on PATH) in its own process group, with default signal handling,
// stdin and stdout from the given descriptors (-1: /dev/null), stderr appended to log_path and
// close_fds closed. On Linux the child is killed when this process dies (PR_SET_PDEATHSIG), so
// a SIGKILLed parallax leaves no inpainter behind. Returns 0 and the child's pid, or a message.
int pav_spawn(char *const argv[], int stdin_fd, int stdout_fd, const char *log_path,
              const int *close_fds, int close_count, int *child_pid, char *error, size_t error_size);

// Checks before any work that there is a container for `format_name` (or, when NULL, for
// `output_path`'s extension) and, when given, an encoder named `encoder`.
int pav_check_output(const char *format_name, const char *output_path, const char *encoder,
                     char *error, size_t error_size);

// What pav_probe reads from a file's first video stream and its container.
typedef struct pav_probe_info {
    int width, height;
    int rate_num, rate_den;        // the stream's average frame rate
    char codec[32];                // codec short name, e.g. "h264"
    char pixel_format[32];
    int has_audio;
} pav_probe_info;

// Reads a video file's first video stream parameters and its container metadata, as
// "key=value" lines (values without newlines) into `metadata`.
int pav_probe(const char *path, pav_probe_info *info, char *metadata, size_t metadata_size,
              char *error, size_t error_size);

// Joins the video streams of `part_count` files by stream copy (no decoding, no encoding):
// part i's packets are shifted to start at frame start_frames[i] of rate rate_num/rate_den, so
// time stamps run on without a gap. Fails when a part holds another number of frames than
// frame_counts[i], does not start with a key frame, or has other codec headers than part 0.
// When `audio_path` is set, that file's first audio stream is copied alongside, interleaved by
// time. Writes `output_path` (callers pass a temporary name).
typedef struct pav_concat_spec {
    const char *const *part_paths;
    const int64_t *start_frames;
    const int64_t *frame_counts;   // frames each part must hold (its range's length)
    int part_count;
    int rate_num, rate_den;
    const char *audio_path;        // may be NULL
    const char *output_path;
    const char *format_name;       // NULL guesses by name
    const char *muxer_options;     // "key=value" lines
    const char *metadata;          // "key=value" lines of container metadata; may be NULL
    int64_t video_packets;         // out: video packets written
    int64_t audio_packets;         // out: audio packets written
} pav_concat_spec;

int pav_concat(pav_concat_spec *spec, char *error, size_t error_size);

// Parses `graph_text` with libavfilter's own parser and reads back option `option` of the
// filter whose instance name is `filter_name` (the part after '@'). Used to prove escaping.
int pav_graph_option_value(const char *graph_text, const char *filter_name, const char *option,
                           char *value, size_t value_size, char *error, size_t error_size);

// Cancellation: the first SIGINT/SIGTERM sets a flag that running jobs poll; a second one
// terminates the process as usual.
void pav_install_interrupt_handler(void);
void pav_request_cancel(void);
void pav_reset_cancel(void);
int pav_cancel_requested(void);

// 1 when this FFmpeg has a muxer of that short name ("mp4", "matroska"), else 0.
int pav_muxer_exists(const char *name);
// 1 when this FFmpeg picks a muxer from the file name's extension alone, else 0.
int pav_muxer_for_file(const char *path);

// 1 when the CPU and OS support the AVX-512 subset libx264 uses (F, CD, BW, DQ, VL), else 0.
int pav_cpu_has_avx512(void);

// 8-bit RGB (3 bytes per pixel) or gray (1 byte) PNG I/O through libpng. Any PNG is converted
// on read (palette, 16-bit, alpha dropped against black). Pixels are malloc'd; free with pav_free.
int pav_png_read(const char *path, int channels, uint8_t **pixels, int *width, int *height,
                 char *error, size_t error_size);
// How pav_png_write compresses. Both give standard PNGs of the same pixels, whose bytes depend
// only on the pixels: COMPACT (libpng's fast simplified writer) for masks and pictures read once;
// QUICK_TO_DECODE for step images and strips, which the render decodes once per step.
enum { PAV_PNG_COMPACT = 0, PAV_PNG_QUICK_TO_DECODE = 1 };
int pav_png_write(const char *path, int channels, const uint8_t *pixels, int width, int height,
                  int encoding, char *error, size_t error_size);
void pav_free(void *pointer);

#ifdef __cplusplus
}
#endif
#endif
