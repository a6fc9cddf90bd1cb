// Masked login names that stay distinguishable (issue 15). "annv.vm" → "an***.vm" is enough to
// recognise an account and not enough to log in with — but two logins can mask alike
// ("kienlt.vm", "kimnh.vm" → "ki***.vm" twice), and a list whose rows cannot be told apart cannot
// be acted on. So masks are computed over the whole set of logins a file may show: where two
// distinct logins mask alike, both reveal one more character at each end of the name, until
// every mask is unique; logins too short for that get a number ("#2"). Already masked text
// (containing "***", e.g. from a unit's file at the receiving office) is kept as it is.

const STARS = '***';

function maskAt(login: string, level: number): string {
  const dot = login.lastIndexOf('.');
  const local = dot > 0 ? login.slice(0, dot) : login;
  const suffix = dot > 0 ? login.slice(dot) : '';
  // At least one character of the name stays hidden, whatever the level.
  const shown = Math.max(0, Math.min(2 + 2 * level, local.length - 1));
  const head = Math.min(shown, 2 + level);
  const tail = shown - head;
  return `${local.slice(0, head)}${STARS}${tail > 0 ? local.slice(-tail) : ''}${suffix}`;
}

/** Build the masks of a set of logins: unique masks for distinct logins, deterministic for the set. */
export function loginMasker(logins: Iterable<string>): (login: string) => string {
  const distinct = [...new Set([...logins].filter((l) => !l.includes(STARS)))].sort();
  const level = new Map(distinct.map((l) => [l, 0]));
  const masks = new Map<string, string>();
  for (let round = 0; round < 64; round++) {
    const groups = new Map<string, string[]>();
    for (const l of distinct) {
      const m = maskAt(l, level.get(l)!);
      masks.set(l, m);
      groups.set(m, [...(groups.get(m) ?? []), l]);
    }
    let bumped = false;
    for (const members of groups.values()) {
      if (members.length < 2) continue;
      for (const l of members) {
        const next = level.get(l)! + 1;
        if (maskAt(l, next) !== maskAt(l, level.get(l)!)) {
          level.set(l, next);
          bumped = true;
        }
      }
    }
    if (!bumped) break;
  }
  // What is still alike (very short names): numbered in login order.
  const byMask = new Map<string, string[]>();
  for (const l of distinct) byMask.set(masks.get(l)!, [...(byMask.get(masks.get(l)!) ?? []), l]);
  for (const [m, members] of byMask) if (members.length > 1) members.forEach((l, i) => masks.set(l, `${m}#${i + 1}`));
  return (login: string) => masks.get(login) ?? (login.includes(STARS) ? login : maskAt(login, 0));
}
