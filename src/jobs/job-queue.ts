/** The queues Crier uses. A queue is created at boot before anything is sent to it. */
export const QUEUES = {
  /** An approved message whose send time has come: the dispatcher fans it out to recipients. */
  messageDispatch: 'message.dispatch',
  /** A reply to a resident (the confirmation of their STOP), sent after its webhook commits. */
  residentReply: 'resident.reply',
  /** The WhatsApp template asking a resident to confirm their web opt-in; names only the request. */
  subscriptionConfirmation: 'subscription.confirmation',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface EnqueueOptions {
  startAfter?: Date;
  /** At most one waiting job per key: a message is dispatched once however often it is enqueued. */
  singletonKey?: string;
}

/** Handles one job; a throw fails it, and pg-boss retries it later. */
export type JobHandler<T> = (data: T) => Promise<void>;

/** Work handed to workers, shared through PostgreSQL by every Crier instance. */
export interface JobQueue {
  /**
   * Runs `handler` for each job on the queue in this process. Workers wake as soon as a job is
   * committed, in any instance (LISTEN/NOTIFY), with polling as the fallback.
   */
  work<T extends object>(queue: QueueName, handler: JobHandler<T>): Promise<void>;
  /** Enqueues inside the caller's transaction: a rolled-back change leaves no job behind. */
  enqueueInTransaction(queue: QueueName, data: object, options?: EnqueueOptions): Promise<string>;
  /** Cancels a waiting job inside the caller's transaction. */
  cancelInTransaction(queue: QueueName, jobId: string): Promise<void>;
}

export const JOB_QUEUE = Symbol('JOB_QUEUE');
