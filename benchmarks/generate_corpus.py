"""Generate a deterministic KIM site of N articles for benchmarks.

    python benchmarks/generate_corpus.py DEST --articles 1000 --kelurahan 15 [--seed 1] [--force]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

WORDS = ("warga kelurahan kegiatan posyandu kerja bakti informasi masyarakat pemerintah kota program layanan "
         "kesehatan pendidikan lingkungan sampah saluran air jalan pasar usaha kuliner batik amplang pelatihan "
         "relawan pemuda karang taruna ibu bapak anak sekolah masjid balai rapat musyawarah bantuan sosial "
         "pengumuman jadwal kantor lurah camat hoaks fakta sumber berita digital ponsel pesan berantai").split()
TAGS = [f"topik-{i}" for i in range(60)]
AUTHORS = [f"Penulis {chr(65 + i % 26)}{i}" for i in range(40)]
CATEGORIES = ["berita", "pengumuman", "agenda", "cek-fakta", "umkm", "galeri", "opini"]


def sentence(rng: random.Random, low: int = 8, high: int = 18) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def body(rng: random.Random, earlier: list[str]) -> str:
    parts, words = [], 0
    target = rng.randint(300, 900)
    while words < target:
        kind = rng.random()
        if kind < 0.1:
            parts.append("## " + sentence(rng, 2, 5).rstrip("."))
        elif kind < 0.2:
            parts.append("\n".join(f"- {sentence(rng, 3, 8)}" for _ in range(rng.randint(2, 5))))
        elif kind < 0.23:
            rows = "\n".join(f"| {rng.choice(WORDS)} | {rng.randint(1, 99)} |" for _ in range(3))
            parts.append("| Hal | Jumlah |\n|---|---|\n" + rows)
        else:
            parts.append(" ".join(sentence(rng) for _ in range(rng.randint(2, 5))))
        words += len(parts[-1].split())
    if earlier and rng.random() < 0.2:
        parts.append(f"Baca juga [kabar sebelumnya](../{rng.choice(earlier)}).")
    return "\n\n".join(parts) + "\n"


def generate(dest: Path, articles: int, kelurahan: int, seed: int) -> None:
    rng = random.Random(seed)
    kel = [f"kelurahan-{i:02d}" for i in range(kelurahan)]
    kecamatan = {f"kecamatan-{k}": kel[k::3] for k in range(3)}
    lines = ["title: Benchmark KIM", "base_url: https://bench.example/kim/", "language: id",
             "timezone: Asia/Makassar", "paginate: 10", "categories:"]
    lines += [f"  {c}: {c.replace('-', ' ').title()}" for c in CATEGORIES]
    lines.append("wilayah:")
    for kec, members in kecamatan.items():
        lines += [f"  {kec}:", f"    name: {kec.replace('-', ' ').title()}", "    kelurahan:"]
        lines += [f"      {k}: {{name: {k.replace('-', ' ').title()}}}" for k in members]
    (dest / "content").mkdir(parents=True)
    (dest / "site.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for k in kel:
        (dest / "content" / k).mkdir()
        (dest / "content" / k / "_index.md").write_text(
            f"---\nname: {k.replace('-', ' ').title()}\nkim: KIM {k}\n---\n{sentence(rng)}\n", encoding="utf-8")
    written: dict[str, list[str]] = {k: [] for k in kel}
    for index in range(articles):
        k = kel[index % kelurahan]
        year, month, day = rng.randint(2018, 2024), rng.randint(1, 12), rng.randint(1, 28)
        slug = f"artikel-{index:05d}"
        name = f"{year}-{month:02d}-{day:02d}-{slug}.md"
        tags = ", ".join(rng.sample(TAGS, rng.randint(1, 4)))
        front = (f"---\ntitle: {sentence(rng, 4, 9).rstrip('.')}\ndate: {year}-{month:02d}-{day:02d} "
                 f"{rng.randint(6, 21):02d}:{rng.randint(0, 59):02d}\nauthor: {rng.choice(AUTHORS)}\n"
                 f"category: {rng.choice(CATEGORIES)}\ntags: [{tags}]\n---\n")
        earlier = [f"{k}/{n}" for n in written[k][-50:]]
        (dest / "content" / k / name).write_text(front + body(rng, earlier), encoding="utf-8")
        written[k].append(name)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--kelurahan", type=int, default=15)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--force", action="store_true", help="replace a non-empty DEST")
    args = parser.parse_args()
    if args.dest.exists() and any(args.dest.iterdir()):
        if not args.force:
            print(f"{args.dest} is not empty (use --force)", file=sys.stderr)
            return 1
        shutil.rmtree(args.dest)
    args.dest.mkdir(parents=True, exist_ok=True)
    generate(args.dest, args.articles, args.kelurahan, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
