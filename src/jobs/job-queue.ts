/** The queues Crier uses. A queue is created at boot before anything is sent to it. */
export const QUEUES = {
  /** An approved message whose send time has come: the dispatcher fans it out to recipients. */
  messageDispatch: 'message.dispatch',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface EnqueueOptions {
  startAfter?: Date;
  /** At most one waiting job per key: a message is dispatched once however often it is enqueued. */
  singletonKey?: string;
}

/** Work handed to workers, shared through PostgreSQL by every Crier instance. */
export interface JobQueue {
  /** Enqueues inside the caller's transaction: a rolled-back change leaves no job behind. */
  enqueueInTransaction(queue: QueueName, data: object, options?: EnqueueOptions): Promise<string>;
  /** Cancels a waiting job inside the caller's transaction. */
  cancelInTransaction(queue: QueueName, jobId: string): Promise<void>;
}

export const JOB_QUEUE = Symbol('JOB_QUEUE');
