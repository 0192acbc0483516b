"""python -m accord.bench_checker [--size N] [--passages N] [--baseline-passages N] [--runs N]"""

import argparse
import json

from accord.bench_checker import Figures, run_bench


def _report(figures: Figures) -> dict[str, object]:
    ours, theirs = figures.accuracy
    return {
        "provisions": figures.size,
        "passages": figures.passages,
        "baseline_passages_per_run": figures.baseline_passages,
        "runs": len(figures.runs),
        "index_build_s_median": round(figures.build_seconds, 2),
        "index_build_s_each_run": [round(r.build_seconds, 2) for r in figures.runs],
        "check_ms_median": round(figures.check_ms, 2),
        "check_ms_median_each_run": [
            round(sorted(r.check_ms)[len(r.check_ms) // 2], 2) for r in figures.runs
        ],
        "baseline_ms_median": round(figures.baseline_ms, 1),
        "speed_up": round(figures.baseline_ms / figures.check_ms, 1),
        "recall_vs_exhaustive": round(figures.recall, 4),
        "top_source_right_ours": round(ours, 4),
        "top_source_right_baseline": round(theirs, 4),
    }


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m accord.bench_checker")
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--passages", type=int, default=500)
    parser.add_argument("--baseline-passages", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    figures = run_bench(args.size, args.passages, args.baseline_passages, args.runs, args.seed)
    print(json.dumps(_report(figures), indent=2))


if __name__ == "__main__":
    main()
