// Runs one filter graph in-process: parse, attach a sink to each open output, encode, mux.
// Two threads in a pipeline: the caller's thread runs the graph and hands each frame's
// reference through a short queue to an encoder thread, which encodes and muxes. So the graph
// composites the next frames while the encoder waits for its own frame threads.
#include "pav_frame_queue.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

// Frames between the graph and the encoder: enough to ride out one slow frame on either side;
// each queued frame holds a picture from the graph's pools.
enum { ENCODER_QUEUE_FRAMES = 2 };

typedef struct output_stream {
    AVFilterContext *sink;
    AVCodecContext *encoder;
    AVStream *stream;
    enum AVMediaType type;
    int64_t next_pts;      // last pts seen, in the sink's time base, to interleave streams
    int finished;
} output_stream;

typedef struct render_job {
    const pav_render_spec *spec;
    AVFilterGraph *graph;
    AVFormatContext *muxer;
    output_stream *streams;
    AVFrame *frame;            // the graph thread's
    int64_t video_frames;
    char *error;
    size_t error_size;
    // The encoder thread's side; it writes only these (and the muxer) until it is joined.
    pav_frame_queue *queue;
    pthread_t encoder_thread;
    int encoder_running;
    AVFrame *encoder_frame;
    AVPacket *packet;
    int encoder_status;
    char *encoder_error;       // error_size bytes, copied to error when the encoder failed
} render_job;

static int configure_graph(render_job *job) {
    const pav_render_spec *spec = job->spec;
    job->graph = avfilter_graph_alloc();
    if (!job->graph) return pav_fail(AVERROR(ENOMEM), job->error, job->error_size, "allocating a filter graph");
    job->graph->nb_threads = spec->filter_threads;
    AVFilterInOut *inputs = NULL, *outputs = NULL;
    int status = avfilter_graph_parse2(job->graph, spec->graph_text, &inputs, &outputs);
    if (status < 0) {
        pav_fail(status, job->error, job->error_size, "parsing the filter graph");
        goto done;
    }
    if (inputs) {
        status = pav_fail(PAV_EINVALID, job->error, job->error_size,
                          "the filter graph has an unconnected input [%s]", inputs->name ? inputs->name : "?");
        goto done;
    }
    for (int i = 0; i < spec->stream_count; i++) {
        AVFilterInOut *open = outputs;
        while (open && (!open->name || strcmp(open->name, spec->streams[i].sink_label) != 0)) open = open->next;
        if (!open) {
            status = pav_fail(PAV_EINVALID, job->error, job->error_size,
                              "the filter graph has no open output [%s]", spec->streams[i].sink_label);
            goto done;
        }
        // The output's media type decides the sink. Rather than read the filter's pad array
        // (not public API in every release), try a video sink and fall back to an audio one:
        // avfilter_link refuses a media type mismatch before changing anything.
        AVFilterContext *sink = NULL;
        const char *sink_names[] = {"buffersink", "abuffersink"};
        for (int kind = 0; kind < 2 && !sink; kind++) {
            char instance[64];
            snprintf(instance, sizeof instance, "pav_sink_%d_%d", i, kind);
            AVFilterContext *candidate = NULL;
            status = avfilter_graph_create_filter(&candidate, avfilter_get_by_name(sink_names[kind]), instance, NULL, NULL,
                                                  job->graph);
            if (status >= 0) status = avfilter_link(open->filter_ctx, (unsigned)open->pad_idx, candidate, 0);
            if (status >= 0) sink = candidate;
            else if (candidate) avfilter_free(candidate);
        }
        if (!sink) {
            pav_fail(status, job->error, job->error_size, "attaching a sink to [%s]", spec->streams[i].sink_label);
            goto done;
        }
        pav_capture_log();  // forget the mismatch a refused first try logged
        job->streams[i].sink = sink;
        job->streams[i].type = strcmp(sink->filter->name, "abuffersink") == 0 ? AVMEDIA_TYPE_AUDIO : AVMEDIA_TYPE_VIDEO;
    }
    int unused = 0;
    for (AVFilterInOut *open = outputs; open; open = open->next) unused++;
    if (unused != spec->stream_count) {
        status = pav_fail(PAV_EINVALID, job->error, job->error_size,
                          "the filter graph has %d open outputs but %d streams were asked for", unused, spec->stream_count);
        goto done;
    }
    status = avfilter_graph_config(job->graph, NULL);
    if (status < 0) pav_fail(status, job->error, job->error_size, "configuring the filter graph");
done:
    avfilter_inout_free(&inputs);
    avfilter_inout_free(&outputs);
    return status;
}

static int open_encoder(render_job *job, int index) {
    const pav_stream_spec *spec = &job->spec->streams[index];
    output_stream *out = &job->streams[index];
    const AVCodec *codec = avcodec_find_encoder_by_name(spec->encoder);
    if (!codec) return pav_fail(PAV_EINVALID, job->error, job->error_size, "this FFmpeg has no encoder %s", spec->encoder);
    out->encoder = avcodec_alloc_context3(codec);
    if (!out->encoder) return pav_fail(AVERROR(ENOMEM), job->error, job->error_size, "allocating encoder %s", spec->encoder);
    AVCodecContext *encoder = out->encoder;
    AVFilterContext *sink = out->sink;
    if (out->type == AVMEDIA_TYPE_VIDEO) {
        encoder->width = av_buffersink_get_w(sink);
        encoder->height = av_buffersink_get_h(sink);
        encoder->pix_fmt = av_buffersink_get_format(sink);
        encoder->sample_aspect_ratio = av_buffersink_get_sample_aspect_ratio(sink);
        if (encoder->sample_aspect_ratio.num <= 0) encoder->sample_aspect_ratio = (AVRational){1, 1};
        AVRational rate = av_buffersink_get_frame_rate(sink);
        encoder->framerate = rate;
        // Like ffmpeg's own CLI: the encoder ticks once per frame, so both paths encode alike.
        encoder->time_base = rate.num > 0 ? av_inv_q(rate) : av_buffersink_get_time_base(sink);
    } else {
        encoder->sample_fmt = av_buffersink_get_format(sink);
        encoder->sample_rate = av_buffersink_get_sample_rate(sink);
        int status = av_buffersink_get_ch_layout(sink, &encoder->ch_layout);
        if (status < 0) return pav_fail(status, job->error, job->error_size, "reading the audio layout");
        encoder->time_base = (AVRational){1, encoder->sample_rate};
    }
    if (job->muxer->oformat->flags & AVFMT_GLOBALHEADER) encoder->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    AVDictionary *options = NULL;
    int status = pav_dict_from_lines(&options, spec->encoder_options);
    // As ffmpeg's CLI does: encoders use all cores unless told otherwise, so both paths match.
    if (status >= 0 && !av_dict_get(options, "threads", NULL, 0)) status = av_dict_set(&options, "threads", "auto", 0);
    if (status < 0) {
        av_dict_free(&options);
        return pav_fail(status, job->error, job->error_size, "bad encoder options for %s", spec->encoder);
    }
    status = avcodec_open2(encoder, codec, &options);
    if (status >= 0 && av_dict_count(options) > 0) {
        const AVDictionaryEntry *unknown = av_dict_get(options, "", NULL, AV_DICT_IGNORE_SUFFIX);
        status = pav_fail(PAV_EINVALID, job->error, job->error_size,
                          "encoder %s has no option %s", spec->encoder, unknown->key);
        av_dict_free(&options);
        return status;
    }
    av_dict_free(&options);
    if (status < 0) return pav_fail(status, job->error, job->error_size, "opening encoder %s", spec->encoder);
    if (out->type == AVMEDIA_TYPE_AUDIO && !(codec->capabilities & AV_CODEC_CAP_VARIABLE_FRAME_SIZE))
        av_buffersink_set_frame_size(sink, (unsigned)encoder->frame_size);
    out->stream = avformat_new_stream(job->muxer, NULL);
    if (!out->stream) return pav_fail(AVERROR(ENOMEM), job->error, job->error_size, "adding a stream");
    out->stream->time_base = encoder->time_base;
    out->stream->avg_frame_rate = encoder->framerate;
    out->stream->sample_aspect_ratio = encoder->sample_aspect_ratio;
    status = avcodec_parameters_from_context(out->stream->codecpar, encoder);
    if (status < 0) return pav_fail(status, job->error, job->error_size, "copying encoder parameters");
    return 0;
}

static int open_output(render_job *job) {
    const pav_render_spec *spec = job->spec;
    int status = avformat_alloc_output_context2(&job->muxer, NULL, spec->format_name, spec->output_path);
    if (status < 0 || !job->muxer)
        return pav_fail(status < 0 ? status : PAV_EINVALID, job->error, job->error_size,
                        "choosing a container for %s", spec->output_path);
    for (int i = 0; i < spec->stream_count; i++) {
        status = open_encoder(job, i);
        if (status < 0) return status;
    }
    if (!(job->muxer->oformat->flags & AVFMT_NOFILE)) {
        status = avio_open(&job->muxer->pb, spec->output_path, AVIO_FLAG_WRITE);
        if (status < 0) return pav_fail(status, job->error, job->error_size, "opening %s for writing", spec->output_path);
    }
    status = pav_dict_from_lines(&job->muxer->metadata, spec->metadata);
    if (status < 0) return pav_fail(status, job->error, job->error_size, "bad container metadata");
    AVDictionary *options = NULL;
    status = pav_dict_from_lines(&options, spec->muxer_options);
    if (status >= 0) status = avformat_write_header(job->muxer, &options);
    av_dict_free(&options);
    if (status < 0) return pav_fail(status, job->error, job->error_size, "writing the header of %s", spec->output_path);
    return 0;
}

// Encoder thread: sends one frame (or NULL to flush) to a stream's encoder and writes every
// packet it returns.
static int encode(render_job *job, output_stream *out, AVFrame *frame) {
    char *error = job->encoder_error;
    size_t error_size = job->error_size;
    int status = avcodec_send_frame(out->encoder, frame);
    if (status < 0) return pav_fail(status, error, error_size, "encoding with %s", out->encoder->codec->name);
    for (;;) {
        status = avcodec_receive_packet(out->encoder, job->packet);
        if (status == AVERROR(EAGAIN) || status == AVERROR_EOF) return 0;
        if (status < 0) return pav_fail(status, error, error_size, "encoding with %s", out->encoder->codec->name);
        job->packet->stream_index = out->stream->index;
        av_packet_rescale_ts(job->packet, out->encoder->time_base, out->stream->time_base);
        status = av_interleaved_write_frame(job->muxer, job->packet);
        if (status < 0) return pav_fail(status, error, error_size, "writing %s", job->spec->output_path);
    }
}

// Encoder thread: encodes what the queue brings, in the order the graph thread pulled it, until
// the queue ends; on a failure (or Ctrl-C) it aborts the queue, which stops the graph thread.
static void *encode_queued_frames(void *context) {
    render_job *job = context;
    pav_capture_log();
    int status = 0;
    for (;;) {
        int stream = 0, end_of_stream = 0;
        int popped = pav_frame_queue_pop(job->queue, &stream, job->encoder_frame, &end_of_stream);
        if (popped <= 0) break;  // drained after the last stream ended, or the graph side aborted
        status = pav_cancel_requested()
            ? pav_fail(PAV_ECANCELLED, job->encoder_error, job->error_size, "cancelled")
            : encode(job, &job->streams[stream], end_of_stream ? NULL : job->encoder_frame);
        av_frame_unref(job->encoder_frame);
        if (status < 0) break;
    }
    job->encoder_status = status;
    if (status < 0) pav_frame_queue_abort(job->queue);
    return NULL;
}

static int start_encoder_thread(render_job *job) {
    job->queue = pav_frame_queue_alloc(ENCODER_QUEUE_FRAMES);
    job->encoder_frame = av_frame_alloc();
    job->packet = av_packet_alloc();
    job->encoder_error = calloc(job->error_size ? job->error_size : 1, 1);
    if (!job->queue || !job->encoder_frame || !job->packet || !job->encoder_error)
        return pav_fail(AVERROR(ENOMEM), job->error, job->error_size, "allocating the encoder's queue");
    int status = pthread_create(&job->encoder_thread, NULL, encode_queued_frames, job);
    if (status != 0) return pav_fail(AVERROR(status), job->error, job->error_size, "starting the encoder thread");
    job->encoder_running = 1;
    return 0;
}

// Ends the encoder thread: lets it drain the queue when the graph side succeeded, else stops it
// at once. Returns the render's status, the encoder's failure (and message) taking the place of
// the queue's abort the graph side saw.
static int join_encoder_thread(render_job *job, int status) {
    if (!job->encoder_running) return status;
    if (status < 0) pav_frame_queue_abort(job->queue);
    else pav_frame_queue_finish(job->queue);
    pthread_join(job->encoder_thread, NULL);
    job->encoder_running = 0;
    if ((status >= 0 || status == PAV_EQUEUE_ABORTED) && job->encoder_status < 0) {
        if (job->error && job->error_size) memcpy(job->error, job->encoder_error, job->error_size);
        return job->encoder_status;
    }
    return status;
}

// Graph thread: hands a frame (NULL: the stream's end) to the encoder thread.
static int hand_to_encoder(render_job *job, output_stream *out, AVFrame *frame) {
    if (frame) {
        if (out->type == AVMEDIA_TYPE_VIDEO) frame->pict_type = AV_PICTURE_TYPE_NONE;
        // The sink's time base need not be the encoder's (concat, xfade and amix pick their
        // own); ffmpeg's CLI rescales here too.
        if (frame->pts != AV_NOPTS_VALUE)
            frame->pts = av_rescale_q(frame->pts, av_buffersink_get_time_base(out->sink), out->encoder->time_base);
    }
    return pav_frame_queue_push(job->queue, (int)(out - job->streams), frame);
}

// Picks the unfinished stream that is furthest behind, so the muxer gets interleaved packets.
static output_stream *next_stream(render_job *job) {
    output_stream *best = NULL;
    for (int i = 0; i < job->spec->stream_count; i++) {
        output_stream *out = &job->streams[i];
        if (out->finished) continue;
        if (!best || av_compare_ts(out->next_pts, av_buffersink_get_time_base(out->sink),
                                   best->next_pts, av_buffersink_get_time_base(best->sink)) < 0)
            best = out;
    }
    return best;
}

static int pull_frames(render_job *job) {
    const pav_render_spec *spec = job->spec;
    for (output_stream *out; (out = next_stream(job));) {
        if (pav_cancel_requested()) return pav_fail(PAV_ECANCELLED, job->error, job->error_size, "cancelled");
        int status = av_buffersink_get_frame(out->sink, job->frame);
        if (status == AVERROR_EOF) {
            out->finished = 1;
            if (spec->encode) {
                status = hand_to_encoder(job, out, NULL);
                if (status < 0) return status;
            }
            continue;
        }
        if (status < 0) return pav_fail(status, job->error, job->error_size, "running the filter graph");
        if (job->frame->pts != AV_NOPTS_VALUE) out->next_pts = job->frame->pts;
        if (spec->encode) status = hand_to_encoder(job, out, job->frame);
        av_frame_unref(job->frame);
        if (status < 0) return status;
        if (out->type == AVMEDIA_TYPE_VIDEO) {
            job->video_frames++;
            if (spec->progress && spec->progress(spec->progress_context, job->video_frames))
                return pav_fail(PAV_ECANCELLED, job->error, job->error_size, "cancelled");
        }
    }
    return 0;
}

static void release(render_job *job) {
    pav_frame_queue_free(&job->queue);
    av_frame_free(&job->encoder_frame);
    free(job->encoder_error);
    if (job->streams)
        for (int i = 0; i < job->spec->stream_count; i++) avcodec_free_context(&job->streams[i].encoder);
    av_free(job->streams);
    if (job->muxer) {
        if (!(job->muxer->oformat->flags & AVFMT_NOFILE)) avio_closep(&job->muxer->pb);
        avformat_free_context(job->muxer);
    }
    avfilter_graph_free(&job->graph);
    av_frame_free(&job->frame);
    av_packet_free(&job->packet);
}

int pav_render(const pav_render_spec *spec, char *error, size_t error_size) {
    pav_capture_log();
    // Encoding, the render's peak is the encoder's plus the graph's: freed pictures go back.
    if (spec->encode) pav_release_freed_frames();
    render_job job = {.spec = spec, .error = error, .error_size = error_size};
    if (error && error_size) error[0] = 0;
    if (spec->stream_count < 1) return pav_fail(PAV_EINVALID, error, error_size, "no output streams");
    job.streams = av_calloc((size_t)spec->stream_count, sizeof *job.streams);
    job.frame = av_frame_alloc();
    int status = (!job.streams || !job.frame) ? pav_fail(AVERROR(ENOMEM), error, error_size, "allocating render state") : 0;
    if (status >= 0) status = configure_graph(&job);
    if (status >= 0 && spec->encode) status = open_output(&job);
    if (status >= 0 && spec->encode) status = start_encoder_thread(&job);
    if (status >= 0) status = pull_frames(&job);
    status = join_encoder_thread(&job, status);
    if (status >= 0 && spec->encode) {
        status = av_write_trailer(job.muxer);
        if (status < 0) pav_fail(status, error, error_size, "finishing %s", spec->output_path);
    }
    release(&job);
    return status < 0 ? status : 0;
}
