/**
 * The extract bench's report (bench/extract.bench.ts): about 3 KB of our own words whose names,
 * numbers and places change with its index, so no cache sees the same text twice. A module of its
 * own so the profiling tool (tools/profileExtract.ts) times the same text.
 */
const FIRST = ['Anna', 'Igor', 'Marta', 'Pavel', 'Olena', 'Tomas', 'Irina', 'Karel'];
const LAST = ['Nowak', 'Lutsk', 'Berger', 'Sokol', 'Hrabal', 'Kowal', 'Dvorak', 'Marek'];
const CITIES = ['Geneva', 'Vienna', 'Helsinki', 'Istanbul', 'Brussels'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

/** A report of about 3 KB whose names, numbers and places change with `i`. */
export function makeReport(i: number): string {
  const a = `${FIRST[i % 8]} ${LAST[(i * 3) % 8]}`;
  const b = `${FIRST[(i + 3) % 8]} ${LAST[(i * 5 + 1) % 8]}`;
  const city = CITIES[i % CITIES.length];
  const day = DAYS[i % DAYS.length];
  const n = 40_000 + (i % 50) * 1_000;
  return [
    `Polish Foreign Minister ${a} will meet her Belarusian counterpart ${b} in ${city} on ${day}, officials in Warsaw said, in the first`,
    `high-level contact since border talks faltered on March ${(i % 27) + 1}. The two ministers spoke by phone on Tuesday and agreed to keep`,
    `talking despite the tensions along the frontier, where Belarus has massed more than ${n.toLocaleString('en-US')} troops according to`,
    `Polish intelligence. Analysts say Minsk is on track to amass ${(n + 20_000).toLocaleString('en-US')} soldiers by the end of the month.`,
    `\n\n"We do not expect any breakthroughs, but dialogue is better than escalation," ${a.split(' ')[1]} told reporters after a cabinet`,
    `meeting. ${b.split(' ')[1]} said Belarus had no plans to attack anyone and called the exercises routine. Since 2019 the dispute has`,
    `cost both economies ${(i % 9) + 2} billion euros, and some 300 people have been displaced by the closure of crossings.`,
    `\n\nA planned video call between President Karel Sokol and President Irina Hrabal was postponed last week. Germany and France`,
    `offered to host a summit, and the European Union warned of new sanctions if the build-up continues. NATO foreign ministers`,
    `will discuss the situation in Brussels next week. Earlier, Polish diplomats met their Lithuanian counterparts in Vilnius to`,
    `coordinate a joint position, and the OSCE proposed monitors for the crossings. Officials said 14 battle groups and 600 tanks had`,
    `been seen near the frontier, up ${(i % 30) + 5} percent from January.`,
    `\n\nThe ministers agreed in principle to a prisoner exchange, which the Polish side called a positive signal. Still, residents`,
    `of the border villages fear an invasion, and local officials have begun to prepare shelters. ${a} is expected to brief the`,
    `European Union in Brussels on Thursday before travelling to ${city}, where the talks with ${b} will begin at noon. Diplomats`,
    `described the atmosphere as frank and business-like, and both sides stressed their readiness for compromise on the crossings,`,
    `but the military posture on the ground has not changed, and new drills were announced for the weekend.`,
    `\n\nIn ${city}, hotel staff prepared a conference room overlooking the lake, and security was tightened around the venue.`,
    `Observers recalled that the last round, held in Vilnius two years ago, ended without a joint statement after a dispute over`,
    `the wording of the final communique. This time both delegations arrive with smaller teams and a narrower agenda: the crossings,`,
    `the exchange of prisoners, and a hotline between the two defence ministries. ${b.split(' ')[1]} has said the hotline could be`,
    `running within weeks if Warsaw agrees, while ${a.split(' ')[1]} wants the crossings reopened first. Lithuanian and Latvian officials`,
    `will follow the talks closely, and the European Commission has offered technical help with customs checks at the border.`,
    `Business groups on both sides urged a quick deal, saying trade has fallen by ${(i % 20) + 10} percent since the closures began.`,
  ].join(' ');
}
