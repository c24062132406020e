import type { FrontMatterFields } from './runbookFile';

/** A new runbook's starting text: the header the form fills in, and a body showing the layout. */
export function templateFile(
  today: string,
  owner: string,
): { front: FrontMatterFields; body: string } {
  return {
    front: {
      id: '',
      title: '',
      category: 'guide',
      summary: '',
      reviewed: today,
      owner,
      version: 1,
    },
    body: [
      '',
      'Say in one or two sentences what this incident is. Stay calm.',
      '',
      '## Contain {#contain}',
      '',
      '1. Write down the time you noticed the problem.',
      '2. Tell the person in charge.',
      '',
    ].join('\n'),
  };
}

/** A copy of another runbook under a new id, starting again at version 1. */
export function copyOf(front: FrontMatterFields): FrontMatterFields {
  const title = typeof front.title === 'string' ? front.title : '';
  const id = typeof front.id === 'string' ? front.id : 'runbook';
  return {
    ...front,
    id: `${id}-copy`.slice(0, 64),
    title: `${title} (copy)`.slice(0, 120),
    version: 1,
  };
}
