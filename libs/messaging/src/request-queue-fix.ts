/**
 * kafkajs 2.2.4 keeps checking every connection's queue of pending requests on a 1 ms timer once
 * the connection has been used, whether anything is pending or not (tulios/kafkajs#1556, #1704,
 * unfixed upstream): most of what an idle service spends. Nothing pending means nothing to check: a
 * request that has to wait is queued by `push`, which schedules its own check, and every answer
 * checks the queue again, so skipping the empty case loses nothing.
 */
interface RequestQueue {
  pending: unknown[];
  scheduleCheckPendingRequests(): void;
}

// The class is internal to kafkajs (no types, no export); its file has not moved since 2.0.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const RequestQueueClass = require('kafkajs/src/network/requestQueue') as { prototype: RequestQueue & { idleFix?: true } };

export function fixRequestQueueIdleLoop(): void {
  const proto = RequestQueueClass.prototype;
  if (proto.idleFix) return;
  const schedule = proto.scheduleCheckPendingRequests;
  proto.scheduleCheckPendingRequests = function (this: RequestQueue) {
    if (this.pending.length === 0) return;
    schedule.call(this);
  };
  proto.idleFix = true;
}
