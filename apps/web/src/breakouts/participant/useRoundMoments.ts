import { useEffect, useRef, useState } from 'react';
import { useConvening } from '../../live/context.ts';
import { nextMoment, type Seen } from './roundMoments.ts';

/**
 * The moments of a round worth saying out loud, once each (see `nextMoment`). Everything
 * in between is on screen, not in the ear.
 */
export function useRoundMoments(now: number) {
  const { state, self, version } = useConvening();
  const previous = useRef<Seen | null>(null);
  const [said, setSaid] = useState('');
  const [welcomeBack, setWelcomeBack] = useState<string | null>(null);

  useEffect(() => {
    const moment = nextMoment(state, self.participantId, now, previous.current);
    previous.current = moment.seen;
    if (moment.said !== null) setSaid(moment.said);
    if (moment.welcomeBack !== undefined) setWelcomeBack(moment.welcomeBack);
    // `state` is updated in place by the live client: `version` is what tells a change.
  }, [state, version, self.participantId, now]);

  return { said, welcomeBack, dismissWelcome: () => setWelcomeBack(null) };
}
