"""``python -m benchmarks NAME [NAME ...] | all | --list``: print one JSON object per result."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pkgutil
import sys
from pathlib import Path

import django


def available() -> list[str]:
    package_dir = Path(__file__).parent
    return sorted(
        m.name for m in pkgutil.iter_modules([str(package_dir)]) if m.name.startswith("bench_")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("names", nargs="*", help="benchmark names (without bench_), or 'all'")
    parser.add_argument("--list", action="store_true", help="list the benchmarks")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for smoke tests")
    args = parser.parse_args(argv)

    names = [n.removeprefix("bench_") for n in available()]
    if args.list or not args.names:
        print("\n".join(names))
        return 0
    wanted = names if args.names == ["all"] else args.names
    unknown = [n for n in wanted if n not in names]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(names)}")

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    # Measured as deployed: without DEBUG's per-query bookkeeping (inherited by the workers
    # and servers the benchmarks start).
    os.environ.setdefault("DJANGO_DEBUG", "0")
    # Production settings demand their secrets and HTTPS: throw-away secrets (shared by the
    # processes a benchmark starts) and plain HTTP on loopback.
    from config.deploy import throwaway_secrets

    for name, value in throwaway_secrets().items():
        os.environ.setdefault(name, value)
    os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
    django.setup()
    from benchmarks.db import benchmark_database

    with benchmark_database():
        for name in wanted:
            module = importlib.import_module(f"benchmarks.bench_{name}")
            for result in module.run(args):
                print(json.dumps(result.as_dict(), ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
