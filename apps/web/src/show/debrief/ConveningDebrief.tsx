import { useCallback, useEffect, useId, useState } from 'react';
import { api } from '@brave/client';
import { REPORT_SMALL_COUNT, type ConveningReport, type ReportPulse } from '@brave/protocol';
import { countOf } from '@brave/core';
import { describeError } from '../../app/errors.ts';
import { useConvening } from '../../live/context.ts';
import { BarsPicture } from './BarsPicture.tsx';
import { saveText } from './download.ts';
import { TimelinePicture } from './TimelinePicture.tsx';
import '../show.css';

const roomLabel = (h: ConveningReport['hands'][number]) => (h.room === null ? 'Main room' : `${h.room} (${h.round ?? ''})`);

/**
 * Looking back, for facilitators: the run of show planned against actual, each pulse
 * check's counts and the hands raised per room, as pictures to save and as tables, with
 * the convening report (Markdown or JSON) to hand to the working group. Everything here
 * comes from the server's report, which names nobody.
 */
export function ConveningDebrief({ token }: { token: string }) {
  const id = useId();
  const { state } = useConvening();
  const [report, setReport] = useState<ConveningReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const closed = state.status === 'closed';
  const load = useCallback(() => {
    setProblem(null);
    api.report(window.location.origin, state.id, token).then(setReport, (e: unknown) => setProblem(describeError(e)));
  }, [state.id, token]);
  // Once more when the convening closes, so the last minutes are in.
  useEffect(load, [load, closed]);
  const download = (format: 'md' | 'json') => {
    setProblem(null);
    const text = format === 'md' ? api.reportMarkdown(window.location.origin, state.id, token) : api.report(window.location.origin, state.id, token).then((r) => JSON.stringify(r, null, 2));
    text.then(
      (t) => saveText(t, format === 'md' ? 'text/markdown' : 'application/json', `convening-report.${format}`),
      (e: unknown) => setProblem(describeError(e)),
    );
  };

  return (
    <section className="card debrief" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Looking back</h2>
      <p className="muted">What happened, in counts: nobody is named, and caucus rooms keep their people to themselves.</p>
      <div className="actions">
        <button type="button" className="button" onClick={() => download('md')}>
          Download the report (Markdown)
        </button>
        <button type="button" className="button quiet" onClick={() => download('json')}>
          Download the report (JSON)
        </button>
        <button type="button" className="button quiet small" onClick={load}>
          Bring it up to date
        </button>
      </div>
      <p role="status" className="visually-hidden">
        {report ? 'The look back is ready.' : ''}
      </p>
      {problem && <p role="alert">{problem}</p>}
      {report && <DebriefPictures report={report} />}
    </section>
  );
}

function DebriefPictures({ report }: { report: ConveningReport }) {
  const { ouch, whoops, followedUp } = report.signals;
  return (
    <>
      <p>
        {countOf(report.participants, 'person', 'people')} took part. {countOf(ouch, 'ouch', 'ouches')} and {countOf(whoops, 'whoops', 'whoops')}, {followedUp} followed up.
      </p>
      {report.show.length > 0 && <TimelinePicture items={report.show} />}
      <BarsPicture title="Hands raised, by room" filename="hands-by-room" unit="Room" bars={report.hands.map((h) => ({ label: roomLabel(h), value: h.raises }))} />
      {report.pulses.map((p, k) => (
        <PulseResult key={`${k}-${p.question}`} pulse={p} index={k} />
      ))}
    </>
  );
}

function PulseResult({ pulse, index }: { pulse: ReportPulse; index: number }) {
  if (pulse.counts === null) {
    return (
      <div className="debrief-picture">
        <h3>{pulse.question}</h3>
        <p className="muted">
          {countOf(pulse.total, 'answer')}.{' '}
          {pulse.total > 0 && `With fewer than ${REPORT_SMALL_COUNT}, the answers stay unshown: they could point to someone.`}
        </p>
      </div>
    );
  }
  return (
    <BarsPicture
      title={pulse.question}
      filename={`pulse-check-${index + 1}`}
      unit={pulse.kind === 'word' ? 'Word' : 'Answer'}
      bars={pulse.counts.map((c) => ({ label: c.answer, value: c.count }))}
    />
  );
}
