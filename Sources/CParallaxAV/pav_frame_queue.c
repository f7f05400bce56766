#include "pav_frame_queue.h"

#include <pthread.h>

typedef struct queue_item {
    AVFrame *frame;      // owns a reference while queued
    int stream;
    int end_of_stream;
} queue_item;

struct pav_frame_queue {
    pthread_mutex_t lock;
    pthread_cond_t changed;   // an item came or went, or the queue finished or aborted
    queue_item *items;
    int capacity, head, count;
    int finished, aborted;
};

pav_frame_queue *pav_frame_queue_alloc(int capacity) {
    pav_frame_queue *queue = av_mallocz(sizeof *queue);
    if (!queue) return NULL;
    queue->capacity = capacity;
    queue->items = av_calloc((size_t)capacity, sizeof *queue->items);
    int ready = queue->items != NULL;
    for (int i = 0; ready && i < capacity; i++) ready = (queue->items[i].frame = av_frame_alloc()) != NULL;
    if (ready) ready = pthread_mutex_init(&queue->lock, NULL) == 0;
    if (ready && pthread_cond_init(&queue->changed, NULL) != 0) {
        pthread_mutex_destroy(&queue->lock);
        ready = 0;
    }
    if (!ready) {
        if (queue->items)
            for (int i = 0; i < capacity; i++) av_frame_free(&queue->items[i].frame);
        av_free(queue->items);
        av_free(queue);
        return NULL;
    }
    return queue;
}

void pav_frame_queue_free(pav_frame_queue **queue) {
    if (!*queue) return;
    for (int i = 0; i < (*queue)->capacity; i++) av_frame_free(&(*queue)->items[i].frame);
    av_free((*queue)->items);
    pthread_cond_destroy(&(*queue)->changed);
    pthread_mutex_destroy(&(*queue)->lock);
    av_freep(queue);
}

int pav_frame_queue_push(pav_frame_queue *queue, int stream, AVFrame *frame) {
    pthread_mutex_lock(&queue->lock);
    while (queue->count == queue->capacity && !queue->aborted) pthread_cond_wait(&queue->changed, &queue->lock);
    int status = 0;
    if (queue->aborted) {
        status = PAV_EQUEUE_ABORTED;
    } else {
        queue_item *item = &queue->items[(queue->head + queue->count) % queue->capacity];
        item->stream = stream;
        item->end_of_stream = frame == NULL;
        if (frame) av_frame_move_ref(item->frame, frame);
        queue->count++;
        pthread_cond_broadcast(&queue->changed);
    }
    pthread_mutex_unlock(&queue->lock);
    return status;
}

static void set_flag(pav_frame_queue *queue, int *flag) {
    pthread_mutex_lock(&queue->lock);
    *flag = 1;
    pthread_cond_broadcast(&queue->changed);
    pthread_mutex_unlock(&queue->lock);
}

void pav_frame_queue_finish(pav_frame_queue *queue) { set_flag(queue, &queue->finished); }
void pav_frame_queue_abort(pav_frame_queue *queue) { set_flag(queue, &queue->aborted); }

int pav_frame_queue_pop(pav_frame_queue *queue, int *stream, AVFrame *frame, int *end_of_stream) {
    pthread_mutex_lock(&queue->lock);
    while (queue->count == 0 && !queue->finished && !queue->aborted)
        pthread_cond_wait(&queue->changed, &queue->lock);
    int status = 0;
    if (queue->aborted) {
        status = PAV_EQUEUE_ABORTED;
    } else if (queue->count > 0) {
        queue_item *item = &queue->items[queue->head];
        *stream = item->stream;
        *end_of_stream = item->end_of_stream;
        av_frame_move_ref(frame, item->frame);
        queue->head = (queue->head + 1) % queue->capacity;
        queue->count--;
        pthread_cond_broadcast(&queue->changed);
        status = 1;
    }
    pthread_mutex_unlock(&queue->lock);
    return status;
}
