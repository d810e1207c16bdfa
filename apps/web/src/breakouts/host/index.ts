/** The facilitator's breakout tools, loaded with the console (never in the participant's bundle). */
export { BreakoutConsole } from './BreakoutConsole.tsx';
export { RoundStrip } from './RoundStrip.tsx';
