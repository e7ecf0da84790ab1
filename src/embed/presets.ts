/**
 * Named scenarios with their own embed paths (/embed/v1/<widget>/<preset>/), static oEmbed JSON
 * and PNG card. A pasted link to a preset keeps its settings in WordPress, which replaces the
 * query string of oEmbed requests; arbitrary scenarios go through the iframe snippet instead.
 */
export interface Preset {
  id: string;
  title: string;
  /** Parameter values that differ from the widget's defaults. */
  params: Record<string, string>;
}

export const presets: Record<string, Preset[]> = {
  position: [
    { id: 'ten-x-long', title: '10x long on bitcoin, 5% rise', params: { leverage: '10', exit: '63000' } },
    {
      id: 'fifty-x-short',
      title: '50x short on bitcoin, 1% rise',
      params: { side: 'short', leverage: '50', margin: '200', exit: '60600' },
    },
  ],
};

export function presetsFor(widgetId: string): Preset[] {
  return presets[widgetId] ?? [];
}
