/**
 * The project's own sample reports, written for Crisis Desk (not taken from any outlet):
 * a short scenario in which talks are announced, troop figures are reported, a call is
 * held and a meeting is moved. `daysAgo` places each against the day the store is seeded,
 * so a newcomer sees upcoming meetings with live countdowns.
 */
export type SampleReport = { daysAgo: number; title: string; source: string; text: string };

export const sampleReports: SampleReport[] = [
  {
    daysAgo: 4,
    title: 'Diplomats line up talks as build-up continues',
    source: 'Crisis Desk sample wire',
    text:
      'US Secretary of State Antony Blinken will meet Russian Foreign Minister Sergey Lavrov in Geneva on Friday, ' +
      'the State Department said, in what officials called a last attempt to find a diplomatic path. ' +
      'Officials in Washington said Russia has moved more than 100,000 troops near the Ukrainian border. ' +
      'Kyiv warned that Moscow was preparing for a possible invasion, and NATO said it was ready to respond.',
  },
  {
    daysAgo: 3,
    title: 'Western estimate of Russian forces rises',
    source: 'Crisis Desk sample correspondent',
    text:
      'A senior Western intelligence official said on Wednesday that Russia now has about 120,000 troops massed along ' +
      "Ukraine's border, and warned that the figure could rise to 175,000 within weeks. " +
      'The Kremlin denied any plan to attack and accused the alliance of provocations.',
  },
  {
    daysAgo: 2,
    title: 'Leaders speak by phone ahead of Geneva',
    source: 'Crisis Desk sample wire',
    text:
      'President Joe Biden held a phone call with Ukrainian President Volodymyr Zelensky on Tuesday, the White House said, ' +
      'promising a swift and severe response if Russia invades. ' +
      'Zelensky thanked Washington for its support and said he was open to further talks. ' +
      'Sanctions on Russian banks are being prepared, officials said.',
  },
  {
    daysAgo: 1,
    title: 'Geneva talks pushed back',
    source: 'Crisis Desk sample correspondent',
    text:
      'The meeting between Blinken and Lavrov in Geneva has been postponed to next Monday, diplomats said, ' +
      'after both sides asked for more time to prepare. ' +
      'Ukrainian officials estimated that between 110,000 and 130,000 Russian troops remain near the frontier. ' +
      'Both sides said they remain committed to dialogue and a de-escalation of the crisis.',
  },
  {
    daysAgo: 2,
    title: 'Drills around the island enter a second day',
    source: 'Crisis Desk sample wire',
    text:
      "China's navy and air force continued large-scale exercises around Taiwan on Thursday, Taipei's defence ministry said, " +
      'counting 45 aircraft and 14 warships near the island. ' +
      'Taiwan put its forces on alert and warned that the drills threatened peace in the Taiwan Strait. ' +
      'US and Japanese officials urged restraint, and the Chinese foreign ministry said the exercises were a warning to separatists.',
  },
  {
    daysAgo: 1,
    title: 'Ministers to meet after the drills',
    source: 'Crisis Desk sample correspondent',
    text:
      'Chinese Foreign Minister Wang Yi will meet his Japanese counterpart in Beijing on Saturday, both ministries said, ' +
      'the first talks since the exercises near Taiwan began. ' +
      'Taipei said Beijing had kept about 20 warships in the waters east of the island.',
  },
  {
    daysAgo: 1,
    title: 'Paramilitary reinforcements reach the valley',
    source: 'Crisis Desk sample wire',
    text:
      'India has moved about 10,000 paramilitary troops into Kashmir after a week of clashes along the Line of Control, ' +
      'officials in New Delhi said. Pakistan condemned the deployment and called for talks.',
  },
];
