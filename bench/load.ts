/**
 * How busy the rest of the machine was while a measurement ran. A rate measured while other
 * processes took CPU is low by their share, and two workers on two cores suffer most: every
 * measured run therefore records the cores other processes used, from Linux's /proc/stat (the
 * whole machine's CPU time) less the time of the measured process and of the benchmark itself.
 */
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';

/** Clock ticks per second of /proc/stat (getconf CLK_TCK; 100 on every Linux build we know). */
let ticksPerSec: number | undefined;

/** CPU time the whole machine has spent busy since boot, in ms; undefined where /proc/stat is not readable. */
export function machineBusyMs(): number | undefined {
  let first: string | undefined;
  try {
    first = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0];
  } catch {
    return undefined;
  }
  const busy = busyTicks(first ?? '');
  if (busy === undefined) return undefined;
  ticksPerSec ??= clockTicks();
  return (busy * 1000) / ticksPerSec;
}

/**
 * Busy ticks in the "cpu" line of /proc/stat: user, nice, system, irq, softirq and steal (time taken
 * by other virtual machines on the same host); idle and iowait are not busy, and guest time is
 * already inside user.
 */
export function busyTicks(line: string): number | undefined {
  const f = line.trim().split(/\s+/);
  if (f[0] !== 'cpu' || f.length < 8) return undefined;
  const n = f.slice(1).map(Number);
  if (n.some((x) => !Number.isFinite(x))) return undefined;
  const [user, nice, system, , , irq, softirq, steal = 0] = n as [number, number, number, number, number, number, number, number?];
  return user + nice + system + irq + softirq + steal;
}

function clockTicks(): number {
  try {
    const n = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isInteger(n) && n > 0 ? n : 100;
  } catch {
    return 100;
  }
}

/** This process's own CPU time so far, in ms. */
export function selfCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** A window opened before a measurement; `close` gives the cores other processes used on average over it. */
export interface LoadWindow {
  close(measuredCpuMs: number | undefined): number | undefined;
}

/**
 * Opens a window at this moment. `close(measuredCpuMs)`, with the CPU time of the measured process
 * over the same window, gives (machine busy − measured − this process) ÷ wall time, in cores; never
 * below 0 (the counters tick at 10 ms). Undefined when /proc/stat or the measured time is not known.
 */
export function openLoadWindow(now: () => number = () => performance.now()): LoadWindow {
  const busy0 = machineBusyMs();
  const self0 = selfCpuMs();
  const t0 = now();
  return {
    close(measuredCpuMs) {
      const busy1 = machineBusyMs();
      const wallMs = now() - t0;
      if (busy0 === undefined || busy1 === undefined || measuredCpuMs === undefined || wallMs <= 0) return undefined;
      return otherCores(busy1 - busy0, measuredCpuMs, selfCpuMs() - self0, wallMs);
    },
  };
}

/** Cores other processes used on average: what the machine spent busy less the measured and benchmark processes, over the wall time. */
export function otherCores(machineMs: number, measuredMs: number, selfMs: number, wallMs: number): number {
  return Math.max(0, machineMs - measuredMs - selfMs) / wallMs;
}
