"""Time what one phone photo costs the build: probe, every variant, a share card.

    python benchmarks/bench_images.py [--photos 20] [--seed 1]

Makes ``--photos`` phone-like 4000x3000 JPEGs (gradients, shapes and sensor-like noise,
quality 95, with EXIF: orientation, camera, GPS, serial number; about 4 to 9 MB each) in a
temporary folder, then for each photo times:

- probe: ``probe_image``;
- variants: every variant ``plan_variant_specs`` gives for the default settings
  (480/960/1440 JPEG and WebP, the ``src`` one under 300 KB), made with ``make_variants``
  (a JPEG decoded once per decoding scale);
- one by one: the same variants, one ``make_variant`` call each (how an output kind that
  renders one file at a time makes them: the photo is decoded for each);
- card: ``cover_card``.

Prints the median, fastest and slowest seconds per photo for each step (wall clock, and
the median CPU time, steadier on a shared machine), and the bytes read and written. Figures are printed, never asserted. Runs on one core.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PIL import ExifTags, Image, ImageDraw

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kimpress.config.presentation import ImageSettings  # noqa: E402
from kimpress.media.card import cover_card  # noqa: E402
from kimpress.media.probe import probe_image  # noqa: E402
from kimpress.media.process import make_variant, make_variants, plan_variant_specs  # noqa: E402

SIZE = (4000, 3000)
BUDGET = 300 * 1024


def phone_photo(path: Path, rng: random.Random) -> None:
    """A 4000x3000 JPEG at quality 95 that compresses about as badly as a phone's, with a phone's EXIF."""
    red, round_ = Image.linear_gradient("L").resize(SIZE), Image.radial_gradient("L").resize(SIZE)
    picture = Image.merge("RGB", (red, round_, red.transpose(Image.Transpose.ROTATE_180)))
    draw = ImageDraw.Draw(picture)
    for _ in range(40):
        x, y = rng.randrange(SIZE[0]), rng.randrange(SIZE[1])
        radius = rng.randrange(40, 600)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=tuple(rng.randrange(256) for _ in "rgb"))
    grain = Image.frombytes("RGB", SIZE, rng.randbytes(SIZE[0] * SIZE[1] * 3))
    picture = Image.blend(picture, grain, rng.uniform(0.08, 0.22))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = rng.choice((1, 1, 6, 8))
    exif[ExifTags.Base.Make], exif[ExifTags.Base.Model] = "KameraHP", "X100"
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.BodySerialNumber] = f"SN{rng.randrange(10**9)}"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef], gps[ExifTags.GPS.GPSLatitude] = "N", (0.0, 8.0, 12.5)
    gps[ExifTags.GPS.GPSLongitudeRef], gps[ExifTags.GPS.GPSLongitude] = "E", (117.0, 29.0, 5.0)
    picture.save(path, quality=95, exif=exif.tobytes())


def timed(action):
    """(wall seconds, CPU seconds of this process, result): on a busy machine CPU time is the steadier."""
    start, cpu = time.perf_counter(), time.process_time()
    result = action()
    return (time.perf_counter() - start, time.process_time() - cpu), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args(argv)
    rng = random.Random(options.seed)
    settings = ImageSettings()
    steps: dict[str, list[tuple[float, float]]] = {"probe": [], "variants": [], "one by one": [], "card": [],
                                                   "total": []}
    bytes_in = bytes_out = card_bytes = src_bytes = count = 0
    with tempfile.TemporaryDirectory(prefix="kimpress-bench-images-") as folder:
        paths = [Path(folder) / f"IMG_{number:04d}.jpg" for number in range(options.photos)]
        (made, _), _ = timed(lambda: [phone_photo(path, rng) for path in paths])
        print(f"{options.photos} photos of {SIZE[0]}x{SIZE[1]} made in {made:.1f} s, "
              f"{sum(path.stat().st_size for path in paths) / options.photos / 1e6:.1f} MB each on average")
        for path in paths:
            probe, info = timed(lambda: probe_image(path))
            specs = plan_variant_specs(info, settings, BUDGET)
            variants, outputs = timed(lambda: make_variants(path, specs))
            one_by_one, _ = timed(lambda: [make_variant(path, spec) for spec in specs])
            card, share = timed(lambda: cover_card(path))
            for step, seconds in (("probe", probe), ("variants", variants), ("one by one", one_by_one),
                                  ("card", card), ("total", tuple(map(sum, zip(probe, variants, card))))):
                steps[step].append(seconds)
            bytes_in += path.stat().st_size
            bytes_out += sum(len(data) for data in outputs)
            src_bytes += next(len(data) for spec, data in zip(specs, outputs) if spec.max_bytes)
            card_bytes += len(share)
            count += len(outputs)
    print(f"\n{'step':<12} {'median s':>9} {'min s':>7} {'max s':>7} {'median CPU s':>13}")
    for step, pairs in steps.items():
        wall, cpu = [pair[0] for pair in pairs], [pair[1] for pair in pairs]
        print(f"{step:<12} {statistics.median(wall):>9.3f} {min(wall):>7.3f} {max(wall):>7.3f} "
              f"{statistics.median(cpu):>13.3f}")
    photos = options.photos
    print(f"\nper photo: {bytes_in / photos / 1e6:.2f} MB in; {count // photos} variants, "
          f"{bytes_out / photos / 1024:.0f} KB out (src {src_bytes / photos / 1024:.0f} KB), "
          f"card {card_bytes / photos / 1024:.0f} KB")
    print("total = probe + variants + card (one core)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
