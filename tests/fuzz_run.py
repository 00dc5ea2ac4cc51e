"""Fuzz run (not collected by pytest): ``python tests/fuzz_run.py [COUNT] [--seed N]``.

Generates COUNT (default 10 000) random documents — seed sentences shuffled
and mutated, random Unicode, random numbers in every format, markdown noise —
writes them in batches of 20 to a temporary folder as UTF-8, UTF-16, Latin-1
or raw bytes with CRLF or LF, and runs load + extract + checks on each batch
in-process. A crash is any exception other than a reported Problem; each is
printed with the seed that replays it. Exit status: 1 if anything crashed.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hklint.engine import Options, lint  # noqa: E402

SEEDS = ROOT / "seeds"
SENTENCES = [s.strip() for p in sorted(SEEDS.glob("*.txt"))
             for s in p.read_text(encoding="utf-8").replace("\n", " \n ").split(". ") if s.strip()]
NOISE = ["**", "__", "\\$", "\\", "|", "- ", "# ", "\t", "(", ")", "“", "”", "–", "\u00a0", "\u202f",
         "¹⁷", "m²", "<!-- hklint: ignore HK201 -->", "<!-- hklint: ignore", "(SKLs)", ":", "\x0c", "\r"]
WORDS = ["about", "over", "up to", "nearly", "more than", "million", "billion", "per cent", "%", "HK$", "US$",
         "RMB", "$", "as of", "June 2025", "2024-25", "end-2024", "from", "to", "each", "annual", "will",
         "Revision date:", "Last updated", "No.", "phase", "1:2", "doubled", "tripled", "State Key Laboratories"]


def number(rng: random.Random) -> str:
    digits = str(rng.choice([rng.randrange(10), rng.randrange(10**4), rng.randrange(10**9), 10**rng.randrange(40)]))
    style = rng.randrange(5)
    if style == 1:
        digits = f"{int(digits):,}"
    elif style == 2:
        digits = f"{int(digits):,}".replace(",", " ")
    elif style == 3:
        digits += "." + str(rng.randrange(1000))
    elif style == 4 and rng.random() < 0.1:
        digits = "9" * rng.randrange(50, 3000)
    return rng.choice(["", "", "$", "HK$", "US$", "RMB", "\\$", "about ", "over "]) + digits + \
        rng.choice(["", "", " million", " billion", "%", " per cent", " square metres", "-25", "th"])


def document(rng: random.Random) -> str:
    parts: list[str] = []
    for _ in range(rng.randrange(1, 30)):
        r = rng.random()
        if r < 0.45:
            sentence = rng.choice(SENTENCES)
            if rng.random() < 0.5:  # mutate: shuffle, drop or duplicate words
                words = sentence.split(" ")
                op = rng.randrange(3)
                if op == 0:
                    rng.shuffle(words)
                elif op == 1 and len(words) > 1:
                    del words[rng.randrange(len(words))]
                else:
                    words.insert(rng.randrange(len(words) + 1), rng.choice(WORDS + [number(rng)]))
                sentence = " ".join(words)
            parts.append(sentence + rng.choice([". ", ".\n", "\n\n", " ", "; "]))
        elif r < 0.65:
            parts.append(number(rng) + " " + rng.choice(WORDS) + " ")
        elif r < 0.8:
            parts.append(rng.choice(NOISE))
        elif r < 0.9:
            parts.append("".join(chr(rng.choice([rng.randrange(32, 127), rng.randrange(0x80, 0x3000),
                                                 rng.randrange(0x1F300, 0x1F650), rng.randrange(1, 32)]))
                                 for _ in range(rng.randrange(1, 60))))
        else:
            parts.append(" ".join(rng.choice(WORDS) for _ in range(rng.randrange(1, 12))) + ". ")
    return "".join(parts)


def encoded(rng: random.Random, text: str) -> bytes:
    if rng.random() < 0.3:
        text = text.replace("\n", "\r\n")
    choice = rng.random()
    if choice < 0.8:
        return text.encode("utf-8", "surrogatepass")
    if choice < 0.88:
        return text.encode("utf-16")
    if choice < 0.95:
        return text.encode("latin-1", "replace")
    raw = bytearray(text.encode("utf-8", "surrogatepass"))
    for _ in range(rng.randrange(1, 5)):  # flip bytes: invalid UTF-8, stray NULs
        if raw:
            raw[rng.randrange(len(raw))] = rng.randrange(256)
    return bytes(raw)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, nargs="?", default=10_000)
    parser.add_argument("--seed", type=int, default=20250731)
    parser.add_argument("--batch", type=int, default=20)
    args = parser.parse_args()
    crashes = problems = documents = claims = findings = 0
    started = time.perf_counter()
    slowest = (0.0, -1)
    with tempfile.TemporaryDirectory(prefix="hklint-fuzz-") as tmp:
        for batch in range(0, args.count, args.batch):
            seed = args.seed * 1_000_003 + batch
            rng = random.Random(seed)
            folder = Path(tmp) / f"b{batch}"
            folder.mkdir()
            for i in range(min(args.batch, args.count - batch)):
                (folder / f"doc{i:02d}.{rng.choice(['md', 'txt'])}").write_bytes(encoded(rng, document(rng)))
            t = time.perf_counter()
            try:
                report = lint([str(folder)], Options(min_confidence=0.0))
            except Exception:  # noqa: BLE001 - counting is the point
                crashes += 1
                print(f"CRASH in batch seed {seed}:\n{traceback.format_exc()}", file=sys.stderr)
                continue
            elapsed = time.perf_counter() - t
            slowest = max(slowest, (elapsed, seed))
            internal = [p for p in report.problems if "internal error" in p.message]
            crashes += len(internal)
            for p in internal:
                print(f"CRASH (caught per document) seed {seed}: {p}", file=sys.stderr)
            problems += len(report.problems)
            documents += len(report.documents)
            claims += report.claim_count
            findings += len(report.findings)
    total = time.perf_counter() - started
    print(f"{args.count} documents generated, {documents} read, {problems} problems reported, "
          f"{claims} claims, {findings} findings, {crashes} crashes, {total:.1f} s "
          f"(slowest batch {slowest[0]:.2f} s, seed {slowest[1]})")
    return 1 if crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())
