/**
 * What a section of an imported plan is for, read from its heading: action sections turn their
 * bullet lists into steps; reference sections (sources, appendices) are never steps.
 */

const REFERENCE =
  /^(?:[\d.)\s]*|appendix\s+[a-z0-9]+[:.\s-]*)?(references?|bibliography|appendi(?:x|ces)|further reading|sources?|glossary|(?:useful |other )?resources|see also|(?:additional|further|more) (?:information|resources|reading)|citations|footnotes|notes|version history|revision history|document (?:control|history)|change ?log|related (?:documents|playbooks|links)|links|acknowledge?ments|credits|licen[cs]e|about this (?:document|playbook))\b/i;

const ACTION =
  /\b(steps?|actions?|what to do|to do|to-do|checklists?|procedures?|contain(?:ment)?|respon(?:d|se)|eradicat\w*|remediat\w*|recover(?:y)?|mitigat\w*|immediate\w*|do now|first \d+ minutes|isolat\w*|triage|escalat\w*|restor\w*|resolution)\b/i;

export function isReferenceHeading(title: string): boolean {
  return REFERENCE.test(title.replace(/^[^\p{L}\p{N}]+/u, '').trim());
}

export function isActionHeading(title: string): boolean {
  return ACTION.test(title);
}

/** Verbs that start an instruction in incident plans ("Disconnect the laptop", "Call the ICO"). */
const IMPERATIVE = new Set(
  `activate add agree alert analyse analyze answer arrange ask assess assign back block brief
  call cancel capture change check clean close collect communicate complete confirm consider
  contact contain copy create decide delete deploy determine disable disconnect document do
  don't dont email enable engage ensure escalate establish find fix follow gather get give go
  identify implement inform initiate install investigate isolate keep let lock log look make
  monitor move note notify open phone plan power preserve prepare print protect provide
  quarantine reboot rebuild record reimage remove replace report request reset restore review
  revoke ring rotate run save scan secure send set share shut start stop submit switch take
  tell test turn unplug update use verify wait warn wipe write never always`
    .split(/\s+/)
    .filter(Boolean),
);

/** True when most items of a list start with an instruction verb. */
export function looksImperative(heads: string[]): boolean {
  if (heads.length === 0) return false;
  const orders = heads.filter((head) => {
    const word = /^[\s*_[\]x]*([A-Za-z']+)/.exec(head)?.[1]?.toLowerCase() ?? '';
    return IMPERATIVE.has(word);
  }).length;
  return orders * 3 >= heads.length * 2;
}
