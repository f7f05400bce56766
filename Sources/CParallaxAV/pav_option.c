#include "pav_internal.h"

#include <string.h>

int pav_graph_option_value(const char *graph_text, const char *filter_name, const char *option,
                           char *value, size_t value_size, char *error, size_t error_size) {
    pav_capture_log();
    AVFilterGraph *graph = avfilter_graph_alloc();
    if (!graph) return pav_fail(AVERROR(ENOMEM), error, error_size, "allocating a filter graph");
    AVFilterInOut *inputs = NULL, *outputs = NULL;
    int status = avfilter_graph_parse2(graph, graph_text, &inputs, &outputs);
    if (status < 0) {
        pav_fail(status, error, error_size, "parsing the filter graph");
        goto done;
    }
    status = PAV_EINVALID;
    for (unsigned i = 0; i < graph->nb_filters; i++) {
        AVFilterContext *filter = graph->filters[i];
        const char *at = filter->name ? strchr(filter->name, '@') : NULL;
        if (!at || strcmp(at + 1, filter_name) != 0) continue;
        uint8_t *found = NULL;
        status = av_opt_get(filter->priv, option, 0, &found);
        if (status < 0) {
            pav_fail(status, error, error_size, "reading option %s of %s", option, filter->name);
        } else {
            snprintf(value, value_size, "%s", found ? (const char *)found : "");
            if (found && strlen((const char *)found) >= value_size) status = PAV_EINVALID;
        }
        av_free(found);
        goto done;
    }
    pav_fail(status, error, error_size, "no filter named %s in the graph", filter_name);
done:
    avfilter_inout_free(&inputs);
    avfilter_inout_free(&outputs);
    avfilter_graph_free(&graph);
    return status;
}
