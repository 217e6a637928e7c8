"""Sections 5 and 6 of bench/RESULTS.md: serving to real users (issue 15).

`python -m bench` writes them after sections 1-4; `python -m bench.serving` measures only these and
replaces them in bench/RESULTS.md (the other sections stay as they were).
"""

from __future__ import annotations

from pathlib import Path

from bench import bench_burst, bench_network

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
MARKER = "## 5. Network"
LATER_MARKER = "## 7. Languages"
COLD_TARGET = 0.8  # every page's cold visit through the stack within 0.8x the bare page served directly
BURST_P95_TARGET_S = 1.5
BURST_MEMORY_MB = 1536


def network_section(timings: list[bench_network.NetworkTiming]) -> list[str]:
    bare = next(t for t in timings if t.page == "bare")
    lines = [MARKER + ": cold and warm visits at 10 Mbit/s down, 2 up, 60 ms", "",
             "Chromium's network emulation; medians of 3 rounds; each round visits the bare one-chart page served "
             "directly (the baseline), every page served directly by one `streamlit run`, and every page through "
             "the stack (deploy/serve: HAProxy with gzip and 2 replicas). Cold: a new browser context; warm: a "
             "reload (hashed scripts come from the cache). MB: what the cold visit moved over the link.", "",
             f"Bare page, direct: cold {bare.cold_s:.2f} s, warm {bare.warm_s:.2f} s, {bare.bytes_mb:.2f} MB.", "",
             "| page | direct cold s | stack cold s | stack cold / bare | direct warm s | stack warm s | "
             "direct MB | stack MB |", "|---|---|---|---|---|---|---|---|"]
    pages = [t.page for t in timings if t.served == "direct" and t.page != "bare"]
    by = {(t.page, t.served): t for t in timings}
    for page in pages:
        direct, stack = by[page, "direct"], by[page, "stack"]
        lines.append(f"| {page} | {direct.cold_s:.2f} | {stack.cold_s:.2f} | {stack.cold_s / bare.cold_s:.2f}× | "
                     f"{direct.warm_s:.2f} | {stack.warm_s:.2f} | {direct.bytes_mb:.2f} | {stack.bytes_mb:.2f} |")
    met = all(by[page, "stack"].cold_s <= COLD_TARGET * bare.cold_s for page in pages)
    lines += ["", f"Target: every page's cold visit through the stack within {COLD_TARGET}× the bare page served "
                  f"directly: {'met' if met else 'missed'}.", ""]
    return lines


def burst_section(results: list[bench_burst.BurstResult]) -> list[str]:
    lines = ["## 6. The shared-link burst and failover", "",
             f"{bench_burst.SESSIONS} sessions over {bench_burst.ARRIVAL_S:.0f} s (Poisson arrivals), each opening the same "
             f"link (`/meetings?{bench_burst.LINK[1]}`) and then changing two controls (one of three pairs), over "
             "Streamlit's websocket protocol. Time to the view per action; an error is an action that did not "
             "show its view; in the failover run a session whose websocket closed reconnects and sends its "
             "action again (as the browser does). Memory: each replica's peak RSS. Client CPU: what the benchmark's "
             "own client (parsing every message of every session) used of the same 2 cores. View cache hit rate: "
             "what the servers' shared view caches reported as they stopped (all caches, warm-up included).", "",
             "| run | actions | p50 s | p95 s | errors | users with an error | reconnects | peak RSS MB | wall s | "
             "client CPU s | view cache hit rate |", "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        lines.append(f"| {r.name} | {len(r.actions)} | {r.p50:.2f} | {r.p95:.2f} | {r.errors} | {r.users_with_error} | "
                     f"{r.reconnects} | {' + '.join(f'{mb:.0f}' for mb in r.peak_rss_mb)} | {r.wall_s:.0f} | "
                     f"{r.client_cpu_s:.0f} | {r.cache.get('hit_rate', float('nan')):.3f} |")
    kinds = [f"{r.name}: " + ", ".join(f"{kind} {count}" for kind, count in r.error_kinds.most_common())
             for r in results if r.error_kinds]
    if kinds:
        lines += ["", "What the errors were: " + "; ".join(kinds) + "."]
    stack = results[1]
    met = stack.p95 < BURST_P95_TARGET_S and stack.errors == 0 and sum(stack.peak_rss_mb) < BURST_MEMORY_MB
    lines += ["", f"Target: through the stack, p95 under {BURST_P95_TARGET_S} s, no error and under "
                  f"{BURST_MEMORY_MB / 1024:.1f} GB in all: {'met' if met else 'missed'}.", ""]
    return lines


def sections() -> list[str]:
    print("5/6 network...", flush=True)
    lines = network_section(bench_network.measure())
    print("6/6 burst...", flush=True)
    return lines + burst_section(bench_burst.measure())


def main() -> None:
    text = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n"
    kept, _, after = text.partition(MARKER)
    later = after[after.index(LATER_MARKER):] if LATER_MARKER in after else ""  # section 7 stays
    RESULTS.write_text(kept.rstrip("\n") + "\n\n" + "\n".join(sections()) + ("\n" + later if later else ""))
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
