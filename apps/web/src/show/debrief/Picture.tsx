import { useId, useRef, useState, type ReactNode } from 'react';
import { savePng, saveSvg } from './download.ts';

/**
 * A picture of the debrief with its words: a heading, the SVG (its title and a short
 * description for screen readers), the same numbers as a table, and buttons to save it
 * as SVG or PNG. The SVG draws with its own colours, so a saved copy looks the same.
 */
export function Picture(props: { title: string; summary: string; filename: string; width: number; height: number; children: ReactNode; table: ReactNode }) {
  const id = useId();
  const svg = useRef<SVGSVGElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const png = () => {
    setProblem(null);
    if (svg.current) savePng(svg.current, props.filename).catch((e: unknown) => setProblem(e instanceof Error ? e.message : 'The picture could not be saved.'));
  };
  return (
    <figure className="debrief-picture" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{props.title}</h3>
      <svg ref={svg} role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${props.width} ${props.height}`} width="100%" fontFamily="system-ui, sans-serif" fontSize="13">
        <title id={`${id}-t`}>{props.title}</title>
        <desc id={`${id}-d`}>{props.summary}</desc>
        <rect width={props.width} height={props.height} fill="#ffffff" />
        {props.children}
      </svg>
      <div className="actions">
        <button type="button" className="button small quiet" onClick={() => svg.current && saveSvg(svg.current, props.filename)}>
          Save as SVG<span className="visually-hidden">: {props.title}</span>
        </button>
        <button type="button" className="button small quiet" onClick={png}>
          Save as PNG<span className="visually-hidden">: {props.title}</span>
        </button>
      </div>
      {problem && <p role="alert">{problem}</p>}
      <details>
        <summary>The numbers as a table</summary>
        {props.table}
      </details>
    </figure>
  );
}
