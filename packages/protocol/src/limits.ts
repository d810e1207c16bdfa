/** Sizes and rates shared by every boundary, so client and server agree on them. */
export const LIMITS = {
  nameMax: 80,
  pronounsMax: 40,
  titleMax: 160,
  agreementTextMax: 400,
  agreementsMax: 40,
  explanationMax: 1_000,
  noteMax: 1_000,
  /** Largest socket.io message the server reads (socket.io maxHttpBufferSize). */
  socketMessageBytes: 64 * 1024,
  /** Largest HTTP JSON body. */
  httpBodyBytes: 64 * 1024,
  /** Signals one person may raise per minute. */
  signalsPerMinute: 5,
  /** Commands one connection may send per second (burst allowance). */
  commandsPerSecond: 20,
  commandBurst: 40,
  /** Reconnects with a larger gap than this get a fresh snapshot instead of a replay. */
  replayMax: 1_000,
  reminderMinutesMin: 1,
  reminderMinutesMax: 120,
} as const;
