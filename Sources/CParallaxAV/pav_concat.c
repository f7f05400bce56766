// Joins rendered parts by stream copy (a remux: no decoding, no encoding), and reads what a
// part says about itself (stream parameters and container metadata).
#include "pav_internal.h"

#include <libavutil/pixdesc.h>
#include <string.h>

int pav_probe(const char *path, pav_probe_info *info, char *metadata, size_t metadata_size,
              char *error, size_t error_size) {
    pav_capture_log();
    memset(info, 0, sizeof *info);
    if (metadata && metadata_size) metadata[0] = 0;
    AVFormatContext *input = NULL;
    int status = avformat_open_input(&input, path, NULL, NULL);
    if (status < 0) return pav_fail(status, error, error_size, "opening %s", path);
    status = avformat_find_stream_info(input, NULL);
    if (status < 0) {
        pav_fail(status, error, error_size, "reading the streams of %s", path);
        goto done;
    }
    int index = av_find_best_stream(input, AVMEDIA_TYPE_VIDEO, -1, -1, NULL, 0);
    if (index < 0) {
        status = pav_fail(PAV_EINVALID, error, error_size, "%s has no video stream", path);
        goto done;
    }
    const AVStream *stream = input->streams[index];
    const AVCodecParameters *parameters = stream->codecpar;
    info->width = parameters->width;
    info->height = parameters->height;
    AVRational rate = stream->avg_frame_rate.num > 0 ? stream->avg_frame_rate : stream->r_frame_rate;
    info->rate_num = rate.num;
    info->rate_den = rate.den;
    snprintf(info->codec, sizeof info->codec, "%s", avcodec_get_name(parameters->codec_id));
    const char *pixels = av_get_pix_fmt_name((enum AVPixelFormat)parameters->format);
    snprintf(info->pixel_format, sizeof info->pixel_format, "%s", pixels ? pixels : "");
    info->has_audio = av_find_best_stream(input, AVMEDIA_TYPE_AUDIO, -1, -1, NULL, 0) >= 0;
    size_t used = 0;
    const AVDictionaryEntry *entry = NULL;
    while (metadata && (entry = av_dict_get(input->metadata, "", entry, AV_DICT_IGNORE_SUFFIX))) {
        if (strchr(entry->key, '\n') || strchr(entry->value, '\n')) continue;
        int written = snprintf(metadata + used, metadata_size - used, "%s=%s\n", entry->key, entry->value);
        if (written < 0 || (size_t)written >= metadata_size - used) {
            status = pav_fail(PAV_EINVALID, error, error_size, "%s: container metadata too long", path);
            goto done;
        }
        used += (size_t)written;
    }
    status = 0;
done:
    avformat_close_input(&input);
    return status;
}

// One input read packet by packet: a part (its video stream) or the sound file (its audio).
typedef struct source {
    AVFormatContext *input;
    int stream_index;
    AVStream *output;       // the output stream its packets go to
    int64_t shift;          // added to every time stamp, in the output stream's time base
    AVPacket *packet;       // the next packet, ready to write
    int has_packet;
} source;

typedef struct concat_job {
    pav_concat_spec *spec;
    AVFormatContext *muxer;
    source video, audio;
    int part;               // the part `video` reads
    int64_t part_packets;   // packets read from that part
    int64_t last_video_dts;
    char *error;
    size_t error_size;
} concat_job;

static int open_source(concat_job *job, source *source, const char *path, enum AVMediaType type) {
    avformat_close_input(&source->input);
    int status = avformat_open_input(&source->input, path, NULL, NULL);
    if (status < 0) return pav_fail(status, job->error, job->error_size, "opening %s", path);
    status = avformat_find_stream_info(source->input, NULL);
    if (status < 0) return pav_fail(status, job->error, job->error_size, "reading the streams of %s", path);
    source->stream_index = av_find_best_stream(source->input, type, -1, -1, NULL, 0);
    if (source->stream_index < 0)
        return pav_fail(PAV_EINVALID, job->error, job->error_size, "%s has no %s stream", path,
                        type == AVMEDIA_TYPE_VIDEO ? "video" : "audio");
    for (unsigned i = 0; i < source->input->nb_streams; i++)
        if ((int)i != source->stream_index) source->input->streams[i]->discard = AVDISCARD_ALL;
    return 0;
}

// Adds an output stream with `source`'s parameters (the muxer picks its own codec tag).
static int add_stream(concat_job *job, source *source) {
    const AVStream *input = source->input->streams[source->stream_index];
    source->output = avformat_new_stream(job->muxer, NULL);
    if (!source->output) return pav_fail(AVERROR(ENOMEM), job->error, job->error_size, "adding a stream");
    int status = avcodec_parameters_copy(source->output->codecpar, input->codecpar);
    if (status < 0) return pav_fail(status, job->error, job->error_size, "copying stream parameters");
    source->output->codecpar->codec_tag = 0;
    source->output->time_base = input->time_base;
    if (input->codecpar->codec_type == AVMEDIA_TYPE_VIDEO) {
        AVRational rate = {job->spec->rate_num, job->spec->rate_den};
        source->output->avg_frame_rate = rate;
        source->output->time_base = av_inv_q(rate);
        source->output->sample_aspect_ratio = input->sample_aspect_ratio;
    }
    return 0;
}

// Opens part `index`: its packets are shifted so its first frame lands on its start frame.
static int open_part(concat_job *job, int index) {
    const pav_concat_spec *spec = job->spec;
    const char *path = spec->part_paths[index];
    int status = open_source(job, &job->video, path, AVMEDIA_TYPE_VIDEO);
    if (status < 0) return status;
    const AVStream *input = job->video.input->streams[job->video.stream_index];
    const AVCodecParameters *first = job->video.output->codecpar;
    if (input->codecpar->codec_id != first->codec_id || input->codecpar->width != first->width ||
        input->codecpar->height != first->height || input->codecpar->extradata_size != first->extradata_size ||
        (first->extradata_size > 0 &&
         memcmp(input->codecpar->extradata, first->extradata, (size_t)first->extradata_size) != 0))
        return pav_fail(PAV_EINVALID, job->error, job->error_size,
                        "%s was encoded with other settings than %s (codec headers differ)", path, spec->part_paths[0]);
    AVRational frame = {spec->rate_den, spec->rate_num};
    int64_t start = input->start_time == AV_NOPTS_VALUE ? 0 : input->start_time;
    job->video.shift = av_rescale_q(spec->start_frames[index], frame, job->video.output->time_base)
                     - av_rescale_q(start, input->time_base, job->video.output->time_base);
    job->part = index;
    job->part_packets = 0;
    return 0;
}

// Reads the next packet of `source`'s stream into source->packet, time stamps in the output's
// time base; has_packet is 0 at the end.
static int read_packet(concat_job *job, source *source, const char *path) {
    source->has_packet = 0;
    for (;;) {
        int status = av_read_frame(source->input, source->packet);
        if (status == AVERROR_EOF) return 0;
        if (status < 0) return pav_fail(status, job->error, job->error_size, "reading %s", path);
        if (source->packet->stream_index != source->stream_index) {
            av_packet_unref(source->packet);
            continue;
        }
        av_packet_rescale_ts(source->packet, source->input->streams[source->stream_index]->time_base,
                             source->output->time_base);
        if (source->packet->pts != AV_NOPTS_VALUE) source->packet->pts += source->shift;
        if (source->packet->dts != AV_NOPTS_VALUE) source->packet->dts += source->shift;
        source->packet->stream_index = source->output->index;
        source->packet->pos = -1;
        source->has_packet = 1;
        return 0;
    }
}

// The next video packet, moving on to the next part at each part's end; checks each part's
// frame count against its range and that it starts with a key frame.
static int next_video_packet(concat_job *job) {
    const pav_concat_spec *spec = job->spec;
    for (;;) {
        const char *path = spec->part_paths[job->part];
        int status = read_packet(job, &job->video, path);
        if (status < 0) return status;
        if (job->video.has_packet) {
            if (job->part_packets == 0 && !(job->video.packet->flags & AV_PKT_FLAG_KEY))
                return pav_fail(PAV_EINVALID, job->error, job->error_size, "%s does not start with a key frame", path);
            job->part_packets++;
            return 0;
        }
        if (job->part_packets != spec->frame_counts[job->part])
            return pav_fail(PAV_EINVALID, job->error, job->error_size, "%s has %lld frames but its range holds %lld",
                            path, (long long)job->part_packets, (long long)spec->frame_counts[job->part]);
        if (job->part + 1 >= spec->part_count) return 0;
        status = open_part(job, job->part + 1);
        if (status < 0) return status;
    }
}

static int write_packet(concat_job *job, source *source) {
    if (source == &job->video) {
        int64_t dts = source->packet->dts;
        if (dts != AV_NOPTS_VALUE && job->last_video_dts != AV_NOPTS_VALUE && dts <= job->last_video_dts)
            return pav_fail(PAV_EINVALID, job->error, job->error_size,
                            "%s: time stamps would go back at the join (decoder delay differs from the part before)",
                            job->spec->part_paths[job->part]);
        if (dts != AV_NOPTS_VALUE) job->last_video_dts = dts;
        job->spec->video_packets++;
    } else {
        job->spec->audio_packets++;
    }
    int status = av_interleaved_write_frame(job->muxer, source->packet);
    if (status < 0) return pav_fail(status, job->error, job->error_size, "writing %s", job->spec->output_path);
    return 0;
}

// Writes video and sound packets in time order until both run out.
static int copy_packets(concat_job *job) {
    int status = next_video_packet(job);
    if (status >= 0 && job->audio.input) status = read_packet(job, &job->audio, job->spec->audio_path);
    while (status >= 0 && (job->video.has_packet || job->audio.has_packet)) {
        if (pav_cancel_requested()) return pav_fail(PAV_ECANCELLED, job->error, job->error_size, "cancelled");
        int take_video = job->video.has_packet &&
            (!job->audio.has_packet ||
             av_compare_ts(job->video.packet->dts, job->video.output->time_base,
                           job->audio.packet->dts, job->audio.output->time_base) <= 0);
        source *source = take_video ? &job->video : &job->audio;
        status = write_packet(job, source);
        if (status < 0) break;
        status = take_video ? next_video_packet(job) : read_packet(job, &job->audio, job->spec->audio_path);
    }
    return status;
}

static int open_output(concat_job *job) {
    pav_concat_spec *spec = job->spec;
    int status = avformat_alloc_output_context2(&job->muxer, NULL, spec->format_name, spec->output_path);
    if (status < 0 || !job->muxer)
        return pav_fail(status < 0 ? status : PAV_EINVALID, job->error, job->error_size,
                        "choosing a container for %s", spec->output_path);
    status = open_source(job, &job->video, spec->part_paths[0], AVMEDIA_TYPE_VIDEO);
    if (status >= 0) status = add_stream(job, &job->video);
    if (status >= 0 && spec->audio_path) {
        status = open_source(job, &job->audio, spec->audio_path, AVMEDIA_TYPE_AUDIO);
        if (status >= 0) status = add_stream(job, &job->audio);
    }
    if (status < 0) return status;
    status = pav_dict_from_lines(&job->muxer->metadata, spec->metadata);
    if (status < 0) return pav_fail(status, job->error, job->error_size, "bad container metadata");
    if (!(job->muxer->oformat->flags & AVFMT_NOFILE)) {
        status = avio_open(&job->muxer->pb, spec->output_path, AVIO_FLAG_WRITE);
        if (status < 0) return pav_fail(status, job->error, job->error_size, "opening %s for writing", spec->output_path);
    }
    AVDictionary *options = NULL;
    status = pav_dict_from_lines(&options, spec->muxer_options);
    if (status >= 0) status = avformat_write_header(job->muxer, &options);
    av_dict_free(&options);
    if (status < 0) return pav_fail(status, job->error, job->error_size, "writing the header of %s", spec->output_path);
    // The muxer may change the time bases: shifts are computed only now.
    return open_part(job, 0);
}

int pav_concat(pav_concat_spec *spec, char *error, size_t error_size) {
    pav_capture_log();
    if (error && error_size) error[0] = 0;
    spec->video_packets = 0;
    spec->audio_packets = 0;
    if (spec->part_count < 1) return pav_fail(PAV_EINVALID, error, error_size, "no parts to join");
    if (spec->rate_num <= 0 || spec->rate_den <= 0) return pav_fail(PAV_EINVALID, error, error_size, "bad frame rate");
    concat_job job = {.spec = spec, .error = error, .error_size = error_size, .last_video_dts = AV_NOPTS_VALUE};
    job.video.packet = av_packet_alloc();
    job.audio.packet = av_packet_alloc();
    int status = (!job.video.packet || !job.audio.packet)
        ? pav_fail(AVERROR(ENOMEM), error, error_size, "allocating packets") : 0;
    if (status >= 0) status = open_output(&job);
    if (status >= 0) status = copy_packets(&job);
    if (status >= 0) {
        status = av_write_trailer(job.muxer);
        if (status < 0) pav_fail(status, error, error_size, "finishing %s", spec->output_path);
    }
    avformat_close_input(&job.video.input);
    avformat_close_input(&job.audio.input);
    av_packet_free(&job.video.packet);
    av_packet_free(&job.audio.packet);
    if (job.muxer) {
        if (!(job.muxer->oformat->flags & AVFMT_NOFILE)) avio_closep(&job.muxer->pb);
        avformat_free_context(job.muxer);
    }
    return status < 0 ? status : 0;
}
