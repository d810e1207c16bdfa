import { showDebrief } from '@brave/core';
import { formatLeft } from '../../breakouts/clock.ts';
import { useConvening } from '../../live/context.ts';
import { minutesText } from '../words.ts';

/** After the convening: each item's planned time beside the time it took. */
export function ShowDebrief() {
  const { state } = useConvening();
  const rows = showDebrief(state);
  return (
    <table className="show-debrief">
      <caption>Planned and actual time</caption>
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col">Planned</th>
          <th scope="col">Took</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={`${i}-${r.title}`}>
            <th scope="row">{r.title}</th>
            <td>{minutesText(r.plannedMinutes)}</td>
            <td>{r.actualMs !== null ? formatLeft(r.actualMs) : r.running ? 'still going' : 'not reached'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
