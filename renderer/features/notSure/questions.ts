/** An answer leads to another question or to the runbook that fits. */
export type Answer = { label: string } & ({ next: QuestionId } | { runbook: string });

export interface Question {
  text: string;
  answers: Answer[];
}

export type QuestionId = 'danger' | 'what' | 'not-working' | 'message' | 'supplier';

/**
 * "Not sure what's happening": a few plain questions that lead to one runbook. When nothing fits,
 * the answer is the "First 15 minutes" guide, which is right for any incident.
 */
export const QUESTIONS: Record<QuestionId, Question> = {
  danger: {
    text: 'Is anyone in danger or hurt right now?',
    answers: [
      { label: 'Yes', runbook: 'first-15-minutes' },
      { label: 'No', next: 'what' },
    ],
  },
  what: {
    text: 'Which is closest to what is happening?',
    answers: [
      { label: 'A screen asks for money, or files are locked', runbook: 'ransomware' },
      { label: 'A system, the internet, phones or power are not working', next: 'not-working' },
      { label: 'Something about an email, text or link', next: 'message' },
      {
        label: 'Someone phoned pretending to be IT, a bank, the NHS or a relative',
        runbook: 'phone-impersonation',
      },
      {
        label: 'A supplier or our IT company was attacked, or cannot be reached',
        next: 'supplier',
      },
      {
        label: 'A laptop, phone, tablet or paper records are lost or stolen',
        runbook: 'lost-device',
      },
      { label: 'Personal information went to the wrong people', runbook: 'data-breach' },
      {
        label: 'Bank details changed, or a payment went to the wrong place',
        runbook: 'payment-diversion',
      },
      { label: 'One computer is acting strangely', runbook: 'malware-one-device' },
      { label: 'A member of staff may have misused their access', runbook: 'staff-misuse' },
      { label: 'None of these, or I still do not know', runbook: 'first-15-minutes' },
    ],
  },
  'not-working': {
    text: 'What is not working?',
    answers: [
      {
        label: 'The care record, medicines (eMAR) or rota system',
        runbook: 'care-record-system-down',
      },
      { label: 'The internet', runbook: 'internet-down' },
      { label: 'Phones, telecare or call bells', runbook: 'phones-telecare-down' },
      { label: 'The power', runbook: 'power-cut' },
      { label: 'An NHS or national system, for everyone', runbook: 'national-outage' },
    ],
  },
  message: {
    text: 'What happened with the message?',
    answers: [
      {
        label: 'Someone clicked a link, opened an attachment or typed a password',
        runbook: 'clicked-link',
      },
      {
        label: 'An NHSmail account is sending emails nobody wrote',
        runbook: 'nhsmail-compromised',
      },
      {
        label: 'Another email account is sending emails nobody wrote, or we are locked out',
        runbook: 'email-hacked',
      },
      {
        label: 'A suspicious message arrived, but nobody clicked or replied',
        runbook: 'suspicious-message',
      },
      {
        label: 'An email threatens to publish our data or a video unless we pay',
        runbook: 'extortion-email',
      },
      {
        label: 'Our social media account posts or sends messages we did not write',
        runbook: 'social-media-hacked',
      },
    ],
  },
  supplier: {
    text: 'What has happened at the supplier?',
    answers: [
      {
        label: 'They say our data was stolen, but our own systems still work',
        runbook: 'supplier-data-breach',
      },
      {
        label: 'Our care record, medicines (eMAR) or rota system is down',
        runbook: 'care-record-system-down',
      },
      {
        label: 'Our IT supplier has been hacked, or is not answering',
        runbook: 'it-supplier-down',
      },
    ],
  },
};

export const FIRST_QUESTION: QuestionId = 'danger';
