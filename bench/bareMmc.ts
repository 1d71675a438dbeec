/**
 * The yardstick: an M/M/c queue as tight as JavaScript allows — a binary heap of event
 * times in typed arrays, a ring buffer for the line, xoshiro128** inline, nothing allocated
 * per event. The engine is measured against this.
 */
export function bareMmc(
  customers: number,
  lambdaPerMs: number,
  muPerMs: number,
  c: number,
  seed = 1,
): { meanResponse: number; events: number } {
  // xoshiro128** state
  let s0 = 0x9e3779b9 ^ seed;
  let s1 = 0x243f6a88;
  let s2 = 0xb7e15162;
  let s3 = 0x12345678 ^ (seed * 7);
  const rnd = () => {
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return (r + 1) * 2.3283064365386963e-10;
  };
  // Event heap: time + kind (0 arrival, 1 departure) + payload (arrival time of the customer).
  const cap = 1 << 16;
  const ht = new Float64Array(cap);
  const hk = new Uint8Array(cap);
  const hp = new Float64Array(cap);
  let hn = 0;
  const push = (t: number, k: number, p: number) => {
    let i = hn++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((ht[parent] as number) <= t) break;
      ht[i] = ht[parent] as number;
      hk[i] = hk[parent] as number;
      hp[i] = hp[parent] as number;
      i = parent;
    }
    ht[i] = t;
    hk[i] = k;
    hp[i] = p;
  };
  let popT = 0;
  let popK = 0;
  let popP = 0;
  const pop = () => {
    popT = ht[0] as number;
    popK = hk[0] as number;
    popP = hp[0] as number;
    const lt = ht[--hn] as number;
    const lk = hk[hn] as number;
    const lp = hp[hn] as number;
    let i = 0;
    for (;;) {
      let ch = 2 * i + 1;
      if (ch >= hn) break;
      if (ch + 1 < hn && (ht[ch + 1] as number) < (ht[ch] as number)) ch++;
      if (lt <= (ht[ch] as number)) break;
      ht[i] = ht[ch] as number;
      hk[i] = hk[ch] as number;
      hp[i] = hp[ch] as number;
      i = ch;
    }
    ht[i] = lt;
    hk[i] = lk;
    hp[i] = lp;
  };
  const ringCap = 1 << 20;
  const ring = new Float64Array(ringCap);
  let head = 0;
  let len = 0;
  let busy = 0;
  let done = 0;
  let sum = 0;
  let events = 0;
  let generated = 0;
  push(-Math.log(rnd()) / lambdaPerMs, 0, 0);
  while (done < customers) {
    pop();
    events++;
    const now = popT;
    if (popK === 0) {
      generated++;
      if (generated < customers) push(now - Math.log(rnd()) / lambdaPerMs, 0, 0);
      if (busy < c) {
        busy++;
        push(now - Math.log(rnd()) / muPerMs, 1, now);
      } else {
        ring[(head + len) & (ringCap - 1)] = now;
        len++;
      }
    } else {
      done++;
      sum += now - popP;
      if (len > 0) {
        const arrived = ring[head] as number;
        head = (head + 1) & (ringCap - 1);
        len--;
        push(now - Math.log(rnd()) / muPerMs, 1, arrived);
      } else busy--;
    }
  }
  return { meanResponse: sum / done, events };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
