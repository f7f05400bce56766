// A bounded queue of frame references between the thread that runs the filter graph and the
// thread that encodes: frames are moved in and out (av_frame_move_ref), never copied.
#ifndef PAV_FRAME_QUEUE_H
#define PAV_FRAME_QUEUE_H

#include "pav_internal.h"

// Returned by push and pop once either side closed the queue with pav_frame_queue_abort.
#define PAV_EQUEUE_ABORTED (-1099)

typedef struct pav_frame_queue pav_frame_queue;

pav_frame_queue *pav_frame_queue_alloc(int capacity);
// Frees the queue and every frame still in it.
void pav_frame_queue_free(pav_frame_queue **queue);

// Moves `frame`'s reference into the queue for `stream` (frame is left blank); a NULL frame
// marks the end of that stream. Waits while the queue is full. 0, or PAV_EQUEUE_ABORTED.
int pav_frame_queue_push(pav_frame_queue *queue, int stream, AVFrame *frame);
// The producer's last call: no more items; pop drains what is left, then reports the end.
void pav_frame_queue_finish(pav_frame_queue *queue);
// Either side stops the other: waiting pushes and pops return PAV_EQUEUE_ABORTED at once.
void pav_frame_queue_abort(pav_frame_queue *queue);

// Waits for the oldest item and moves it into `frame` (left blank for an end-of-stream
// marker, then *end_of_stream is 1). 1 with an item, 0 once finished and drained, or
// PAV_EQUEUE_ABORTED.
int pav_frame_queue_pop(pav_frame_queue *queue, int *stream, AVFrame *frame, int *end_of_stream);

#endif
