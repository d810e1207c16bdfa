import { saveBlob as save } from '../../app/save-file.ts';

/**
 * Saving a picture of the debrief, in the browser only: the SVG as it is drawn, or a PNG
 * painted from it on a canvas (the SVG goes in as a data: image, which the page's own
 * policy allows; nothing is fetched from anywhere).
 */
export function svgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

export function saveText(text: string, type: string, filename: string): void {
  save(new Blob([text], { type }), filename);
}

export function saveSvg(svg: SVGSVGElement, filename: string): void {
  saveText(svgText(svg), 'image/svg+xml', `${filename}.svg`);
}

export async function savePng(svg: SVGSVGElement, filename: string, scale = 2): Promise<void> {
  const { width, height } = svg.viewBox.baseVal;
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText(svg))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const g = canvas.getContext('2d');
  if (!g) throw new Error('This browser cannot draw the picture.');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/png'));
  if (!blob) throw new Error('This browser cannot save the picture.');
  save(blob, `${filename}.png`);
}
